package com.bpo.portal.shared.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What TenantSql refuses before it touches a connection. */
class TenantSqlTest {
  private final TenantSql sql = new TenantSql();

  @Test
  void idsAreDrawnOnlyFromASequenceNamedInTheCode() {
    assertThrows(
        IllegalArgumentException.class, () -> sql.nextIds("payment_id_seq'); drop table x; --", 1));
    assertThrows(IllegalArgumentException.class, () -> sql.nextIds("payment", 1));
    assertEquals(List.of(), sql.nextIds("payment_id_seq", 0), "none asked, none drawn");
  }

  @Test
  void globalSqlMustNotNameTheTenantWhichOnlyTheContextBinds() {
    assertThrows(
        IllegalArgumentException.class,
        () -> sql.global("select id from invoice where tenant_id = :tenant"));
    // a cast, a quoted text or a comment is no parameter
    sql.global("select '2026-12-06'::date as day -- :tenant");
    sql.global("select ':tenant' as text");
  }

  @Test
  void tenantSqlMustNameTheTenant() {
    assertThrows(IllegalArgumentException.class, () -> sql.sql("select id from invoice"));
  }
}
