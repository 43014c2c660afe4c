package dev.invoicebridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what sandbox mode left in a test's data directory: the logins and the API token. */
public final class SandboxApp {
  private SandboxApp() {}

  public static Path newDataDir() {
    try {
      return Files.createTempDirectory("invoicebridge-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String apiToken(Path dataDir) {
    return read(dataDir.resolve("sandbox-api-token")).trim();
  }

  /** Password of a sandbox login ("admin" or "operator") from data/sandbox-login. */
  public static String password(Path dataDir, String role) {
    return read(dataDir.resolve("sandbox-login"))
        .lines()
        .filter(l -> l.startsWith(role + ": "))
        .map(l -> l.substring(l.indexOf(" / ") + 3).trim())
        .findFirst()
        .orElseThrow();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
