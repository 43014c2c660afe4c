package dev.invoicebridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandbox.stripe.StripeSandboxServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxServerTest {
  @Test
  void standalone_server_serves_an_emulator_over_http_at_its_mount_point() throws Exception {
    var stripe = new StripeSandboxServlet(() -> "sk_test_standalone", "acct_standalone");
    try (SandboxServer server = SandboxServer.start(0, Map.of("stripe", stripe));
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> ok =
          http.send(
              HttpRequest.newBuilder(URI.create(server.baseUri("stripe") + "/v1/account"))
                  .header("Authorization", "Bearer sk_test_standalone")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> denied =
          http.send(
              HttpRequest.newBuilder(URI.create(server.baseUri("stripe") + "/v1/account"))
                  .header("Authorization", "Bearer sk_test_wrong")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("acct_standalone");
      assertThat(denied.statusCode()).isEqualTo(401);
    }
  }
}
