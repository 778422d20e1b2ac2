package com.bpo.portal.tenantadmin.cli;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * A demo tenant's look: a primary colour and a drawn logo, only while the tenant has no branding
 * yet.
 */
final class DemoBranding {
  private final Connection db;

  DemoBranding(Connection db) {
    this.db = db;
  }

  /** In a transaction already bound to the tenant. */
  void seed(String tenant, String colour) throws SQLException {
    byte[] logo = logo(Color.decode(colour));
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into tenant_branding "
                + "(tenant_id, primary_colour, logo, logo_media_type, logo_sha256) values (?, ?, ?, 'image/png', ?) "
                + "on conflict (tenant_id) do nothing")) {
      insert.setString(1, tenant);
      insert.setString(2, colour);
      insert.setBytes(3, logo);
      insert.setString(4, sha256(logo));
      insert.executeUpdate();
    }
  }

  /**
   * Three rising bars in the tenant's colour: a logo without fonts, so it draws on a headless
   * machine.
   */
  static byte[] logo(Color colour) {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
    var g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(colour);
    g.fillRoundRect(0, 0, 64, 64, 16, 16);
    g.setColor(Color.WHITE);
    for (int i = 0; i < 3; i++) {
      int height = 16 + i * 12;
      g.fillRect(12 + i * 15, 52 - height, 10, height);
    }
    g.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
