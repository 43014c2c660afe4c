package dev.invoicebridge.quickbooks.webhook;

import dev.invoicebridge.quickbooks.RealmId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a webhook body in either format: a top-level array is CloudEvents 1.0, an object with
 * {@code eventNotifications} is the legacy format. Verify the signature first.
 */
public final class WebhookPayloads {
  private static final Logger log = LoggerFactory.getLogger(WebhookPayloads.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private WebhookPayloads() {}

  /**
   * Verifies the signature, then parses; throws {@link IllegalArgumentException} if the signature
   * does not match or the body is not a webhook payload at all.
   */
  public static WebhookBatch verifyAndParse(
      byte[] rawBody, String signatureHeader, String verifierToken) {
    if (!QuickBooksWebhookSignature.isValid(rawBody, signatureHeader, verifierToken)) {
      throw new IllegalArgumentException("The intuit-signature header does not match the body");
    }
    return parse(rawBody);
  }

  /**
   * The events in {@code rawBody}, in payload order. An event this client cannot read (an unknown
   * operation or verb, a malformed entry) is skipped and reported in the batch, never fatal for the
   * others; only a body that is not a webhook payload at all throws.
   */
  public static WebhookBatch parse(byte[] rawBody) {
    JsonNode root;
    try {
      root = JSON.readTree(rawBody);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("The webhook body is not JSON", e);
    }
    if (root.isArray()) {
      return cloudEvents(root);
    }
    if (root.has("eventNotifications")) {
      return legacy(root.path("eventNotifications"));
    }
    throw new IllegalArgumentException("Neither a CloudEvents array nor eventNotifications");
  }

  private static WebhookBatch cloudEvents(JsonNode array) {
    Collector out = new Collector();
    for (JsonNode e : array) {
      // type = qbo.<entity>.<verb>.v1
      String[] type = e.path("type").asString("").split("\\.");
      if (type.length != 4 || !type[0].equals("qbo")) {
        out.skip("unexpected CloudEvents type " + e.path("type"), e);
        continue;
      }
      Optional<WebhookOperation> op = WebhookOperation.fromVerb(type[2]);
      if (op.isEmpty()) {
        out.skip("unknown CloudEvents verb " + type[2], e);
        continue;
      }
      out.add(
          e,
          () ->
              new WebhookEvent(
                  e.path("id").asString(),
                  new RealmId(e.path("intuitaccountid").asString()),
                  entityName(type[1]),
                  e.path("intuitentityid").asString(),
                  op.get(),
                  instant(e.path("time")),
                  text(e.path("data").path("deletedid"))));
    }
    return out.batch();
  }

  private static WebhookBatch legacy(JsonNode notifications) {
    Collector out = new Collector();
    for (JsonNode n : notifications) {
      for (JsonNode e : n.path("dataChangeEvent").path("entities")) {
        Optional<WebhookOperation> op =
            WebhookOperation.fromLegacy(e.path("operation").asString(""));
        if (op.isEmpty()) {
          out.skip("unknown operation " + e.path("operation"), e);
          continue;
        }
        out.add(
            e,
            () -> {
              RealmId realm = new RealmId(n.path("realmId").asString());
              return new WebhookEvent(
                  digest(realm.value() + "|" + e),
                  realm,
                  e.path("name").asString(),
                  e.path("id").asString(),
                  op.get(),
                  instant(e.path("lastUpdated")),
                  text(e.path("deletedId")));
            });
      }
    }
    return out.batch();
  }

  /** Events read so far, and those skipped with the reason. */
  private static final class Collector {
    private final List<WebhookEvent> events = new ArrayList<>();
    private final List<WebhookBatch.Skipped> skipped = new ArrayList<>();

    void add(JsonNode raw, Supplier<WebhookEvent> read) {
      try {
        events.add(read.get());
      } catch (RuntimeException malformed) {
        // A missing id, a realm that is not a number, a time that does not parse.
        skip("malformed event: " + malformed.getMessage(), raw);
      }
    }

    void skip(String reason, JsonNode raw) {
      log.warn("Skipping a QuickBooks webhook event: {}", reason);
      skipped.add(new WebhookBatch.Skipped(reason, raw.toString()));
    }

    WebhookBatch batch() {
      return new WebhookBatch(events, skipped);
    }
  }

  /** CloudEvents spell the entity in lower case; the legacy format (and the API) capitalise it. */
  private static String entityName(String lower) {
    return switch (lower.toLowerCase(Locale.ROOT)) {
      case "invoice" -> "Invoice";
      case "customer" -> "Customer";
      case "item" -> "Item";
      case "payment" -> "Payment";
      case "creditmemo" -> "CreditMemo";
      case "salesreceipt" -> "SalesReceipt";
      default -> Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    };
  }

  private static Instant instant(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : Instant.parse(n.asString());
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asString();
  }

  private static String digest(String content) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "legacy-" + HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
