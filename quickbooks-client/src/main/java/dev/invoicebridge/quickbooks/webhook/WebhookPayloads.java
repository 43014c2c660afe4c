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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a webhook body in either format: a top-level array is CloudEvents 1.0, an object with
 * {@code eventNotifications} is the legacy format. Verify the signature first.
 */
public final class WebhookPayloads {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private WebhookPayloads() {}

  /**
   * Verifies the signature, then parses; throws {@link IllegalArgumentException} if either fails.
   */
  public static List<WebhookEvent> verifyAndParse(
      byte[] rawBody, String signatureHeader, String verifierToken) {
    if (!QuickBooksWebhookSignature.isValid(rawBody, signatureHeader, verifierToken)) {
      throw new IllegalArgumentException("The intuit-signature header does not match the body");
    }
    return parse(rawBody);
  }

  /** The events in {@code rawBody}, in payload order. */
  public static List<WebhookEvent> parse(byte[] rawBody) {
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

  private static List<WebhookEvent> cloudEvents(JsonNode array) {
    List<WebhookEvent> events = new ArrayList<>();
    for (JsonNode e : array) {
      // type = qbo.<entity>.<verb>.v1
      String[] type = e.path("type").asString("").split("\\.");
      if (type.length != 4 || !type[0].equals("qbo")) {
        throw new IllegalArgumentException("Unexpected CloudEvents type: " + e.path("type"));
      }
      events.add(
          new WebhookEvent(
              e.path("id").asString(),
              new RealmId(e.path("intuitaccountid").asString()),
              entityName(type[1]),
              e.path("intuitentityid").asString(),
              WebhookOperation.fromVerb(type[2]),
              instant(e.path("time")),
              text(e.path("data").path("deletedid"))));
    }
    return events;
  }

  private static List<WebhookEvent> legacy(JsonNode notifications) {
    List<WebhookEvent> events = new ArrayList<>();
    for (JsonNode n : notifications) {
      RealmId realm = new RealmId(n.path("realmId").asString());
      for (JsonNode e : n.path("dataChangeEvent").path("entities")) {
        events.add(
            new WebhookEvent(
                digest(realm.value() + "|" + e),
                realm,
                e.path("name").asString(),
                e.path("id").asString(),
                WebhookOperation.fromLegacy(e.path("operation").asString()),
                instant(e.path("lastUpdated")),
                text(e.path("deletedId"))));
      }
    }
    return events;
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
