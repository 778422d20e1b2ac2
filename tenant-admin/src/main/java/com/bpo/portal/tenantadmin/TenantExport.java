package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.AttachmentCheck;
import com.bpo.portal.shared.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Everything of a tenant in one ZIP, streamed: per tenant-owned table a JSON-lines file ({@code
 * tables/<table>.jsonl}, one object per row), every binary column (dispute attachments, KPI
 * evidence, the logo...) as its own file under {@code attachments/} referenced from its row, the
 * registry entry ({@code tenant.json}), and {@code manifest.json} with row counts and the SHA-256
 * of every file. The tables come from the catalog (every table of schema public with a tenant_id),
 * so a feature's new table is exported without a change here. Rows are read through a cursor, never
 * a whole table at a time, in one transaction bound to the tenant (a consistent snapshot under its
 * row-level policy). The export is recorded, which deletion requires.
 */
@ApplicationScoped
public class TenantExport {
  /** Told after each table, for screens that show how far a long export has come. */
  public interface Progress {
    void tableDone(int done, int total, String table);
  }

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Inject TenantProvisioning provisioning;
  @Inject AdminAudit audit;

  /** Writes the ZIP to {@code out} (left open) and answers its manifest. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public JsonObject export(String slug, OutputStream out, AdminActor actor, Progress progress) {
    provisioning
        .find(slug)
        .filter(t -> !t.status().equals("PROVISIONING") || t.stepsDone().contains("database"))
        .orElseThrow(() -> ProblemException.notFound("Tenant " + slug));
    try (Connection c = dataSource.getConnection()) {
      ProvisioningSteps.bind(c, slug);
      List<String> tables = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("select t::text from tenant_owned_tables() t");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
      JsonObjectBuilder files = Json.createObjectBuilder();
      JsonArrayBuilder attachments = Json.createArrayBuilder();
      JsonObjectBuilder rowCounts = Json.createObjectBuilder();

      String tenantJson = tenantRow(c, slug).toString();
      files.add(
          "tenant.json",
          Json.createObjectBuilder()
              .add(
                  "sha256",
                  writeEntry(zip, "tenant.json", tenantJson.getBytes(StandardCharsets.UTF_8))));
      int done = 0;
      for (String table : tables) {
        long rows = exportTable(c, zip, slug, table, files, attachments);
        rowCounts.add(table, rows);
        if (progress != null) {
          progress.tableDone(++done, tables.size(), table);
        }
      }
      JsonObject manifest =
          Json.createObjectBuilder()
              .add("tenant", slug)
              .add(
                  "format",
                  "JSON lines, one object per row; binary columns as files under attachments/")
              .add("rows", rowCounts)
              .add("files", files)
              .add("attachments", attachments)
              .build();
      writeEntry(zip, "manifest.json", manifest.toString().getBytes(StandardCharsets.UTF_8));
      zip.finish();
      zip.flush();
      ProvisioningSteps.update(
          c,
          "insert into tenant_export (slug, actor, manifest) values (?, ?, cast(? as jsonb))",
          slug,
          actor.username(),
          manifest.toString());
      audit.record(
          actor,
          "tenant.export",
          slug,
          Json.createObjectBuilder().add("rows", manifest.getJsonObject("rows")).build(),
          AdminAudit.Outcome.SUCCEEDED);
      return manifest;
    } catch (SQLException e) {
      throw new IllegalStateException("the export of " + slug + " failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject tenantRow(Connection c, String slug) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("select row_to_json(t)::text from tenant t where id = ?")) {
      q.setString(1, slug);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next()
            ? Json.createReader(new java.io.StringReader(rs.getString(1))).readObject()
            : Json.createObjectBuilder().add("id", slug).build();
      }
    }
  }

  /**
   * One table: its rows go to a temporary file while its attachments go straight into the ZIP (ZIP
   * entries cannot interleave), then the file follows. Memory holds one row and one attachment.
   */
  private static long exportTable(
      Connection c,
      ZipOutputStream zip,
      String slug,
      String table,
      JsonObjectBuilder files,
      JsonArrayBuilder attachments)
      throws SQLException, IOException {
    String plain = table.replace("\"", "");
    String name = "tables/" + plain + ".jsonl";
    Path lines = Files.createTempFile("export-" + plain, ".jsonl");
    try {
      MessageDigest digest = sha256();
      long rows = 0;
      try (OutputStream out =
              new DigestOutputStream(
                  new BufferedOutputStream(Files.newOutputStream(lines)), digest);
          PreparedStatement q =
              c.prepareStatement("select * from " + table + " where tenant_id = ?")) {
        q.setFetchSize(500); // a cursor: the table is never held in memory
        q.setString(1, slug);
        try (ResultSet rs = q.executeQuery()) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            rows++;
            JsonObjectBuilder row = Json.createObjectBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String column = meta.getColumnName(i);
              int type = meta.getColumnType(i);
              if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
                byte[] bytes = rs.getBytes(i);
                if (bytes == null) {
                  row.addNull(column);
                } else {
                  String file =
                      "attachments/"
                          + plain
                          + "/"
                          + rows
                          + "-"
                          + column
                          + AttachmentCheck.sniff(bytes)
                              .map(AttachmentCheck::extensionOf)
                              .orElse(".bin");
                  String sha = writeEntry(zip, file, bytes);
                  files.add(file, Json.createObjectBuilder().add("sha256", sha));
                  row.add(
                      column,
                      Json.createObjectBuilder()
                          .add("file", file)
                          .add("sha256", sha)
                          .add("bytes", bytes.length));
                  attachments.add(
                      Json.createObjectBuilder()
                          .add("file", file)
                          .add("table", plain)
                          .add("column", column)
                          .add("sha256", sha)
                          .add("bytes", bytes.length));
                }
                continue;
              }
              Object value = rs.getObject(i);
              if (value == null) {
                row.addNull(column);
              } else if (value instanceof Boolean b) {
                row.add(column, b);
              } else if (value instanceof Integer
                  || value instanceof Long
                  || value instanceof Short) {
                row.add(column, ((Number) value).longValue());
              } else if (value instanceof java.math.BigDecimal d) {
                row.add(column, d.toPlainString()); // decimals as strings, as the API writes money
              } else {
                row.add(column, rs.getString(i));
              }
            }
            out.write((row.build().toString() + "\n").getBytes(StandardCharsets.UTF_8));
          }
        }
      }
      zip.putNextEntry(new ZipEntry(name));
      Files.copy(lines, zip);
      zip.closeEntry();
      files.add(
          name, Json.createObjectBuilder().add("sha256", hex(digest.digest())).add("rows", rows));
      return rows;
    } finally {
      Files.deleteIfExists(lines);
    }
  }

  private static String writeEntry(ZipOutputStream zip, String name, byte[] bytes)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
    return hex(sha256().digest(bytes));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** The caller owns the stream: finishing the ZIP must not close it. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
