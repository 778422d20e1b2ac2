package com.bpo.portal.tenantadmin.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code migrate} brings the schema up to date; {@code seed-demo} adds the demo tenants' data
 * (idempotent). Both connect as the schema owner; the server itself only ever connects as the
 * application role, which owns nothing and cannot change the schema. {@code tenant} administers
 * tenants through the running portal's admin API ({@link TenantCommand}).
 */
public final class PortalAdminCli {
  private PortalAdminCli() {}

  public static void main(String[] args) throws SQLException {
    DatabaseSettings db = DatabaseSettings.fromEnvironment(System.getenv());
    String command = args.length == 0 ? "help" : args[0];
    switch (command) {
      case "migrate" -> migrate(db);
      case "seed-demo" -> {
        try (Connection connection =
            DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
          new DemoData(connection).seed();
        }
        System.out.println("Demo tenants seeded: acme, globex");
      }
      case "generate" -> {
        // generate <tenant> <customers> <invoices>: bench and demo volume for one tenant
        if (args.length != 4) {
          usage();
        }
        try (Connection connection =
            DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
          long started = System.nanoTime();
          String currency = new TenantRegistry(connection).currencyOf(args[1]);
          new ReceivablesGenerator(connection)
              .generate(
                  args[1],
                  currency,
                  Integer.parseInt(args[2]),
                  Long.parseLong(args[3]),
                  java.time.LocalDate.now());
          System.out.printf(
              "Tenant %s: %s customers and %s invoices added in %.1f s%n",
              args[1], args[2], args[3], (System.nanoTime() - started) / 1e9);
        }
      }
      case "generate-tenants" -> {
        // generate-tenants <prefix> <count> <customers> <invoices>: many small tenants beside a big
        // one (issue 22, "many tenants"), <prefix>0001 ... each opened if missing, in one process
        if (args.length != 5) {
          usage();
        }
        try (Connection connection =
            DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
          long started = System.nanoTime();
          int count = Integer.parseInt(args[2]);
          for (int i = 1; i <= count; i++) {
            String slug = args[1] + String.format("%04d", i);
            String currency = new TenantRegistry(connection).currencyOf(slug);
            new ReceivablesGenerator(connection)
                .generate(
                    slug,
                    currency,
                    Integer.parseInt(args[3]),
                    Long.parseLong(args[4]),
                    java.time.LocalDate.now());
            if (i % 100 == 0 || i == count) {
              System.out.printf(
                  "%d tenants of %s customers and %s invoices in %.1f s%n",
                  i, args[3], args[4], (System.nanoTime() - started) / 1e9);
            }
          }
        }
      }
      case "tenants" -> {
        try (Connection connection =
            DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
          TenantRegistry registry = new TenantRegistry(connection);
          if (args.length == 3 && (args[1].equals("suspend") || args[1].equals("activate"))) {
            registry.setStatus(args[2], args[1].equals("suspend") ? "SUSPENDED" : "ACTIVE");
            System.out.println(
                "Tenant " + args[2] + (args[1].equals("suspend") ? " suspended" : " active"));
          } else if (args.length >= 2 && args[1].equals("create")) {
            if (args.length != 7) {
              usage();
            }
            registry.create(args[2], args[3], args[4], args[5], args[6]);
            System.out.println("Tenant " + args[2] + " created");
          } else {
            registry.list().forEach(System.out::println);
          }
        }
      }
      case "audit" -> {
        // audit verify [tenant]: exit status 1 when any chain is broken
        if (args.length < 2 || !args[1].equals("verify") || args.length > 3) {
          usage();
        }
        try (Connection connection =
            DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
          String anchors = System.getenv("PORTAL_AUDIT_ANCHOR_DIR");
          if (!new AuditVerification(
                  connection, anchors == null || anchors.isBlank() ? null : Path.of(anchors))
              .verify(args.length == 3 ? args[2] : null)) {
            System.exit(1);
          }
        }
      }
      case "balances" -> {
        // balances verify [tenant]: exit status 1 when a summary differs from its invoices
        if (args.length < 2 || !args[1].equals("verify") || args.length > 3) {
          usage();
        }
        try (Connection connection =
            DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
          if (!new BalanceVerification(connection).verify(args.length == 3 ? args[2] : null)) {
            System.exit(1);
          }
        }
      }
      case "tenant" -> {
        try {
          System.exit(
              new TenantCommand(System.getenv())
                  .run(java.util.Arrays.asList(args).subList(1, args.length)));
        } catch (java.io.IOException e) {
          System.err.println(e.getMessage());
          System.exit(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          System.exit(1);
        }
      }
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println(
        """
        usage: PortalAdminCli migrate
               PortalAdminCli seed-demo
               PortalAdminCli generate <tenant> <customers> <invoices>
               PortalAdminCli generate-tenants <slug prefix> <count> <customers> <invoices>
               PortalAdminCli tenants [list]
               PortalAdminCli tenants create <slug> <name> <locale> <currency> <time zone>
               PortalAdminCli tenants suspend|activate <slug>
               PortalAdminCli audit verify [tenant]
               PortalAdminCli balances verify [tenant]
               PortalAdminCli tenant create|suspend|resume|test-mode|export|delete|list ... (through the portal's admin API)""");
    System.exit(2);
  }

  static void migrate(DatabaseSettings db) {
    // PORTAL_DEV_SHARED_DB=true lets several working copies (branches under development) share one
    // local database: each applies its own migrations out of order and tolerates the others' (those
    // below
    // its own latest are "missing" to it, those above "future"). Never set in CI or production,
    // where the
    // history must match the code exactly.
    boolean sharedDevDatabase = Boolean.parseBoolean(System.getenv("PORTAL_DEV_SHARED_DB"));
    var config =
        Flyway.configure()
            .dataSource(db.url(), db.owner(), db.ownerPassword())
            .locations("classpath:db/migration")
            .placeholders(Map.of("appRole", db.appRole(), "eraserRole", db.eraserRole()));
    if (sharedDevDatabase) {
      config = config.outOfOrder(true).ignoreMigrationPatterns("*:missing", "*:future");
    }
    MigrateResult result = config.load().migrate();
    try (Connection connection =
        DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
      List<String> unguarded = new java.util.ArrayList<>(SchemaGuard.unguardedTables(connection));
      unguarded.addAll(SchemaGuard.unindexedForeignKeys(connection));
      if (!unguarded.isEmpty()) {
        throw new IllegalStateException(
            "Tables without their guards:\n  " + String.join("\n  ", unguarded));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not check the schema's guards", e);
    }
    System.out.printf(
        "Schema at version %s (%d migration(s) applied now)%n",
        result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion,
        result.migrationsExecuted);
  }
}
