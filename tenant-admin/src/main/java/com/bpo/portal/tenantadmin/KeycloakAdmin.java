package com.bpo.portal.tenantadmin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The few calls of Keycloak's admin REST API that tenant administration needs: organizations (one
 * per tenant, alias = slug), users, realm roles and memberships. Signs in as the confidential
 * client {@code portal-admin} (client credentials); its service account holds realm-management's
 * manage-users and manage-realm. Every method that creates looks up first, so a retried step finds
 * what an interrupted one made.
 */
@ApplicationScoped
public class KeycloakAdmin {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A Keycloak user as administration sees it. */
  public record User(
      String id,
      String username,
      String email,
      String firstName,
      String lastName,
      boolean enabled) {
    static User of(JsonObject json) {
      return new User(
          json.getString("id"),
          json.getString("username"),
          json.getString("email", null),
          json.getString("firstName", null),
          json.getString("lastName", null),
          json.getBoolean("enabled", true));
    }
  }

  /** Keycloak answered something administration cannot carry on from. */
  public static class KeycloakFailure extends RuntimeException {
    public KeycloakFailure(String message) {
      super(message);
    }
  }

  private final String baseUrl;
  private final String realm;
  private final String clientId;
  private final Optional<String> secret;
  private String token;
  private Instant tokenExpires = Instant.EPOCH;

  @Inject
  public KeycloakAdmin(
      @ConfigProperty(name = "kc.url", defaultValue = "http://localhost:8180") String baseUrl,
      @ConfigProperty(name = "kc.realm", defaultValue = "portal") String realm,
      @ConfigProperty(name = "portal.admin.client", defaultValue = "portal-admin") String clientId,
      @ConfigProperty(name = "portal.admin.secret") Optional<String> secret) {
    this.baseUrl = baseUrl;
    this.realm = realm;
    this.clientId = clientId;
    this.secret = secret.filter(s -> !s.isBlank());
  }

  protected KeycloakAdmin() {
    this("http://localhost:8180", "portal", "portal-admin", Optional.empty());
  }

  // ------------------------------------------------------------------ organizations

  public Optional<String> organizationId(String alias) {
    for (int first = 0; ; first += 100) {
      JsonArray page =
          getArray("/organizations?briefRepresentation=true&first=" + first + "&max=100");
      for (JsonObject org : page.getValuesAs(JsonObject.class)) {
        if (alias.equals(org.getString("alias", null))) {
          return Optional.of(org.getString("id"));
        }
      }
      if (page.size() < 100) {
        return Optional.empty();
      }
    }
  }

  /** The organization of the tenant, made if missing. */
  public String ensureOrganization(String alias, String name) {
    Optional<String> existing = organizationId(alias);
    if (existing.isPresent()) {
      return existing.get();
    }
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("alias", alias)
            .add("enabled", true)
            .add(
                "domains",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", alias + ".tenants.portal.example")
                            .add("verified", false)))
            .build();
    HttpResponse<String> created = send("POST", "/organizations", body.toString());
    expect(created, 201);
    return organizationId(alias)
        .orElseThrow(() -> new KeycloakFailure("organization " + alias + " vanished"));
  }

  public void setOrganizationEnabled(String alias, boolean enabled) {
    organizationId(alias)
        .ifPresent(
            id -> {
              JsonObject org = getObject("/organizations/" + id);
              JsonObject changed = Json.createObjectBuilder(org).add("enabled", enabled).build();
              expect(send("PUT", "/organizations/" + id, changed.toString()), 204);
            });
  }

  public void deleteOrganization(String id) {
    HttpResponse<String> reply = send("DELETE", "/organizations/" + id, null);
    if (reply.statusCode() != 204 && reply.statusCode() != 404) {
      expect(reply, 204);
    }
  }

  public List<User> members(String organizationId) {
    List<User> members = new ArrayList<>();
    for (int first = 0; ; first += 100) {
      JsonArray page =
          getArray("/organizations/" + organizationId + "/members?first=" + first + "&max=100");
      page.getValuesAs(JsonObject.class).forEach(m -> members.add(User.of(m)));
      if (page.size() < 100) {
        return members;
      }
    }
  }

  /** Adds a member; already being one is fine (a retry). */
  public void addMember(String organizationId, String userId) {
    HttpResponse<String> reply =
        send("POST", "/organizations/" + organizationId + "/members", "\"" + userId + "\"");
    if (reply.statusCode() != 201 && reply.statusCode() != 409) {
      expect(reply, 201);
    }
  }

  public void removeMember(String organizationId, String userId) {
    HttpResponse<String> reply =
        send("DELETE", "/organizations/" + organizationId + "/members/" + userId, null);
    if (reply.statusCode() != 204 && reply.statusCode() != 404) {
      expect(reply, 204);
    }
  }

  /** The aliases of the organizations a user belongs to. */
  public List<String> organizationsOf(String userId) {
    return getArray("/organizations/members/" + userId + "/organizations?briefRepresentation=true")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(o -> o.getString("alias", ""))
        .toList();
  }

  // ------------------------------------------------------------------ users and roles

  public Optional<User> user(String username) {
    if (username == null || username.length() > MAX_USERNAME) {
      return Optional
          .empty(); // no such user; asking would send Keycloak a request line it refuses (431)
    }
    return getArray("/users?exact=true&briefRepresentation=true&username=" + encode(username))
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(u -> username.equalsIgnoreCase(u.getString("username")))
        .map(User::of)
        .findFirst();
  }

  /** Keycloak's own limit on a username. */
  static final int MAX_USERNAME = 255;

  /** The user, made if missing, with a first password when one is given. */
  public User ensureUser(
      String username,
      String email,
      String firstName,
      String lastName,
      String password,
      boolean temporary) {
    Optional<User> existing = user(username);
    if (existing.isPresent()) {
      return existing.get();
    }
    var body =
        Json.createObjectBuilder()
            .add("username", username)
            .add("enabled", true)
            .add("emailVerified", true);
    if (email != null) {
      body.add("email", email);
    }
    if (firstName != null) {
      body.add("firstName", firstName);
    }
    if (lastName != null) {
      body.add("lastName", lastName);
    }
    if (password != null && !password.isEmpty()) {
      body.add(
          "credentials",
          Json.createArrayBuilder()
              .add(
                  Json.createObjectBuilder()
                      .add("type", "password")
                      .add("value", password)
                      .add("temporary", temporary)));
    } else {
      body.add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD"));
    }
    expect(send("POST", "/users", body.build().toString()), 201);
    return user(username).orElseThrow(() -> new KeycloakFailure("user " + username + " vanished"));
  }

  public List<String> realmRoles(String userId) {
    return getArray("/users/" + userId + "/role-mappings/realm")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(r -> r.getString("name"))
        .toList();
  }

  /** Grants a realm role; granting one already held changes nothing. */
  public void grantRealmRole(String userId, String role) {
    JsonObject representation = getObject("/roles/" + encode(role));
    expect(
        send(
            "POST",
            "/users/" + userId + "/role-mappings/realm",
            Json.createArrayBuilder().add(representation).build().toString()),
        204);
  }

  public void setUserEnabled(String userId, boolean enabled) {
    // the whole representation back: a partial one can fail Keycloak's user profile validation
    JsonObject user = getObject("/users/" + userId);
    expect(
        send(
            "PUT",
            "/users/" + userId,
            Json.createObjectBuilder(user).add("enabled", enabled).build().toString()),
        204);
  }

  public void deleteUser(String userId) {
    HttpResponse<String> reply = send("DELETE", "/users/" + userId, null);
    if (reply.statusCode() != 204 && reply.statusCode() != 404) {
      expect(reply, 204);
    }
  }

  // ------------------------------------------------------------------ HTTP

  private JsonArray getArray(String path) {
    return (JsonArray) getJson(path);
  }

  private JsonObject getObject(String path) {
    return (JsonObject) getJson(path);
  }

  private JsonStructure getJson(String path) {
    HttpResponse<String> reply = send("GET", path, null);
    expect(reply, 200);
    return Json.createReader(new StringReader(reply.body())).read();
  }

  private HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token());
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return call(request.build());
  }

  private synchronized String token() {
    if (token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(
                secret.orElseThrow(
                    () ->
                        new KeycloakFailure(
                            "portal.admin.secret is not set: the server cannot administer Keycloak")));
    HttpResponse<String> reply =
        call(
            HttpRequest.newBuilder(
                    URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    expect(reply, 200);
    JsonObject answer = Json.createReader(new StringReader(reply.body())).readObject();
    token = answer.getString("access_token");
    tokenExpires = Instant.now().plusSeconds(Math.max(10, answer.getInt("expires_in", 60) - 30));
    return token;
  }

  private static HttpResponse<String> call(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new KeycloakFailure(
          "Keycloak did not answer "
              + request.method()
              + " "
              + request.uri().getPath()
              + ": "
              + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeycloakFailure("interrupted");
    }
  }

  private static void expect(HttpResponse<String> reply, int status) {
    if (reply.statusCode() != status) {
      String body = reply.body() == null ? "" : reply.body();
      throw new KeycloakFailure(
          "Keycloak answered "
              + reply.statusCode()
              + " to "
              + reply.request().method()
              + " "
              + reply.request().uri().getPath()
              + ": "
              + body.substring(0, Math.min(300, body.length())));
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
