package dev.invoicebridge.attio.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.invoicebridge.sandbox.SandboxServer;
import dev.invoicebridge.sandbox.attio.AttioSandboxServlet;
import dev.invoicebridge.sandbox.attio.AttioSandboxSettings;
import dev.invoicebridge.sandbox.attio.AttioWorkspace;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link ContractCheck} as JUnit runs it: test classes are run inside these tests (their nested
 * classes are not picked up by the build on their own), and the outcome of each class is checked.
 */
class ContractCheckTest {
  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  private static List<Throwable> classFailures(EngineExecutionResults results) {
    return results.containerEvents().failed().stream()
        .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable())
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  private static void assumeDocument() {
    Assumptions.assumeTrue(
        OpenApiContract.load().isPresent(),
        "Attio's OpenAPI document is absent: nothing to check against");
  }

  @Test
  void a_class_whose_emulator_breaks_the_document_fails_though_its_tests_pass() {
    assumeDocument();
    EngineExecutionResults results = run(AgainstABrokenEmulator.class);

    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(classFailures(results))
        .singleElement()
        .isInstanceOf(AssertionError.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains("broke Attio's OpenAPI document")
        .contains("api_slug")
        .contains("Retry-After")
        .contains("Bearer");
  }

  @Test
  void a_class_whose_exchanges_keep_to_the_document_passes() {
    assumeDocument();
    EngineExecutionResults results = run(AgainstTheSandbox.class);

    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(classFailures(results)).isEmpty();
  }

  @Test
  void without_the_document_a_run_that_requires_it_fails_and_any_other_says_it_skipped(
      @TempDir Path emptyShared) {
    String shared = System.getProperty("invoicebridge.shared-dir");
    String required = System.getProperty(OpenApiContract.REQUIRED_PROPERTY);
    try {
      System.setProperty("invoicebridge.shared-dir", emptyShared.toString());
      System.setProperty(OpenApiContract.REQUIRED_PROPERTY, "true");
      assertThat(classFailures(run(Unchecked.class)))
          .singleElement()
          .extracting(Throwable::getMessage)
          .asString()
          .contains("is absent")
          .contains("requires it");

      System.setProperty(OpenApiContract.REQUIRED_PROPERTY, "false");
      EngineExecutionResults relaxed = run(Unchecked.class);
      assertThat(classFailures(relaxed)).isEmpty();
      assertThat(relaxed.allEvents().reportingEntryPublished().stream())
          .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
          .anySatisfy(entry -> assertThat(entry.get("attio-contract")).startsWith("skipped: "));
    } finally {
      restore("invoicebridge.shared-dir", shared);
      restore(OpenApiContract.REQUIRED_PROPERTY, required);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  /**
   * An emulator that answers {@code GET /v2/objects/{object}} wrongly: no api_slug in the body, and
   * on a 429 a Retry-After in seconds instead of an HTTP date.
   */
  static final class BrokenEmulator extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("application/json");
      if (req.getPathInfo().endsWith("/limited")) {
        resp.setStatus(429);
        resp.setHeader("Retry-After", "2");
        resp.getOutputStream()
            .write(
                ("{\"status_code\":429,\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\","
                        + "\"message\":\"Rate limit exceeded, please try again later\"}")
                    .getBytes(StandardCharsets.UTF_8));
        return;
      }
      resp.setStatus(200);
      resp.getOutputStream()
          .write("{\"data\":{\"singular_noun\":\"Invoice\"}}".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void get(SandboxServer server, String path, String authorization)
      throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      http.send(
          HttpRequest.newBuilder(URI.create(server.baseUri("attio") + path))
              .header("Authorization", authorization)
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  /** Calls an emulator that answers wrongly, once with a credential scheme Attio does not take. */
  @ExtendWith(ContractCheck.class)
  static class AgainstABrokenEmulator {
    @Test
    void reads_objects() throws Exception {
      var mounted = new ContractCheckingServlet(new BrokenEmulator(), OpenApiContract.load().get());
      try (var server = SandboxServer.start(0, Map.of("attio", mounted))) {
        get(server, "/v2/objects/invoices", "Bearer token-1");
        get(server, "/v2/objects/limited", "Bearer token-1");
        get(server, "/v2/objects/people", "Token token-1");
      }
    }
  }

  /** The same kind of call, to the real Attio sandbox. */
  @ExtendWith(ContractCheck.class)
  static class AgainstTheSandbox {
    @Test
    void reads_an_object() throws Exception {
      var sandbox =
          new AttioSandboxServlet(
              () -> "token-1",
              AttioSandboxSettings.empty(AttioWorkspace.demo(), Clock.systemUTC()));
      var mounted = new ContractCheckingServlet(sandbox, OpenApiContract.load().get());
      try (var server = SandboxServer.start(0, Map.of("attio", mounted))) {
        get(server, "/v2/objects/people", "Bearer token-1");
      }
    }
  }

  /** A class under the check that makes no call at all. */
  @ExtendWith(ContractCheck.class)
  static class Unchecked {
    @Test
    void does_nothing() {}
  }
}
