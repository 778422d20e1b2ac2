package com.bpo.portal.ui.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.webhook.WebhookEndpoint;
import com.bpo.portal.webhook.WebhookService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The endpoint form without a browser: what it lets through, and where the server's errors land.
 */
class EndpointFormTest {
  private final EndpointForm form = new EndpointForm();
  private final List<WebhookService.EndpointRequest> saved = new ArrayList<>();

  EndpointFormTest() {
    form.addSaveListener(e -> saved.add(e.request()));
  }

  @Test
  void aUrlAndEventsAreSavedInTheOrderTheTypesAreListed() {
    form.url.setValue(" https://erp.example.com/hooks ");
    form.events.setValue(new LinkedHashSet<>(List.of("payment.applied", "dispute.raised")));
    form.save();
    assertEquals(1, saved.size());
    assertEquals("https://erp.example.com/hooks", saved.get(0).url());
    assertEquals(List.of("dispute.raised", "payment.applied"), saved.get(0).events());
    assertTrue(saved.get(0).enabled());
  }

  @Test
  void noEventsOrNoUrlIsRefusedAtTheFields() {
    form.url.setValue("https://erp.example.com/hooks");
    form.save();
    assertTrue(form.events.isInvalid());
    form.url.setValue("erp.example.com");
    form.events.setValue(new LinkedHashSet<>(List.of("dispute.raised")));
    form.save();
    assertTrue(form.url.isInvalid());
    assertEquals(List.of(), saved, "nothing invalid reaches the service");
  }

  @Test
  void anEndpointIsEditedAsItIs() {
    form.edit(
        new WebhookEndpoint(
            7,
            "https://a.example/h",
            "ERP",
            List.of("import.finished"),
            false,
            "ops.lead",
            null,
            null,
            3));
    form.save();
    assertEquals(
        new WebhookService.EndpointRequest(
            "https://a.example/h", "ERP", List.of("import.finished"), false),
        saved.get(0));
  }

  @Test
  void theServersFieldErrorsAreShownAtTheirFields() {
    form.showServerErrors(Map.of("url", "resolves to 10.0.0.1, a private address"));
    assertTrue(form.url.isInvalid());
    assertEquals("resolves to 10.0.0.1, a private address", form.url.getErrorMessage());
    assertFalse(form.events.isInvalid());
  }
}
