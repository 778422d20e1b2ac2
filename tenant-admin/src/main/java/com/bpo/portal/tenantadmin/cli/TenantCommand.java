package com.bpo.portal.tenantadmin.cli;

import com.bpo.portal.shared.JsonText;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/portal tenant ...}: tenant administration from a shell, through the running portal's
 * admin API (so the same rules, Keycloak steps and audit apply as in the screens), signed in as the
 * confidential client {@code portal-admin} whose service account holds {@code platform-admin}.
 */
final class TenantCommand {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static final String USAGE =
      """
      usage: bin/portal tenant list
             bin/portal tenant create SLUG NAME LOCALE CURRENCY ZONE [--colour #RRGGBB] [--logo FILE.png]
                                 [--stakeholder USERNAME EMAIL FIRST LAST PASSWORD] [--lead USERNAME]
             bin/portal tenant suspend|resume SLUG
             bin/portal tenant test-mode SLUG on|off   (on: its webhooks may use http and private addresses)
             bin/portal tenant export SLUG FILE.zip
             bin/portal tenant delete SLUG --confirm SLUG
      Running create again completes a tenant that a failure left PROVISIONING.""";

  private final String portal;
  private final String keycloak;
  private final String secret;

  TenantCommand(Map<String, String> env) {
    this.portal = env.getOrDefault("PORTAL_URL", "http://localhost:9080");
    this.keycloak = env.getOrDefault("KC_URL", "http://localhost:8180");
    this.secret = env.getOrDefault("PORTAL_ADMIN_SECRET", "");
  }

  /** Answers the process exit code. */
  int run(List<String> args) throws IOException, InterruptedException {
    if (args.isEmpty()) {
      System.err.println(USAGE);
      return 2;
    }
    String command = args.get(0);
    switch (command) {
      case "list" -> {
        return print(call("GET", "/api/v1/admin/tenants", null));
      }
      case "create" -> {
        if (args.size() < 6) {
          break;
        }
        return print(call("POST", "/api/v1/admin/tenants", createBody(args)));
      }
      case "suspend", "resume" -> {
        if (args.size() != 2) {
          break;
        }
        HttpResponse<String> tenant = call("GET", "/api/v1/admin/tenants/" + args.get(1), null);
        if (tenant.statusCode() != 200) {
          return print(tenant);
        }
        String body = "{\"version\": " + version(tenant.body()) + "}";
        return print(call("POST", "/api/v1/admin/tenants/" + args.get(1) + "/" + command, body));
      }
      case "test-mode" -> {
        if (args.size() != 3 || !List.of("on", "off").contains(args.get(2))) {
          break;
        }
        HttpResponse<String> tenant = call("GET", "/api/v1/admin/tenants/" + args.get(1), null);
        if (tenant.statusCode() != 200) {
          return print(tenant);
        }
        return print(
            call(
                "PUT",
                "/api/v1/admin/tenants/" + args.get(1) + "/test-mode",
                testModeBody(args.get(2).equals("on"), tenant.body())));
      }
      case "export" -> {
        if (args.size() != 3) {
          break;
        }
        HttpResponse<Path> reply =
            HTTP.send(
                request("GET", "/api/v1/admin/tenants/" + args.get(1) + "/export", null),
                HttpResponse.BodyHandlers.ofFile(Path.of(args.get(2))));
        if (reply.statusCode() != 200) {
          System.err.println(
              "export failed (" + reply.statusCode() + "): " + Files.readString(reply.body()));
          Files.deleteIfExists(reply.body());
          return 1;
        }
        System.out.println(
            "Exported "
                + args.get(1)
                + " to "
                + reply.body()
                + " ("
                + Files.size(reply.body())
                + " bytes)");
        return 0;
      }
      case "delete" -> {
        if (args.size() != 4 || !args.get(2).equals("--confirm")) {
          break;
        }
        return print(
            call(
                "POST",
                "/api/v1/admin/tenants/" + args.get(1) + "/deletion",
                "{\"confirm\": " + JsonText.quoted(args.get(3)) + "}"));
      }
      default -> {}
    }
    System.err.println(USAGE);
    return 2;
  }

  /** The change with the version the tenant was read at, so that a change meanwhile is a 409. */
  static String testModeBody(boolean on, String tenantJson) {
    return "{\"testMode\": " + on + ", \"version\": " + version(tenantJson) + "}";
  }

  private static String version(String tenantJson) {
    Matcher version = Pattern.compile("\"version\":(\\d+)").matcher(tenantJson);
    return version.find() ? version.group(1) : "null";
  }

  private static String createBody(List<String> args) throws IOException {
    StringBuilder json =
        new StringBuilder("{\"slug\": ")
            .append(JsonText.quoted(args.get(1)))
            .append(", \"name\": ")
            .append(JsonText.quoted(args.get(2)))
            .append(", \"locale\": ")
            .append(JsonText.quoted(args.get(3)))
            .append(", \"currency\": ")
            .append(JsonText.quoted(args.get(4)))
            .append(", \"timeZone\": ")
            .append(JsonText.quoted(args.get(5)));
    List<String> rest = new ArrayList<>(args.subList(6, args.size()));
    while (!rest.isEmpty()) {
      String option = rest.remove(0);
      switch (option) {
        case "--colour" ->
            json.append(", \"primaryColour\": ").append(JsonText.quoted(rest.remove(0)));
        case "--logo" ->
            json.append(", \"logo\": ")
                .append(
                    JsonText.quoted(
                        Base64.getEncoder()
                            .encodeToString(Files.readAllBytes(Path.of(rest.remove(0))))));
        case "--stakeholder" ->
            json.append(", \"stakeholder\": {\"username\": ")
                .append(JsonText.quoted(rest.remove(0)))
                .append(", \"email\": ")
                .append(JsonText.quoted(rest.remove(0)))
                .append(", \"firstName\": ")
                .append(JsonText.quoted(rest.remove(0)))
                .append(", \"lastName\": ")
                .append(JsonText.quoted(rest.remove(0)))
                .append(", \"password\": ")
                .append(JsonText.quoted(rest.remove(0)))
                .append(", \"temporaryPassword\": true}");
        case "--lead" ->
            json.append(", \"bpoLead\": {\"username\": ")
                .append(JsonText.quoted(rest.remove(0)))
                .append("}");
        default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
      }
    }
    return json.append('}').toString();
  }

  private HttpResponse<String> call(String method, String path, String json)
      throws IOException, InterruptedException {
    return HTTP.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(portal + path))
            .timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + token());
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return request
        .method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private String token() throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id=portal-admin&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    HttpResponse<String> reply =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/portal/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(reply.body());
    if (reply.statusCode() != 200 || !token.find()) {
      throw new IOException(
          "Keycloak refused the portal-admin client (" + reply.statusCode() + "): " + reply.body());
    }
    return token.group(1);
  }

  private static int print(HttpResponse<String> reply) {
    (reply.statusCode() < 300 ? System.out : System.err)
        .println(reply.statusCode() + " " + reply.body());
    return reply.statusCode() < 300 ? 0 : 1;
  }
}
