package com.bpo.portal.tenantadmin.cli;

import java.util.Map;

/** Where the database is and who owns its schema; bin/portal exports these. */
record DatabaseSettings(
    String url, String owner, String ownerPassword, String appRole, String eraserRole) {
  static DatabaseSettings fromEnvironment(Map<String, String> env) {
    String host = env.getOrDefault("DB_HOST", "localhost");
    String port = env.getOrDefault("DB_PORT", "5433");
    String name = env.getOrDefault("DB_NAME", "portal");
    return new DatabaseSettings(
        "jdbc:postgresql://" + host + ":" + port + "/" + name,
        env.getOrDefault("DB_OWNER_USER", "portal_owner"),
        env.getOrDefault("DB_OWNER_PASSWORD", ""),
        env.getOrDefault("DB_APP_USER", "portal_app"),
        env.getOrDefault("DB_ERASER_USER", "portal_eraser"));
  }
}
