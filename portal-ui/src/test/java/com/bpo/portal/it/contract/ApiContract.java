package com.bpo.portal.it.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document as a contract: an answer of a documented operation (path template, method,
 * status, media type) must match the schema the document gives it. Objects are checked closed
 * ({@code unevaluatedProperties: false} wherever the document lists properties and says nothing of
 * others), so a field the document does not describe is a violation, as is a wrong type, a missing
 * required field, a value outside an enum or a status the operation does not list.
 */
public final class ApiContract {
  /**
   * Successes whose operation documents no body for them, gathered over the run and written to
   * target/contract-gaps.txt when the JVM ends: the document's gaps, to close with @APIResponse.
   */
  static final java.util.Set<String> GAPS = new java.util.concurrent.ConcurrentSkipListSet<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    java.nio.file.Files.write(
                        Path.of("target", "contract-gaps.txt"),
                        GAPS,
                        java.nio.charset.StandardCharsets.UTF_8);
                  } catch (java.io.IOException | RuntimeException e) {
                    // nothing to report to: the run is ending
                  }
                }));
  }

  /** The document that clients are generated from; OpenApiDocumentIT holds it equal to /openapi. */
  public static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

  private static final String DOCUMENT_URI = "https://portal.example/openapi.json";
  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^/}]+}");
  private static final JsonMapper JACKSON = JsonMapper.builder().build();
  private static volatile ApiContract live;

  private final JsonObject document;
  private final List<Route> routes = new ArrayList<>();
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private record Route(String template, Pattern pattern, int parameters) {}

  private ApiContract(String json) {
    this.document = parse(json);
    for (String template : document.getJsonObject("paths").keySet()) {
      String full = template.startsWith("/api/") ? template : "/api/v1" + template;
      Matcher m = TEMPLATE_PARAMETER.matcher(full);
      StringBuilder regex = new StringBuilder();
      int last = 0;
      int parameters = 0;
      while (m.find()) {
        regex.append(Pattern.quote(full.substring(last, m.start()))).append("[^/]+");
        last = m.end();
        parameters++;
      }
      regex.append(Pattern.quote(full.substring(last)));
      routes.add(new Route(template, Pattern.compile(regex.toString()), parameters));
    }
    // a literal segment wins over a parameter: /disputes/reasons is not /disputes/{id}
    routes.sort(Comparator.comparingInt(Route::parameters));
    ObjectNode strict = (ObjectNode) JACKSON.readTree(json);
    close(strict);
    String closed = JACKSON.writeValueAsString(strict);
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(DOCUMENT_URI, closed)));
  }

  /** A contract from a document's JSON text. */
  public static ApiContract of(String json) {
    return new ApiContract(json);
  }

  /** The document the portal under test serves, fetched once per test run. */
  public static ApiContract live() {
    ApiContract contract = live;
    if (contract == null) {
      synchronized (ApiContract.class) {
        if (live == null) {
          live = new ApiContract(fetch(liveUrl()));
        }
        contract = live;
      }
    }
    return contract;
  }

  private static String liveUrl() {
    return "http://localhost:" + System.getProperty("portal.http.port", "9080") + "/openapi";
  }

  private static String fetch(String url) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "?format=JSON"))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("/openapi answered " + response.statusCode());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public JsonObject document() {
    return document;
  }

  /**
   * What is wrong with an answer, in words; empty when it is as documented, and when the call was
   * not to a documented operation (a made-up path or method has nothing to be held to).
   */
  public List<String> violations(
      String method, String path, int status, String contentType, String body) {
    String verb = method.toLowerCase(Locale.ROOT);
    Optional<Route> route =
        routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
    if (route.isEmpty()) {
      return List.of();
    }
    JsonObject item = document.getJsonObject("paths").getJsonObject(route.get().template());
    if (!item.containsKey(verb)) {
      return List.of();
    }
    String call = method.toUpperCase(Locale.ROOT) + " " + route.get().template();
    JsonObject responses = item.getJsonObject(verb).getJsonObject("responses");
    String code = String.valueOf(status);
    if (responses == null) {
      return List.of(call + " documents no response");
    }
    if (!responses.containsKey(code)) {
      code = responses.containsKey(status / 100 + "XX") ? status / 100 + "XX" : "default";
    }
    if (!responses.containsKey(code)) {
      return List.of(call + " answered " + status + ", a status the document does not list");
    }
    String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (body == null || body.isBlank() || !isJson(mediaType)) {
      return List.of();
    }
    JsonObject content = responses.getJsonObject(code).getJsonObject("content");
    if (status / 100 == 2 && (code.equals("default") || content == null)) {
      // a success whose body the operation does not describe (a resource answering Response
      // without an @APIResponse giving its content): nothing to hold the body to; listed, not
      // failed (see GAPS)
      GAPS.add(call + " " + status);
      return List.of();
    }
    if (status == 400
        && mediaType.equals("application/json")
        && body != null
        && body.contains("\"error_message\"")
        && body.contains("CWWWC0005I")) {
      // Liberty's web container refuses a request URI with %00 or a malformed escape before the
      // application sees it, with its own JSON body: listed as a gap (the application cannot
      // answer it), not failed; any other plain-JSON refusal fails below
      GAPS.add(call + " " + status + " refused by Liberty before the application (CWWWC0005I)");
      return List.of();
    }
    if (content == null || !content.containsKey(mediaType)) {
      return List.of(
          call
              + " answered "
              + status
              + " with "
              + mediaType
              + ", which the document does not give for it ("
              + (content == null ? "none" : content.keySet())
              + ")");
    }
    if (!content.getJsonObject(mediaType).containsKey("schema")) {
      return List.of();
    }
    String pointer =
        "/paths/"
            + escape(route.get().template())
            + "/"
            + verb
            + "/responses/"
            + escape(code)
            + "/content/"
            + escape(mediaType)
            + "/schema";
    Schema schema =
        schemas.computeIfAbsent(
            pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p)));
    JsonNode answer;
    try {
      answer = JACKSON.readTree(body);
    } catch (RuntimeException e) {
      return List.of(call + " answered " + status + " with a body that is not JSON");
    }
    List<String> found = new ArrayList<>();
    for (Error error : schema.validate(answer)) {
      found.add(call + " " + status + ": " + error);
    }
    return found;
  }

  private static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static String escape(String pointerSegment) {
    return pointerSegment.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Closes every schema that lists properties and does not say what others may be, and lets each
   * listed property be null as well: JSON-B writes a record's absent values as null, which the
   * document (OpenAPI 3.1 from records) does not mark; a present value is held to its schema.
   */
  private static void close(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.get("properties") instanceof ObjectNode properties) {
        if (!object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
          object.put("unevaluatedProperties", false);
        }
        for (String name : new ArrayList<>(properties.propertyNames())) {
          ObjectNode orNull = JACKSON.createObjectNode();
          orNull.putArray("anyOf").add(properties.get(name)).addObject().put("type", "null");
          properties.set(name, orNull);
        }
      }
      object.values().forEach(ApiContract::close);
    } else if (node != null && node.isArray()) {
      node.values().forEach(ApiContract::close);
    }
  }

  public static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  /** The document as people read it in a diff: indented, in the server's own key order. */
  public static String pretty(JsonValue json) {
    JsonWriterFactory writers =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    StringWriter out = new StringWriter();
    writers.createWriter(out).write(json);
    return out.toString().strip() + "\n";
  }
}
