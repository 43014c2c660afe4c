package dev.invoicebridge.settings;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sync settings over a test database, for tests outside this package. */
public final class TestSyncSettings {
  private TestSyncSettings() {}

  /** The settings store on {@code jdbc}, as one instance of the service would have it. */
  public static SyncSettings on(JdbcClient jdbc, Clock clock) {
    return new SyncSettings(jdbc, clock);
  }
}
