package com.bpo.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.tenant.TenantService;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the build enforces, so that a shortcut fails in seconds rather than in review: the
 * domain (portal-api) knows neither the screens nor tenant administration, views hold no SQL, and
 * only services (the transaction boundary, where the tenant is bound) touch the EntityManager.
 */
class ArchitectureTest {
  private static final String[] API_FEATURES = {
    "com.bpo.portal.audit..",
    "com.bpo.portal.collection..",
    "com.bpo.portal.cash..",
    "com.bpo.portal.credit..",
    "com.bpo.portal.approval..",
    "com.bpo.portal.close..",
    "com.bpo.portal.dispute..",
    "com.bpo.portal.governance..",
    "com.bpo.portal.health..",
    "com.bpo.portal.invoice..",
    "com.bpo.portal.limits..",
    "com.bpo.portal.mail..",
    "com.bpo.portal.procedure..",
    "com.bpo.portal.scorecard..",
    "com.bpo.portal.shared..",
    "com.bpo.portal.tenant..",
    "com.bpo.portal.webhook.."
  };

  /** Classes that may hold an EntityManager without being a {@code @TenantService}, and why. */
  private static final Set<String> ENTITY_MANAGER_OUTSIDE_SERVICES =
      Set.of(
          // the one way native SQL runs: it binds the tenant itself
          "com.bpo.portal.shared.sql.TenantSql",
          // the hook that binds the tenant to the transaction, before any service runs
          "com.bpo.portal.tenant.TenantBinding",
          // the tenant registry (no tenant_id): looks a tenant up before one is bound, and lists
          // the tenants
          // every scheduled job walks
          "com.bpo.portal.tenant.TenantDirectory");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.bpo.portal");
  }

  @Test
  void theDomainKnowsNeitherScreensNorTenantAdministration() {
    noClasses()
        .that()
        .resideInAnyPackage(API_FEATURES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.bpo.portal.ui..", "com.bpo.portal.tenantadmin..")
        .check(classes);
  }

  @Test
  void tenantAdministrationKnowsNoScreens() {
    noClasses()
        .that()
        .resideInAPackage("com.bpo.portal.tenantadmin..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.bpo.portal.ui..")
        .check(classes);
  }

  @Test
  void viewsHoldNoSql() {
    noClasses()
        .that()
        .resideInAPackage("com.bpo.portal.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "java.sql..", "com.bpo.portal.shared.sql..")
        .because(
            "a view translates and delegates; the feature's service and query class own the SQL")
        .check(classes);
  }

  @Test
  void onlyServicesTouchTheEntityManager() {
    noClasses()
        .that(
            new DescribedPredicate<JavaClass>(
                "are not services (@TenantService, or @Transactional "
                    + "for the platform's tenant registry) nor a listed exception") {
              @Override
              public boolean test(JavaClass c) {
                boolean service =
                    c.isAnnotatedWith(TenantService.class)
                        || c.isAnnotatedWith(Transactional.class)
                        || c.getMethods().stream()
                            .anyMatch(m -> m.isAnnotatedWith(Transactional.class));
                return !service && !ENTITY_MANAGER_OUTSIDE_SERVICES.contains(c.getName());
              }
            })
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.persistence.EntityManager")
        .check(classes);
  }

  /**
   * Vaadin's upload speaks English only ("Upload File...", "1 KB"): every view that makes one gives
   * it the reader's language through {@code UploadTexts.translate} (the cash screen's did not).
   */
  @Test
  void everyUploadIsGivenTheReadersLanguage() {
    List<String> untranslated = new ArrayList<>();
    for (JavaClass c : classes) {
      boolean makesUpload =
          c.getConstructorCallsFromSelf().stream()
              .anyMatch(
                  call ->
                      call.getTargetOwner()
                          .isAssignableTo("com.vaadin.flow.component.upload.Upload"));
      boolean translates =
          c.getMethodCallsFromSelf().stream()
              .anyMatch(
                  call ->
                      call.getTargetOwner().getName().equals("com.bpo.portal.ui.UploadTexts")
                          && call.getName().equals("translate"));
      if (makesUpload && !translates) {
        untranslated.add(c.getName());
      }
    }
    assertEquals(List.of(), untranslated, "uploads left in English");
  }
}
