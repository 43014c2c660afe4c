package dev.invoicebridge.benchmarks;

import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.attio.AttioSandboxServlet;
import dev.invoicebridge.sandbox.attio.AttioWorkspace;
import dev.invoicebridge.sandbox.stripe.StripeSandbox;
import dev.invoicebridge.sandbox.stripe.StripeSandboxServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/**
 * The Stripe and Attio emulators in a process of their own, as the real services are: a benchmark
 * then measures the service's heap and CPU without the emulators' share. Prints {@code PORT n} once
 * listening and runs until its standard input closes (its parent ended). Arguments: the Stripe
 * secret key and the Attio token the emulated accounts accept.
 */
public final class EmulatorHost {
  private EmulatorHost() {}

  public static void main(String[] args) {
    // Logback's default is DEBUG on the console: too much, and its cost would slow the emulators.
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    String stripeKey = args[0];
    String attioToken = args[1];
    StripeSandbox stripe = new StripeSandbox(() -> stripeKey, "acct_1Benchmark", Clock.systemUTC());
    try (SandboxServer server =
        SandboxServer.start(
            0,
            Map.of(
                "stripe",
                new StripeSandboxServlet(stripe),
                "attio",
                new AttioSandboxServlet(
                    () -> attioToken, AttioWorkspace.demo(), Clock.systemUTC())))) {
      System.out.println("PORT " + server.port());
      System.out.flush();
      waitForParent();
    }
  }

  private static void waitForParent() {
    try {
      while (System.in.read() >= 0) {
        // Nothing is sent; end of input means the parent is gone.
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
