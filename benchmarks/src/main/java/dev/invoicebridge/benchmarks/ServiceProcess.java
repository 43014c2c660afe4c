package dev.invoicebridge.benchmarks;

import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.workspace.WorkspaceId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link ServiceHost} in a child JVM on this classpath: the service with its own heap, GC and CPU,
 * reached over loopback like any server. Stopped when closed. Its log goes to {@code service.log}
 * in its data directory.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> answers;
  private final int port;
  private final Path dataDir;

  private ServiceProcess(Process process, BlockingQueue<String> answers, int port, Path dataDir) {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.answers = answers;
    this.port = port;
    this.dataDir = dataDir;
  }

  /** Starts the service on a free loopback port; {@code settings} override application.yml. */
  static ServiceProcess start(Map<String, String> settings) {
    Path data = tempDir();
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // As the README runs it: the flags of spring-boot:run (service.jvm.args in the parent pom,
    // passed by exec:exec), else at least the native access the drain's priority needs.
    String defaults =
        System.getProperty("service.jvm.defaults", "--enable-native-access=ALL-UNNAMED").trim();
    command.addAll(List.of(defaults.split(" +")));
    // For a closer look, e.g. -Dservice.jvm-args=-XX:StartFlightRecording=filename=service.jfr
    // (several flags: quote the whole setting inside JAVA_TOOL_OPTIONS, which splits on spaces)
    String jvmArgs = System.getProperty("service.jvm-args", "").trim();
    if (!jvmArgs.isEmpty()) {
      command.addAll(List.of(jvmArgs.split(" +")));
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ServiceHost.class.getName());
    Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("server.port", String.valueOf(port));
    all.put("invoicebridge.public-url", "http://127.0.0.1:" + port);
    all.put("invoicebridge.data-dir", data.toString());
    all.put("invoicebridge.instance-name", "benchmark");
    all.put("logging.level.root", "WARN");
    all.put("logging.level.dev.invoicebridge.requests", "WARN");
    all.put("logging.file.name", data.resolve("service.log").toString());
    all.put("logging.threshold.console", "OFF");
    all.putAll(settings);
    all.forEach((k, v) -> command.add("--" + k + "=" + v));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    Thread.ofVirtual().start(() -> readAnswers(process, answers));
    ServiceProcess service = new ServiceProcess(process, answers, port, data);
    String ready = service.await(START_TIMEOUT);
    if (!ready.equals("ready")) {
      service.close();
      throw new IllegalStateException("the service did not start: " + ready + service.logTail());
    }
    return service;
  }

  private static void readAnswers(Process process, BlockingQueue<String> answers) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(ServiceHost.ANSWER)) {
          answers.add(line.substring(ServiceHost.ANSWER.length()));
        }
      }
    } catch (IOException e) {
      // The process ended; the waiting caller sees it.
    }
    answers.add("ended");
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  WorkspaceId workspace() {
    return new WorkspaceId(ask("workspace"));
  }

  /** The webhook signing secret the service keeps, to sign deliveries as Stripe does. */
  Secret webhookSecret() {
    return new Secret(ask("secret"));
  }

  void pauseJobs() {
    ask("pause");
  }

  void resumeJobs() {
    ask("resume");
  }

  long count(String sql) {
    return Long.parseLong(ask("count " + sql));
  }

  /** A Micrometer counter of the service, 0 when it has not counted yet. */
  double counter(String name, String... tags) {
    return Double.parseDouble(ask("counter " + name + " " + String.join(" ", tags)));
  }

  /** One of the service's settings as it resolved them, "unset" when there is none. */
  String property(String name) {
    return ask("property " + name);
  }

  /** CPU time and GC pauses of the service process so far. */
  Usage usage() {
    String[] words = ask("usage").split(" ");
    return new Usage(
        Duration.ofNanos(Long.parseLong(words[0])),
        Long.parseLong(words[1]),
        Duration.ofMillis(Long.parseLong(words[2])),
        Long.parseLong(words[3]));
  }

  /** What the service process had used at one moment. */
  record Usage(Duration cpu, long gcPauses, Duration gcPaused, long heapBytes) {
    Usage since(Usage before) {
      return new Usage(
          cpu.minus(before.cpu),
          gcPauses - before.gcPauses,
          gcPaused.minus(before.gcPaused),
          heapBytes);
    }
  }

  private synchronized String ask(String command) {
    try {
      commands.write(command + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String answer = await(Duration.ofMinutes(1));
    if (answer.startsWith("error ") || answer.equals("ended")) {
      throw new IllegalStateException(command.split(" ")[0] + ": " + answer + logTail());
    }
    return answer;
  }

  private String await(Duration timeout) {
    try {
      String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return answer == null ? "no answer within " + timeout : answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve("service.log"));
      return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    try {
      commands.close();
    } catch (IOException ignored) {
      // Closing its input is how the service is told to stop; destroy below does it anyway.
    }
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
    delete(dataDir);
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp directory is harmless.
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("invoicebridge-service-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
