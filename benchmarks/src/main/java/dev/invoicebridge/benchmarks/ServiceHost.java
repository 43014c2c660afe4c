package dev.invoicebridge.benchmarks;

import dev.invoicebridge.InvoicebridgeApplication;
import dev.invoicebridge.sync.InboxDrain;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import dev.invoicebridge.workspace.Workspaces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real service in a process of its own, as production runs it, with {@link BareWebhookEndpoint}
 * beside its webhook endpoint (same server, same filters). Its arguments are the service's settings
 * ({@code --name=value}). Once started it prints {@code @@ ready}, then answers its parent's
 * commands on standard input, one {@code @@} line each: {@code workspace}, {@code secret} (the
 * webhook signing secret, to sign deliveries as Stripe would), {@code pause} and {@code resume}
 * (the webhook inbox drain), {@code count <sql>}, {@code counter <name> <tag> <value> ...}, {@code
 * usage} (CPU and GC of this process), {@code property <name>} (a setting's value). It stops when
 * its input closes.
 */
public final class ServiceHost {
  static final String ANSWER = "@@ ";

  private final ConfigurableApplicationContext app;
  private final PrintStream out;

  private ServiceHost(ConfigurableApplicationContext app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  public static void main(String[] args) {
    // The service logs to a file (see ServiceProcess); standard output carries the answers only.
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(InvoicebridgeApplication.class, BareWebhookEndpoint.class)
            .run(args);
    ServiceHost host = new ServiceHost(app, out);
    out.println(ANSWER + "ready");
    try (app) {
      host.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }
    System.exit(0);
  }

  private void serve(BufferedReader in) {
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String answer;
        try {
          answer = answer(line.trim());
        } catch (RuntimeException e) {
          answer = "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        out.println(ANSWER + answer.replace('\n', ' '));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String answer(String command) {
    String[] words = command.split(" ");
    return switch (words[0]) {
      case "workspace" -> workspace().value();
      case "secret" ->
          app.getBean(SecretVault.class)
              .get(workspace(), "stripe.webhook_secret")
              .orElseThrow()
              .reveal();
      case "pause" -> {
        app.getBean(InboxDrain.class).pause();
        yield "paused";
      }
      case "resume" -> {
        app.getBean(InboxDrain.class).resume();
        yield "resumed";
      }
      case "count" ->
          String.valueOf(
              app.getBean(JdbcClient.class)
                  .sql(command.substring("count ".length()))
                  .query(Long.class)
                  .single());
      case "counter" ->
          String.valueOf(
              Optional.ofNullable(
                      app.getBean(MeterRegistry.class)
                          .find(words[1])
                          .tags(Arrays.copyOfRange(words, 2, words.length))
                          .counter())
                  .map(Counter::count)
                  .orElse(0.0));
      case "usage" -> usage();
      case "property" -> app.getEnvironment().getProperty(words[1], "unset");
      default -> throw new IllegalArgumentException("unknown command " + words[0]);
    };
  }

  private WorkspaceId workspace() {
    return app.getBean(Workspaces.class).all().getFirst().id();
  }

  /** CPU time of this process, GC pauses and their total, heap used. */
  private static String usage() {
    long cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    long collections = 0;
    long collectionMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      // G1's "Concurrent GC" bean times whole concurrent cycles, which run beside the
      // application; the other beans count pauses (young, mixed, remark, cleanup, full).
      if (!gc.getName().contains("Concurrent")) {
        collections += gc.getCollectionCount();
        collectionMillis += gc.getCollectionTime();
      }
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return cpu + " " + collections + " " + collectionMillis + " " + heap;
  }
}
