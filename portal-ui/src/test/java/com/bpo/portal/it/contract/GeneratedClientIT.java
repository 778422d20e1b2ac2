package com.bpo.portal.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.client.ApiClient;
import com.bpo.portal.client.ApiException;
import com.bpo.portal.client.api.DisputesApi;
import com.bpo.portal.client.api.InvoicesApi;
import com.bpo.portal.client.model.DisputeDetail;
import com.bpo.portal.client.model.InvoiceSummary;
import com.bpo.portal.client.model.NewDispute;
import com.bpo.portal.client.model.NewDisputeItem;
import com.bpo.portal.client.model.PageInvoiceSummary;
import com.bpo.portal.it.Portal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client generated from docs/openapi.json (the build's openapi-generator, package
 * com.bpo.portal.client) works against the portal: a customer signs in, lists their invoices and
 * raises a dispute on one, with no hand-written HTTP or JSON.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GeneratedClientIT {
  static final String FIXTURE = "FIX-CLIENT-1";
  static long invoiceId;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void createInvoice() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      try (PreparedStatement insert =
          db.prepareStatement(
              """
          insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                               net_amount, tax_amount, total_amount)
          select 'acme', ?, id, current_date, current_date + 30, currency, 90.00, 0, 90.00
          from customer_account where tenant_id = 'acme' and number = 'A-1001' returning id""")) {
        insert.setString(1, FIXTURE);
        try (ResultSet rs = insert.executeQuery()) {
          assertTrue(rs.next(), "customer A-1001 exists in acme");
          invoiceId = rs.getLong(1);
        }
      }
      db.commit();
    }
  }

  @AfterAll
  static void removeInvoice() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      db.commit();
    }
  }

  /** A generated client signed in as a demo user with a token from Keycloak. */
  static ApiClient signedIn(String user) {
    URI portal = URI.create(Portal.URL);
    String token = Portal.token(user);
    return new ApiClient()
        .setScheme(portal.getScheme())
        .setHost(portal.getHost())
        .setPort(portal.getPort())
        .setBasePath("")
        .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
  }

  @Test
  void aCustomerListsInvoicesAndRaisesADisputeThroughTheGeneratedClient() throws ApiException {
    ApiClient customer = signedIn("customer.acme");

    PageInvoiceSummary page =
        new InvoicesApi(customer)
            .invoiceResourceExport(
                InvoicesApi.APIInvoiceResourceExportRequest.newBuilder()
                    .q(FIXTURE)
                    .limit(10)
                    .build());
    assertEquals(1, page.getItems().size(), page.toString());
    InvoiceSummary invoice = page.getItems().get(0);
    assertEquals(FIXTURE, invoice.getNumber());
    assertEquals("90.00", invoice.getTotal().getAmount());

    DisputeDetail raised =
        new DisputesApi(customer)
            .disputeResourceRaise(
                DisputesApi.APIDisputeResourceRaiseRequest.newBuilder()
                    .newDispute(
                        new NewDispute()
                            .reasonCode("QUANTITY")
                            .description("Raised through the generated client (test data)")
                            .addItemsItem(
                                new NewDisputeItem().invoiceId(invoice.getId()).amount("15.00")))
                    .build());
    assertEquals(invoice.getId(), raised.getItems().get(0).getInvoiceId());
    assertEquals("15.00", raised.getItems().get(0).getAmount().getAmount());
    assertFalse(raised.getDispute().getId() == null);
  }

  @Test
  void aRefusalArrivesAsAnApiExceptionWithTheProblem() {
    ApiClient stranger = signedIn("customer.acme");
    ApiException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApiException.class,
            () ->
                new DisputesApi(stranger)
                    .disputeResourceGet(
                        DisputesApi.APIDisputeResourceGetRequest.newBuilder()
                            .id(Long.MAX_VALUE)
                            .build()));
    assertEquals(404, refused.getCode());
    assertTrue(refused.getResponseBody().contains("/problems/"), refused.getResponseBody());
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  private static void deleteFixture(Connection db) throws SQLException {
    String ours =
        "(select id from invoice where tenant_id = 'acme' and number = '" + FIXTURE + "')";
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          "delete from dispute where tenant_id = 'acme' and id in (select dispute_id from dispute_item "
              + "where tenant_id = 'acme' and invoice_id in "
              + ours
              + ")");
      s.executeUpdate("delete from credit_note where tenant_id = 'acme' and invoice_id in " + ours);
      s.executeUpdate(
          "delete from invoice where tenant_id = 'acme' and number = '" + FIXTURE + "'");
    }
  }
}
