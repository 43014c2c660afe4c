package dev.invoicebridge.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link EmulatorHost} in a child JVM on this classpath, stopped when closed. */
final class Emulators implements AutoCloseable {
  static final String STRIPE_KEY = "sk_test_benchmark0000000000000000";
  static final String ATTIO_TOKEN = "attio-benchmark-token";

  private final Process process;
  private final int port;

  private Emulators(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Emulators start() {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    EmulatorHost.class.getName(),
                    STRIPE_KEY,
                    ATTIO_TOKEN))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process process = builder.start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("PORT ")) {
          // Whatever the emulators print later must not fill the pipe and stall them.
          Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> {}));
          return new Emulators(process, Integer.parseInt(line.substring(5).trim()));
        }
      }
      process.destroy();
      throw new IllegalStateException("the emulator process ended before it listened");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where one emulator answers, such as {@code http://127.0.0.1:PORT/sandbox/stripe}. */
  URI base(String name) {
    return URI.create("http://127.0.0.1:" + port + "/sandbox/" + name);
  }

  /** CPU time the emulator process has used so far. */
  java.time.Duration cpu() {
    return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
  }

  @Override
  public void close() {
    process.destroy();
  }
}
