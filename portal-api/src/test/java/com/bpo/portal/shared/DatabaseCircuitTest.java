package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseCircuitTest {
  private final AtomicBoolean databaseUp = new AtomicBoolean(false);
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicInteger concurrentProbes = new AtomicInteger();
  private final AtomicInteger mostConcurrentProbes = new AtomicInteger();
  private ScheduledExecutorService scheduler;
  private DatabaseCircuit circuit;

  @BeforeEach
  void start() {
    scheduler = Executors.newScheduledThreadPool(4);
    circuit = new DatabaseCircuit();
    circuit.scheduler = scheduler;
    circuit.dataSource = dataSource();
    circuit.start(null);
  }

  @AfterEach
  void stop() {
    circuit.stop();
    scheduler.shutdownNow();
  }

  @Test
  void aClosedCircuitLetsRequestsThroughAndAsksNothingOfTheDatabase() throws Exception {
    assertFalse(DatabaseCircuit.isOpen());
    Thread.sleep(3 * DatabaseCircuit.PROBE_INTERVAL_MILLIS);
    assertEquals(0, probes.get(), "no probe while nothing failed");
  }

  @Test
  void aFailureOpensTheCircuitUntilAProbeReachesTheDatabaseAgain() throws Exception {
    DatabaseCircuit.trip(new ConnectException("refused"));
    assertTrue(DatabaseCircuit.isOpen(), "open at once, before any probe");

    awaitProbes(3);
    assertTrue(DatabaseCircuit.isOpen(), "stays open while probes fail");

    databaseUp.set(true);
    long back = System.nanoTime();
    while (DatabaseCircuit.isOpen() && System.nanoTime() - back < 5_000_000_000L) {
      Thread.sleep(10);
    }
    assertFalse(DatabaseCircuit.isOpen(), "closed once a probe answered");
    long millis = (System.nanoTime() - back) / 1_000_000;
    assertTrue(millis < 1000, "closed within a second of the database's return: " + millis + " ms");

    int afterClose = probes.get();
    Thread.sleep(3 * DatabaseCircuit.PROBE_INTERVAL_MILLIS);
    assertEquals(afterClose, probes.get(), "no probe once closed");
  }

  @Test
  void manyFailuresAtOnceRunOneProbeAtATime() throws Exception {
    Thread[] callers = new Thread[16];
    for (int i = 0; i < callers.length; i++) {
      callers[i] =
          new Thread(
              () -> {
                for (int j = 0; j < 50; j++) {
                  DatabaseCircuit.trip(new ConnectException("refused"));
                }
              });
      callers[i].start();
    }
    for (Thread caller : callers) {
      caller.join();
    }
    awaitProbes(4);
    assertEquals(1, mostConcurrentProbes.get(), "never two probes at once");
  }

  @Test
  void withoutARunningApplicationThereIsNoCircuitToOpen() {
    circuit.stop();
    DatabaseCircuit.trip(new ConnectException("refused"));
    assertFalse(DatabaseCircuit.isOpen());
  }

  @Test
  void theStateOpensOnceAndClaimsOneProbe() {
    CircuitState state = new CircuitState();
    assertFalse(state.startProbing(), "nothing to probe while closed");
    assertTrue(state.open(), "first opening is reported");
    assertFalse(state.open(), "a second is not");
    assertTrue(state.startProbing());
    assertFalse(state.startProbing(), "one probe at a time");
    state.probed(false);
    assertTrue(state.isOpen());
    assertTrue(state.startProbing(), "the next probe after a failed one");
    state.probed(true);
    assertFalse(state.isOpen());
    assertFalse(state.startProbing());
  }

  private void awaitProbes(int count) throws InterruptedException {
    long start = System.nanoTime();
    while (probes.get() < count && System.nanoTime() - start < 10_000_000_000L) {
      Thread.sleep(20);
    }
    assertTrue(probes.get() >= count, "probes made: " + probes.get());
  }

  /** A database that refuses connections until {@link #databaseUp} says otherwise. */
  private DataSource dataSource() {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                throw new UnsupportedOperationException(method.getName());
              }
              probes.incrementAndGet();
              mostConcurrentProbes.accumulateAndGet(concurrentProbes.incrementAndGet(), Math::max);
              try {
                Thread.sleep(20);
                if (!databaseUp.get()) {
                  throw new SQLException("Connection refused", "08001");
                }
                return connection();
              } finally {
                concurrentProbes.decrementAndGet();
              }
            });
  }

  private static Connection connection() {
    return (Connection)
        Proxy.newProxyInstance(
            DatabaseCircuitTest.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "isValid" -> true;
                  case "close" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
