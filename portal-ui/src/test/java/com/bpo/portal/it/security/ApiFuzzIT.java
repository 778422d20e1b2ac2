package com.bpo.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the OpenAPI document, as every role, with what a hostile or careless client
 * sends: path parameters that are no ids (negative, huge, exponent, text, NUL, very long), every
 * query parameter at once set to such values (impossible dates, far periods, injection text), and
 * for each JSON body malformed JSON, the wrong JSON type, deep nesting, an oversized string, and
 * objects whose known field names all carry wrong types, hostile numbers or nulls. None may answer
 * 5xx, and each must answer within a second (a slow answer is tried once more, so a pause of the
 * shared test machine is not taken for a slow operation). The operations come from /openapi, so a
 * new endpoint is fuzzed without anyone adding it.
 *
 * <p>Nothing real is touched: path ids never exist, no body is valid, and operations that take
 * neither a path parameter nor a body (jobs run by hand, such as escalations/run) are not called.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiFuzzIT {
  private static final long MAX_MILLIS = Long.getLong("portal.fuzz.max.millis", 1000);

  /** Each role in its tenant (null: the user has one, or none, and sends no X-Tenant). */
  private static final Map<String, String> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("ops.lead", "acme");
    ROLES.put("agent.acme", null);
    ROLES.put("cfo.acme", null);
    ROLES.put("customer.acme", null);
    ROLES.put("admin", null);
  }

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

  /** No id, slug or period any of these could name exists. */
  private static final List<String> PATH_VALUES =
      List.of(
          "999999999", "1e9999999", "99999999999999999999", "\u0000", "9999-12", "x".repeat(300));

  private static final List<String> QUERY_VALUES =
      List.of(
          "",
          "zz'; select pg_sleep(5); --",
          "-1",
          "1e9999999",
          "99999999999999999999",
          "2026-02-30",
          "9999-12",
          "\u0000",
          "x".repeat(2000));

  /**
   * Field names the API's bodies use; a body made of all of them with wrong values reaches every
   * reader.
   */
  private static final List<String> FIELDS =
      List.of(
          "action",
          "amount",
          "acceptedAmount",
          "assignee",
          "body",
          "changeNote",
          "clientApprovalRequired",
          "comment",
          "content",
          "currency",
          "description",
          "disputeIds",
          "displayName",
          "dueDate",
          "effectiveFrom",
          "email",
          "evidence",
          "filter",
          "heldOn",
          "id",
          "ids",
          "impact",
          "interval",
          "invoiceId",
          "items",
          "kind",
          "levels",
          "likelihood",
          "limit",
          "lineNo",
          "links",
          "locale",
          "name",
          "note",
          "organisation",
          "outcome",
          "owner",
          "people",
          "phone",
          "primary",
          "processArea",
          "reasonCode",
          "role",
          "rootCauseThreshold",
          "settings",
          "slug",
          "status",
          "target",
          "targetId",
          "timeZone",
          "title",
          "type",
          "url",
          "username",
          "value",
          "version",
          "visibility",
          "warning",
          "weight");

  private static final List<String> failures = new ArrayList<>();

  /**
   * Writes that succeeded: only harmless ones may (a saved view named like a fuzz value), removed
   * afterwards.
   */
  private static final List<String> accepted = new ArrayList<>();

  private static final Map<Integer, Integer> statuses = new TreeMap<>();
  private static long requests;
  private static long slowest;
  private static String slowestRequest = "";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @AfterAll
  static void forgetTheCountsAndTheViews() throws SQLException {
    resetQuota();
    // a saved view may be named anything: the fuzz values that happened to be valid names made some
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate(
            "delete from governance_saved_view where tenant_id = 'acme' and username in ('ops.lead', "
                + "'agent.acme', 'cfo.acme') and name in ('1e9999999', '2026-02-30', 'SECRET')");
      }
      db.commit();
    }
  }

  @Test
  void noOperationAnswers5xxOrTakesMoreThanASecondWhateverItIsSent() throws SQLException {
    List<Operation> operations = operations();
    assertTrue(operations.size() >= 40, "the OpenAPI document lists the API: " + operations.size());
    ROLES.keySet().forEach(Portal::token); // tokens first: Keycloak's time is not the portal's
    long start = System.nanoTime();
    int fuzzed = 0;
    for (Operation op : operations) {
      if (!op.method.equals("GET") && op.pathParameters.isEmpty() && !op.jsonBody) {
        continue; // an action on the whole tenant (a job run by hand): calling it would change real
        // data
      }
      fuzzed++;
      for (Map.Entry<String, String> role : ROLES.entrySet()) {
        fuzz(op, role.getKey(), role.getValue());
      }
      resetQuota(); // customer writes are rate-limited: keep each operation's bodies reaching the
      // reader
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    accepted.forEach(a -> System.out.println("ApiFuzzIT: a write accepted " + a));
    System.out.printf(
        "ApiFuzzIT: %d operations fuzzed, %d requests in %d s, statuses %s, slowest %d ms (%s)%n",
        fuzzed, requests, seconds, statuses, slowest, slowestRequest);
    assertTrue(
        failures.isEmpty(), failures.size() + " failure(s):\n" + String.join("\n", failures));
    assertTrue(requests > 1000, "the fuzzing ran: " + requests + " requests");
  }

  private static void fuzz(Operation op, String user, String tenant) {
    String anyId = "999999999";
    // a role the operation refuses before it reads anything (401/403 even for a malformed body) is
    // refused the same way for everything else: one probe is enough
    int probe = send(op, user, tenant, fill(op.path, anyId), op.jsonBody ? "{" : null);
    if (probe == 401 || probe == 403) {
      return;
    }
    if (op.pathParameters.isEmpty()) {
      send(op, user, tenant, op.path, op.jsonBody ? "{}" : null);
    } else {
      for (String value : PATH_VALUES) {
        send(op, user, tenant, fill(op.path, value), op.jsonBody ? "{}" : null);
      }
    }
    String path = fill(op.path, anyId);
    if (!op.queryParameters.isEmpty()) {
      for (String value : QUERY_VALUES) {
        StringBuilder query = new StringBuilder();
        for (String name : op.queryParameters) {
          query
              .append(query.length() == 0 ? '?' : '&')
              .append(name)
              .append('=')
              .append(encode(value));
        }
        send(op, user, tenant, path + query, op.jsonBody ? "{}" : null);
      }
    }
    if (op.jsonBody) {
      for (String body : BODIES) {
        send(op, user, tenant, path, body);
      }
    }
  }

  private static final List<String> BODIES = bodies();

  private static List<String> bodies() {
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "{\"a\": 1,}",
                "null",
                "",
                "[]",
                "\"text\"",
                "42",
                "{\"body\": \"" + "a".repeat(900 * 1024) + "\"}",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
    bodies.add(object("{}"));
    bodies.add(object("[]"));
    bodies.add(object("\"1e9999999\""));
    bodies.add(object("1e9999999"));
    bodies.add(object("\"2026-02-30\""));
    bodies.add(object("\"\\u0000\""));
    bodies.add(object("[null]"));
    bodies.add(object("[{}]"));
    bodies.add(object("\"SECRET\""));
    bodies.add(
        object("\"" + "z".repeat(10_000) + "\"")); // 60 fields: 600 KB, under the 1 MiB body limit
    // bodies that JSON-B reads (unknown fields are ignored), so that they reach the services
    String lists =
        "{\"items\": %1$s, \"levels\": %1$s, \"links\": %1$s, \"ids\": %1$s, \"disputeIds\": %1$s, "
            + "\"people\": %1$s}";
    bodies.add(String.format(lists, "[null]"));
    bodies.add(String.format(lists, "[{}]"));
    bodies.add(
        "{\"amount\": \"1e9999999\", \"acceptedAmount\": \"1E+1000000\", \"value\": \"1e9999999\", "
            + "\"items\": [{\"invoiceId\": 999999999, \"amount\": \"1e9999999\"}]}");
    String text = "\"" + "w".repeat(100_000) + "\"";
    bodies.add(
        "{\"body\": "
            + text
            + ", \"title\": "
            + text
            + ", \"name\": "
            + text
            + ", \"note\": "
            + text
            + ", \"description\": "
            + text
            + ", \"comment\": "
            + text
            + ", \"changeNote\": "
            + text
            + "}");
    bodies.add("{\"body\": \"a\\u0000b\", \"title\": \"a\\u0000b\", \"name\": \"a\\u0000b\"}");
    return bodies;
  }

  /** An object with every known field set to {@code value}. */
  private static String object(String value) {
    StringBuilder out = new StringBuilder("{");
    for (String field : FIELDS) {
      out.append('"').append(field).append("\": ").append(value).append(", ");
    }
    return out.append("\"_\": 0}").toString();
  }

  /** Sends one request and records what it got; the status, or -1 without an answer. */
  private static int send(Operation op, String user, String tenant, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + Portal.token(user))
            .method(
                op.method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    String what =
        op.method
            + " "
            + abbreviate(path)
            + " as "
            + user
            + (body == null ? "" : " with " + abbreviate(body));
    long millis = 0;
    Reply reply = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      long start = System.nanoTime();
      try {
        reply = Portal.send(request);
      } catch (RuntimeException e) {
        failures.add(what + ": no answer (" + e + ")");
        return -1;
      }
      millis = (System.nanoTime() - start) / 1_000_000;
      requests++;
      if (millis <= MAX_MILLIS || reply.status() >= 500) {
        break;
      }
    }
    statuses.merge(reply.status(), 1, Integer::sum);
    if (millis > slowest) {
      slowest = millis;
      slowestRequest = what;
    }
    if (!op.method.equals("GET") && reply.status() / 100 == 2) {
      accepted.add(what + ": " + reply.status());
    }
    if (reply.status() >= 500) {
      failures.add(what + ": " + reply.status() + " " + abbreviate(reply.body()));
    } else if (millis > MAX_MILLIS) {
      failures.add(what + ": " + millis + " ms twice in a row");
    }
    return reply.status();
  }

  private static String fill(String template, String value) {
    return PARAMETER.matcher(template).replaceAll(Matcher.quoteReplacement(encode(value)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    String flat = text.replace("\n", " ").replace("\u0000", "\\0");
    return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…(" + flat.length() + ")";
  }

  private static void resetQuota() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      s.executeUpdate(
          "delete from request_quota where user_name in ('ops.lead', 'agent.acme', 'cfo.acme', "
              + "'customer.acme', 'admin')");
    }
  }

  record Operation(
      String method,
      String path,
      List<String> pathParameters,
      List<String> queryParameters,
      boolean jsonBody) {}

  /** Every operation of the document, with its parameters and whether it takes a JSON body. */
  private static List<Operation> operations() {
    Reply document =
        Portal.send(HttpRequest.newBuilder(URI.create(Portal.URL + "/openapi?format=JSON")).GET());
    assertEquals(200, document.status(), document.body());
    JsonObject paths = document.json().getJsonObject("paths");
    List<Operation> found = new ArrayList<>();
    for (String path : new TreeSet<>(paths.keySet())) {
      String full = path.startsWith("/api/") ? path : "/api/v1" + path;
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        Set<String> query = new LinkedHashSet<>();
        List<JsonValue> parameters = new ArrayList<>();
        parameters.addAll(array(item, "parameters"));
        parameters.addAll(array(operation, "parameters"));
        for (JsonValue p : parameters) {
          JsonObject parameter = p.asJsonObject();
          if ("query".equals(parameter.getString("in", ""))) {
            query.add(parameter.getString("name"));
          }
        }
        List<String> pathParameters =
            PARAMETER.matcher(full).results().map(m -> m.group(1)).toList();
        boolean json =
            operation.containsKey("requestBody")
                && operation.getJsonObject("requestBody").getJsonObject("content") != null
                && operation
                    .getJsonObject("requestBody")
                    .getJsonObject("content")
                    .containsKey("application/json");
        found.add(new Operation(verb, full, pathParameters, List.copyOf(query), json));
      }
    }
    return found;
  }

  private static List<JsonValue> array(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonArray a ? a : List.of();
  }
}
