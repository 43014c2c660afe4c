package dev.invoicebridge.sandbox.stripe;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sandbox-only switches under {@code /sandbox/stripe/_control/...} (outside Stripe's /v1, so they
 * cannot collide with it), authenticated with the account's secret key.
 */
final class ControlApi {
  private static final Pattern INVOICE =
      Pattern.compile("/_control/invoices/([^/]+)/(mark_paid|payment_failed)");

  private final StripeSandbox sandbox;

  ControlApi(StripeSandbox sandbox) {
    this.sandbox = sandbox;
  }

  Response serve(String method, String path, Params p) {
    try {
      return new Response(200, route(method, path, p));
    } catch (StripeApiException e) {
      return new Response(e.status(), e.body());
    } catch (IllegalArgumentException e) {
      return new Response(400, StripeApiException.invalid(null, e.getMessage()).body());
    }
  }

  private Map<String, Object> route(String method, String path, Params p) {
    Matcher invoice = INVOICE.matcher(path);
    if (method.equals("POST") && invoice.matches()) {
      if (invoice.group(2).equals("mark_paid")) {
        sandbox.markPaid(invoice.group(1));
      } else {
        sandbox.paymentFailed(invoice.group(1));
      }
      return ok();
    }
    return switch (method + " " + path) {
      case "POST /_control/restricted_keys" -> {
        sandbox.grantRestrictedKey(p.required("key"), new HashSet<>(p.strings("permissions")));
        yield ok();
      }
      case "POST /_control/rate_limit" -> {
        sandbox.rateLimitPerSecond(
            p.integer("per_second").orElseThrow(() -> p.missingParam("per_second")).intValue());
        yield ok();
      }
      case "POST /_control/faults" -> {
        sandbox.injectFaults(
            StripeFault.valueOf(p.required("kind").toUpperCase(Locale.ROOT)),
            p.integer("count").orElse(1L).intValue());
        p.integer("timeout_ms").ifPresent(ms -> sandbox.timeoutDelay(Duration.ofMillis(ms)));
        yield ok();
      }
      case "POST /_control/seed" -> seed(p);
      case "POST /_control/invoices/seed" -> new InvoiceSeeder(sandbox).seed(p);
      case "POST /_control/webhooks" -> {
        sandbox.webhookSwitches(webhookSwitches(p));
        yield webhooks();
      }
      case "GET /_control/webhooks" -> webhooks();
      case "POST /_control/webhooks/release" -> {
        int released = sandbox.releaseWebhooks();
        Map<String, Object> body = new LinkedHashMap<>(webhooks());
        body.put("released", released);
        yield body;
      }
      case "GET /_control/webhooks/attempts" -> Map.of("data", sandbox.webhookAttempts());
      case "GET /_control/stats" -> Map.of("api_calls", sandbox.apiCalls());
      case "POST /_control/stats/reset" -> {
        sandbox.resetApiCalls();
        yield ok();
      }
      default ->
          throw StripeApiException.of(
              404,
              "invalid_request_error",
              null,
              "Unrecognized control URL (" + method + ": " + path + ").");
    };
  }

  /** Every switch not given is reset to Stripe's behaviour. */
  private static WebhookSwitches webhookSwitches(Params p) {
    double ratio =
        p.string("duplicate_ratio")
            .map(
                s -> {
                  try {
                    return Double.parseDouble(s);
                  } catch (NumberFormatException e) {
                    throw StripeApiException.invalid("duplicate_ratio", "Invalid decimal: " + s);
                  }
                })
            .orElse(0.0);
    if (!(ratio >= 0 && ratio <= 1)) {
      throw StripeApiException.invalid("duplicate_ratio", "duplicate_ratio must be from 0 to 1.");
    }
    long retryBase = p.integer("retry_base_ms").orElse(10_000L);
    if (retryBase < 0) {
      throw StripeApiException.invalid("retry_base_ms", "retry_base_ms must not be negative.");
    }
    return new WebhookSwitches(
        p.bool("duplicates").orElse(false),
        p.bool("out_of_order").orElse(false),
        p.bool("shuffled").orElse(false),
        ratio,
        p.integer("seed"),
        p.bool("hold").orElse(false),
        Duration.ofMillis(retryBase));
  }

  /** The switches in force and what is still to be delivered. */
  private Map<String, Object> webhooks() {
    WebhookSwitches s = sandbox.webhookSwitches();
    WebhookBacklog b = sandbox.webhookBacklog();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", true);
    body.put("duplicates", s.duplicates());
    body.put("out_of_order", s.outOfOrder());
    body.put("shuffled", s.shuffled());
    body.put("duplicate_ratio", s.duplicateRatio());
    body.put("seed", b.seed());
    body.put("hold", s.hold());
    body.put("retry_base_ms", s.retryBase().toMillis());
    body.put("held", b.held());
    body.put("pending", b.pending());
    body.put("retrying", b.retrying());
    body.put("idle", b.idle());
    return body;
  }

  /** {@code products[0][name]=..&products[0][unit_amount]=..&products[0][currency]=usd}. */
  private Map<String, Object> seed(Params p) {
    List<Object> products = p.list("products");
    if (products.isEmpty()) {
      throw p.missingParam("products");
    }
    // Every entry is checked before the first is seeded, so a bad one seeds nothing.
    List<Params> entries = new java.util.ArrayList<>();
    for (int i = 0; i < products.size(); i++) {
      if (!(products.get(i) instanceof Map<?, ?> m)) {
        throw StripeApiException.invalid("products[" + i + "]", "Invalid object");
      }
      Params product = new Params("products[" + i + "]", CustomersApi.castMap(m));
      product.required("name");
      product.integer("unit_amount").orElseThrow(() -> product.missingParam("unit_amount"));
      entries.add(product);
    }
    Map<String, Object> prices = new LinkedHashMap<>();
    for (Params product : entries) {
      String name = product.required("name");
      prices.put(
          name,
          sandbox.seedPrice(
              name,
              product.string("currency").orElse("usd"),
              product.integer("unit_amount").orElseThrow()));
    }
    return Map.of("prices", prices);
  }

  private static Map<String, Object> ok() {
    return Map.of("ok", true);
  }
}
