package dev.invoicebridge.sandbox.quickbooks;

import static dev.invoicebridge.sandbox.quickbooks.EmulatorHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.sandbox.SandboxServer;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Intuit's authorization server as the emulator plays it, on raw HTTP. */
class QuickBooksEmulatorOAuthTest {
  EmulatorHarness qbo;

  @BeforeEach
  void start() {
    qbo = new EmulatorHarness();
  }

  @AfterEach
  void stop() {
    qbo.close();
  }

  HttpResponse<String> refresh(String refreshToken) {
    return qbo.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
  }

  @Test
  void lifetimes_set_through_the_control_api_apply_to_tokens_issued_afterwards() {
    qbo.controlOk(
        "POST", "/oauth/lifetimes", "{\"accessTokenSeconds\":600,\"refreshTokenSeconds\":7200}");

    JsonNode tokens = qbo.connect();

    assertThat(tokens.path("expires_in").asLong()).isEqualTo(600);
    assertThat(tokens.path("x_refresh_token_expires_in").asLong()).isEqualTo(7200);
    assertThat(qbo.control("POST", "/oauth/lifetimes", "{\"accessTokenSeconds\":0}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void an_expired_refresh_token_gets_invalid_grant_at_the_token_endpoint() {
    qbo.controlOk("POST", "/oauth/lifetimes", "{\"refreshTokenSeconds\":7200}");
    String refreshToken = qbo.connect().path("refresh_token").asString();
    qbo.clock.advance(Duration.ofHours(2));

    HttpResponse<String> r = refresh(refreshToken);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r.body()).path("error").asString()).isEqualTo("invalid_grant");
    assertThat(r.headers().firstValue("intuit_tid")).isPresent();
  }

  @Test
  void a_refresh_token_within_its_rolling_expiry_dies_at_the_hard_cap() {
    qbo.controlOk(
        "POST", "/oauth/lifetimes", "{\"refreshTokenSeconds\":86400,\"hardCapSeconds\":90000}");
    JsonNode first = json(qbo.exchange(qbo.code("com.intuit.quickbooks.accounting")).body());
    qbo.clock.advance(Duration.ofHours(20));
    HttpResponse<String> rotated = refresh(first.path("refresh_token").asString());
    assertThat(rotated.statusCode()).isEqualTo(200);
    qbo.clock.advance(Duration.ofHours(6));

    HttpResponse<String> pastTheCap =
        refresh(json(rotated.body()).path("refresh_token").asString());

    assertThat(pastTheCap.statusCode()).isEqualTo(400);
    assertThat(json(pastTheCap.body()).path("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void the_hard_expiry_is_reported_only_when_asked_for() {
    String code = qbo.code("com.intuit.quickbooks.accounting");
    HttpResponse<String> asked =
        qbo.send(
            HttpRequest.newBuilder(URI.create(qbo.base + "/oauth2/v1/tokens/bearer"))
                .header("Authorization", EmulatorHarness.basic())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("x-include-refresh-token-hard-expires-in", "true")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        EmulatorHarness.form(
                            Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                code,
                                "redirect_uri",
                                EmulatorHarness.REDIRECT)))));

    assertThat(json(asked.body()).path("x_refresh_token_hard_expires_in").asLong())
        .isGreaterThan(Duration.ofDays(1800).toSeconds());
    assertThat(qbo.connect().has("x_refresh_token_hard_expires_in")).isFalse();
  }

  @Test
  void an_id_token_signed_by_intuits_issuer_comes_with_the_openid_scope_only() throws Exception {
    JsonNode withOpenId =
        json(qbo.exchange(qbo.code("com.intuit.quickbooks.accounting openid email")).body());
    String[] jwt = withOpenId.path("id_token").asString().split("\\.");

    JsonNode claims =
        json(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8));
    assertThat(claims.path("iss").asString()).isEqualTo("https://oauth.platform.intuit.com/op/v1");
    assertThat(claims.path("aud").path(0).asString()).isEqualTo(EmulatorHarness.CLIENT_ID);
    assertThat(claims.path("realmid").asString()).isEqualTo(EmulatorHarness.REALM);
    JsonNode key =
        json(qbo.send(HttpRequest.newBuilder(URI.create(qbo.base + "/op/v1/jwks")).GET()).body())
            .path("keys")
            .path(0);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(publicKey(key));
    rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    assertThat(qbo.connect().has("id_token")).isFalse();
  }

  @Test
  void the_consent_page_refuses_a_redirect_uri_that_is_not_registered_without_redirecting() {
    String url =
        qbo.base
            + "/connect/oauth2?client_id="
            + EmulatorHarness.CLIENT_ID
            + "&response_type=code&scope=com.intuit.quickbooks.accounting&state=s&redirect_uri="
            + URLEncoder.encode("https://evil.example/callback", StandardCharsets.UTF_8);

    HttpResponse<String> page = qbo.send(HttpRequest.newBuilder(URI.create(url)).GET());
    HttpResponse<String> post =
        qbo.post(
            "/connect/oauth2",
            "application/x-www-form-urlencoded",
            EmulatorHarness.form(
                Map.of(
                    "client_id",
                    EmulatorHarness.CLIENT_ID,
                    "redirect_uri",
                    EmulatorHarness.REDIRECT + "/other",
                    "realmId",
                    EmulatorHarness.REALM,
                    "action",
                    "connect")),
            null);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("not one of the redirect URIs registered");
    assertThat(post.statusCode()).isEqualTo(400);
    assertThat(post.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void only_https_or_local_http_redirect_uris_can_be_registered() {
    qbo.sandbox.registerRedirectUri(
        URI.create("http://localhost:8080/settings/quickbooks/callback"));

    assertThatThrownBy(() -> qbo.sandbox.registerRedirectUri(URI.create("http://app.example/cb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }

  @Test
  void a_code_exchanged_with_another_redirect_uri_is_invalid_grant() {
    HttpResponse<String> r =
        qbo.token(
            Map.of(
                "grant_type", "authorization_code",
                "code", qbo.code("com.intuit.quickbooks.accounting"),
                "redirect_uri", "https://app.example/elsewhere"));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r.body()).path("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void in_the_services_sandbox_mode_the_controls_take_the_pre_issued_token() {
    QuickBooksSandboxServlet servlet =
        new QuickBooksSandboxServlet(
            () -> "qb_preissued",
            "9341453172906425",
            java.time.Clock.fixed(Instant.parse("2026-03-02T17:00:00Z"), ZoneOffset.UTC));
    try (SandboxServer server = SandboxServer.start(0, Map.of("quickbooks", servlet))) {
      String base = server.baseUri("quickbooks") + "/_control";
      HttpResponse<String> withToken =
          qbo.send(
              HttpRequest.newBuilder(URI.create(base + "/companies/9341453172906425/customers"))
                  .header("Authorization", "Bearer qb_preissued")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"DisplayName\":\"Seeded\"}")));
      HttpResponse<String> withoutToken =
          qbo.send(
              HttpRequest.newBuilder(URI.create(base + "/calls"))
                  .header("Authorization", "Bearer wrong")
                  .GET());

      assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
      assertThat(json(withToken.body()).path("Customer").path("DisplayName").asString())
          .isEqualTo("Seeded");
      assertThat(withoutToken.statusCode()).isEqualTo(401);
    }
  }

  private static PublicKey publicKey(JsonNode jwk) throws Exception {
    BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asString()));
    BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asString()));
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
  }
}
