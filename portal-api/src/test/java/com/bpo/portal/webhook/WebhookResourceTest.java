package com.bpo.portal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.InvalidFields;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookResourceTest {
  @Test
  void ifMatchTakesTheEtagsThisApiGives() {
    assertEquals(Optional.of(3L), WebhookResource.version("\"3\""));
    assertEquals(Optional.of(3L), WebhookResource.version("W/\"3\""));
    assertEquals(Optional.of(12L), WebhookResource.version(" 12 "));
    assertEquals(Optional.empty(), WebhookResource.version(null));
    assertEquals(Optional.empty(), WebhookResource.version(" "));
  }

  @Test
  void anythingElseIsABadRequest() {
    assertThrows(InvalidFields.class, () -> WebhookResource.version("\"abc\""));
    assertThrows(InvalidFields.class, () -> WebhookResource.version("*"));
  }
}
