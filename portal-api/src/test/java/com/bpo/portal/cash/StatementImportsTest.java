package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.cash.CashRecords.ImportResult;
import com.bpo.portal.shared.TimeoutRecorder;
import java.lang.reflect.Field;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A statement's import runs under its own transaction timeout, and the thread gets the server's
 * default back however the import ends.
 */
class StatementImportsTest {
  private final TimeoutRecorder thread = new TimeoutRecorder();
  private final List<String> events = thread.events;

  private StatementImports imports(int seconds, RuntimeException failure, ImportResult result) {
    StatementImports imports = new StatementImports();
    imports.timeoutSeconds = seconds;
    imports.threadTransactions = thread;
    imports.cash =
        new CashService() {
          @Override
          public ImportResult importStatement(byte[] content) {
            events.add("import under " + thread.timeout());
            if (failure != null) {
              throw failure;
            }
            return result;
          }
        };
    return imports;
  }

  @Test
  void theStatementIsImportedUnderItsOwnTimeoutAndTheDefaultComesBack() {
    ImportResult result = new ImportResult(null, false, 0);
    assertSame(result, imports(900, null, result).importStatement(new byte[0]));
    assertEquals(List.of("timeout 900", "import under 900", "timeout 0"), events);
  }

  @Test
  void theDefaultComesBackWhenTheStatementIsRefused() {
    StatementRejected refused = new StatementRejected("not a statement");
    assertSame(
        refused,
        assertThrows(
            StatementRejected.class,
            () -> imports(900, refused, null).importStatement(new byte[0])));
    assertEquals(List.of("timeout 900", "import under 900", "timeout 0"), events);
  }

  @Test
  void withoutConfigurationAStatementMayTakeTenMinutes() throws NoSuchFieldException {
    Field field = StatementImports.class.getDeclaredField("timeoutSeconds");
    assertEquals(
        "portal.cash.import.timeout.seconds", field.getAnnotation(ConfigProperty.class).name());
    assertEquals("600", field.getAnnotation(ConfigProperty.class).defaultValue());
  }
}
