package dev.invoicebridge.sandbox.stripe;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One /v1 call, in Stripe's order: authenticate, injected faults, rate limit, route, restricted-key
 * permission, parameter names, idempotency, execute (all or nothing), expand.
 */
final class ApiPipeline {
  /** What the servlet read off the wire. */
  record Incoming(
      String method,
      String path,
      String query,
      String body,
      Optional<String> authorization,
      Optional<String> idempotencyKey) {}

  /** The answer plus the headers Stripe sends with it. */
  record Answer(Response response, Map<String, String> headers) {
    static Answer of(StripeApiException e) {
      return new Answer(new Response(e.status(), e.body()), Map.of());
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiPipeline.class);

  private final StripeSandbox sandbox;

  ApiPipeline(StripeSandbox sandbox) {
    this.sandbox = sandbox;
  }

  Answer serve(Incoming in, String requestId) {
    sandbox.countCall();
    try {
      String key = authenticate(in.authorization());
      Optional<Answer> fault = fault();
      if (fault.isPresent()) {
        return fault.get();
      }
      if (!sandbox.rateLimiter().admit(!in.method().equals("GET"))) {
        return rateLimited("global-rate");
      }
      Router.Match match =
          sandbox
              .router()
              .match(in.method(), in.path())
              .orElseThrow(
                  () ->
                      StripeApiException.of(
                          404,
                          "invalid_request_error",
                          null,
                          "Unrecognized request URL (" + in.method() + ": " + in.path() + ")."));
      Optional<StripeApiException> denied =
          sandbox
              .permissions()
              .check(key, match.route().resource(), in.method(), sandbox.accountId());
      if (denied.isPresent()) {
        throw denied.get();
      }
      Map<String, Object> values = FormDecoder.decode(in.query());
      if (in.method().equals("POST")) {
        values.putAll(FormDecoder.decode(in.body()));
      }
      // Parameter names are validated before execution, so a refusal stores no idempotent result.
      match.route().allowed().check(values);
      Params params = new Params(values);
      // "All POST requests accept idempotency keys"; on GET and DELETE they have no effect.
      Optional<String> idemKey = in.idempotencyKey().filter(k -> in.method().equals("POST"));
      Call call = new Call(params, match.args(), requestId, idemKey.orElse(null));
      return idemKey.isPresent()
          ? idempotent(idemKey.get(), fingerprint(in, values), call, match)
          : new Answer(run(call, match), Map.of());
    } catch (StripeApiException e) {
      return Answer.of(e);
    } catch (RuntimeException e) {
      // An emulator bug or input it did not foresee: still answer in Stripe's envelope.
      LOG.warn("Stripe sandbox failed on {} {}", in.method(), in.path(), e);
      return serverError();
    }
  }

  private Answer idempotent(String key, String fingerprint, Call call, Router.Match match) {
    Optional<Response> replay = sandbox.idempotency().begin(key, fingerprint);
    if (replay.isPresent()) {
      return new Answer(replay.get(), Map.of("Idempotent-Replayed", "true"));
    }
    Response response;
    try {
      response = run(call, match);
    } catch (StripeApiException e) {
      if (e.beforeExecution()) {
        sandbox.idempotency().abandon(key);
        throw e;
      }
      response = new Response(e.status(), e.body());
    } catch (RuntimeException e) {
      sandbox.idempotency().abandon(key);
      throw e;
    }
    sandbox.idempotency().finish(key, fingerprint, response);
    return new Answer(response, Map.of("Idempotency-Key", key));
  }

  private Response run(Call call, Router.Match match) {
    return new Response(200, sandbox.execute(call, match.route().handler()));
  }

  private String authenticate(Optional<String> authorization) {
    String header =
        authorization.orElseThrow(
            () ->
                StripeApiException.of(
                    401,
                    "invalid_request_error",
                    null,
                    "You did not provide an API key. You need to provide your API key in the"
                        + " Authorization header, using Bearer auth (e.g. 'Authorization: Bearer"
                        + " YOUR_SECRET_KEY')."));
    String key = "";
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = header.substring(7).trim();
    } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      key = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
    }
    if (key.equals(sandbox.secretKey().get()) || sandbox.permissions().isRestrictedKey(key)) {
      return key;
    }
    // Stripe never echoes the key it was given in full; the sandbox does not echo it at all.
    throw StripeApiException.of(
        401,
        "invalid_request_error",
        null,
        "Invalid API Key provided. Check your API key in the Stripe Dashboard.");
  }

  private Optional<Answer> fault() {
    return sandbox
        .faults()
        .take()
        .map(
            fault ->
                switch (fault) {
                  case RATE_LIMIT -> rateLimited("global-concurrency");
                  case SERVER_ERROR -> serverError();
                  case TIMEOUT -> {
                    hold();
                    yield serverError();
                  }
                });
  }

  private static Answer rateLimited(String reason) {
    StripeApiException e =
        StripeApiException.of(
            429,
            "invalid_request_error",
            "rate_limit",
            "Request rate limit exceeded. Learn more about rate limits here"
                + " https://stripe.com/docs/rate-limits.");
    return new Answer(new Response(429, e.body()), Map.of("Stripe-Rate-Limited-Reason", reason));
  }

  private static Answer serverError() {
    StripeApiException e =
        StripeApiException.of(
            500, "api_error", null, "An unknown error occurred. Please try again later.");
    return new Answer(new Response(500, e.body()), Map.of("Stripe-Should-Retry", "true"));
  }

  private void hold() {
    try {
      Thread.sleep(sandbox.timeoutDelay());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The request's identity for idempotency: method, path and parameters, order-insensitive. */
  private static String fingerprint(Incoming in, Map<String, Object> values) {
    return in.method() + " " + in.path() + " " + canonical(values);
  }

  private static Object canonical(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put((String) k, canonical(v)));
      return sorted;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(ApiPipeline::canonical).toList();
    }
    return value;
  }
}
