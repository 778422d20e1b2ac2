package com.bpo.portal.shared;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation shares, said once instead of on each method: any status the operation does
 * not list answers RFC 9457 problem+json ({@link Problem}), because {@link ProblemMappers} turns
 * every failure under /api into one. Registered as {@code mp.openapi.filter}.
 */
public class ApiDocument implements OASFilter {
  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    // one relative server, whatever host and port served the document: the committed
    // docs/openapi.json equals /openapi on any port and publishes no http:// URL; the API is meant
    // for clients outside the BPO (connectors, generated clients), hence x-internal false
    openAPI.setServers(
        java.util.List.of(OASFactory.createServer().url("/").addExtension("x-internal", false)));
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
      if (operations == null) {
        continue;
      }
      for (Operation operation : operations.values()) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
          responses = OASFactory.createAPIResponses();
          operation.setResponses(responses);
        }
        if (responses.getDefaultValue() == null) {
          responses.setDefaultValue(problem());
        }
      }
    }
  }

  private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem() {
    return OASFactory.createAPIResponse()
        .description(
            "Refused or failed: 400/422 invalid input, 401 no valid token, 403 not allowed,"
                + " 404 not found (or another tenant's), 409/412 a stale version or a refused"
                + " step, 413 too large, 429 too many writes (Retry-After), 503 unavailable")
        .content(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
  }
}
