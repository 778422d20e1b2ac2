package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.TimeoutRecorder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The import's transaction gets its own timeout ({@code portal.import.timeout.seconds}), and the
 * thread gets the server's default back for the record and whatever runs on it next, even when the
 * import fails.
 */
class ImportsTest {
  private final TimeoutRecorder thread = new TimeoutRecorder();
  private final List<String> events = thread.events;

  private Imports imports(int timeoutSeconds, RuntimeException failure) {
    Imports imports = new Imports();
    imports.timeoutSeconds = timeoutSeconds;
    imports.threadTransactions = thread;
    imports.transaction =
        new ImportTransaction() {
          @Override
          public ImportReport apply(
              ImportKind kind, ImportFormat format, Reader text, String fileName) {
            events.add("import under " + thread.timeout());
            if (failure != null) {
              throw failure;
            }
            return new ImportReport(
                null,
                kind.name(),
                fileName,
                ImportReport.Outcome.APPLIED,
                0,
                0,
                0,
                0,
                0,
                0,
                List.of());
          }
        };
    imports.runs =
        new ImportRuns() {
          @Override
          public ImportReport record(ImportReport report, String sha256) {
            events.add("record under " + thread.timeout());
            return report.withId(1);
          }
        };
    return imports;
  }

  private static ByteArrayInputStream file() {
    return new ByteArrayInputStream("invoice_number\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theImportRunsUnderItsOwnTimeoutAndTheRecordUnderTheServersDefault() throws IOException {
    imports(2400, null).importFile(ImportKind.INVOICES, file(), "big.csv");
    assertEquals(
        List.of("timeout 2400", "import under 2400", "timeout 0", "record under 0"), events);
  }

  @Test
  void theDefaultIsSetAgainWhenTheImportFails() {
    assertThrows(
        IllegalStateException.class,
        () ->
            imports(2400, new IllegalStateException("database down"))
                .importFile(ImportKind.INVOICES, file(), null));
    assertEquals(List.of("timeout 2400", "import under 2400", "timeout 0"), events);
  }

  @Test
  void withoutConfigurationAnImportMayTakeHalfAnHour() throws NoSuchFieldException {
    Field field = Imports.class.getDeclaredField("timeoutSeconds");
    assertEquals("portal.import.timeout.seconds", field.getAnnotation(ConfigProperty.class).name());
    assertEquals("1800", field.getAnnotation(ConfigProperty.class).defaultValue());
  }

  @Test
  void aNegativeTimeoutIsRefusedBeforeAnythingIsRead() {
    assertThrows(
        IllegalStateException.class,
        () -> imports(-1, null).importFile(ImportKind.INVOICES, file(), null));
    assertEquals(List.of(), events);
  }
}
