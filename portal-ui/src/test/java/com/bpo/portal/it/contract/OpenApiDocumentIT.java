package com.bpo.portal.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The document that clients are generated from (docs/openapi.json, committed) is the one the server
 * serves, and it describes every schema with its properties. When the code changes the contract,
 * the live document is written to target/openapi-live.json: review it and copy it over
 * docs/openapi.json (docs/API-CONTRACT.md).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiDocumentIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @Test
  void theCommittedDocumentIsTheServedOne() throws IOException {
    JsonObject live = ApiContract.live().document();
    Files.writeString(Path.of("target", "openapi-live.json"), ApiContract.pretty(live));
    JsonObject committed = ApiContract.parse(Files.readString(ApiContract.COMMITTED));
    assertEquals(
        committed,
        live,
        "docs/openapi.json is not what /openapi serves: compare it with target/openapi-live.json"
            + " and commit the live one if the change is meant");
  }

  @Test
  void everySchemaHasItsProperties() {
    JsonObject schemas =
        ApiContract.live().document().getJsonObject("components").getJsonObject("schemas");
    List<String> bare = new ArrayList<>();
    for (Map.Entry<String, JsonValue> entry : schemas.entrySet()) {
      JsonObject schema = entry.getValue().asJsonObject();
      boolean object = schema.toString().contains("\"object\"");
      if (object
          && !schema.containsKey("properties")
          && !schema.containsKey("additionalProperties")
          && !schema.containsKey("allOf")
          && !schema.containsKey("oneOf")) {
        bare.add(entry.getKey());
      }
    }
    assertTrue(bare.isEmpty(), "schemas without properties: " + bare);
  }
}
