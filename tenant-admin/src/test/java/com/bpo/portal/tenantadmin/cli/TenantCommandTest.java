package com.bpo.portal.tenantadmin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TenantCommandTest {
  @Test
  void testModeSendsTheSwitchWithTheVersionTheTenantWasReadAt() {
    String tenant = "{\"id\":\"acme\",\"status\":\"ACTIVE\",\"version\":7,\"testMode\":false}";
    assertEquals("{\"testMode\": true, \"version\": 7}", TenantCommand.testModeBody(true, tenant));
    assertEquals(
        "{\"testMode\": false, \"version\": 7}", TenantCommand.testModeBody(false, tenant));
  }

  @Test
  void withoutAVersionTheServerAnswersTheConflict() {
    assertEquals("{\"testMode\": true, \"version\": null}", TenantCommand.testModeBody(true, "{}"));
  }
}
