package dev.invoicebridge.sandbox.quickbooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends Intuit's webhooks for entity changes, signed with the verifier token ({@code
 * intuit-signature}: base64 HMAC-SHA256 of the body), in the legacy or CloudEvents format, and on
 * request duplicated or reordered. Undelivered events stay queued and are sent again.
 */
final class WebhookDispatcher {
  /** Intuit waits 3 s for the 200. */
  private static final Duration RESPONSE_LIMIT = Duration.ofSeconds(3);

  enum Format {
    LEGACY,
    CLOUDEVENTS
  }

  record Event(String realmId, String entity, String id, String operation, String at) {}

  /**
   * @param url where to POST, null for nowhere
   * @param duplicate send every payload twice
   * @param reorder send events newest first
   * @param automatic deliver right after each change instead of on {@link #deliver()}
   */
  record Subscription(
      String url, Format format, boolean duplicate, boolean reorder, boolean automatic) {}

  private final String verifierToken;
  private final Clock clock;
  private final List<Event> pending = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "quickbooks-sandbox-webhooks");
            t.setDaemon(true);
            return t;
          });
  private volatile Subscription subscription =
      new Subscription(null, Format.CLOUDEVENTS, false, false, false);

  WebhookDispatcher(String verifierToken, Clock clock) {
    this.verifierToken = verifierToken;
    this.clock = clock;
  }

  void subscribe(Subscription s) {
    this.subscription = s;
  }

  /** Queues an event for a change (operation: Create, Update, Delete, Void, Emailed). */
  void changed(SandboxCompany company, String entity, String id, String operation) {
    synchronized (pending) {
      pending.add(new Event(company.realmId(), entity, id, operation, clock.instant().toString()));
    }
    if (subscription.automatic()) {
      background.execute(this::deliver);
    }
  }

  /** Sends everything queued; returns how many events were acknowledged with a 2xx. */
  int deliver() {
    Subscription s = subscription;
    List<Event> batch;
    synchronized (pending) {
      if (s.url() == null || pending.isEmpty()) {
        return 0;
      }
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    if (s.reorder()) {
      Collections.reverse(batch);
    }
    byte[] body = (s.format() == Format.LEGACY ? legacy(batch) : cloudEvents(batch));
    boolean ok = post(s.url(), body);
    if (ok && s.duplicate()) {
      post(s.url(), body);
    }
    if (!ok) {
      synchronized (pending) {
        pending.addAll(0, batch);
      }
      return 0;
    }
    return batch.size();
  }

  private boolean post(String url, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(RESPONSE_LIMIT)
            .header("Content-Type", "application/json")
            .header("intuit-signature", sign(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private byte[] legacy(List<Event> events) {
    Map<String, List<Map<String, Object>>> byRealm = new LinkedHashMap<>();
    for (Event e : events) {
      Map<String, Object> entity = new LinkedHashMap<>();
      entity.put("name", e.entity());
      entity.put("id", e.id());
      entity.put("operation", e.operation());
      entity.put("lastUpdated", e.at());
      byRealm.computeIfAbsent(e.realmId(), r -> new ArrayList<>()).add(entity);
    }
    List<Map<String, Object>> notifications = new ArrayList<>();
    byRealm.forEach(
        (realm, entities) ->
            notifications.add(
                Map.of("realmId", realm, "dataChangeEvent", Map.of("entities", entities))));
    return QboExchange.JSON.writeValueAsBytes(Map.of("eventNotifications", notifications));
  }

  private byte[] cloudEvents(List<Event> events) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Event e : events) {
      Map<String, Object> ce = new LinkedHashMap<>();
      ce.put("specversion", "1.0");
      ce.put(
          "id",
          UUID.nameUUIDFromBytes(
                  (e.realmId() + e.entity() + e.id() + e.operation() + e.at())
                      .getBytes(StandardCharsets.UTF_8))
              .toString());
      ce.put("source", "intuit.sandbox-" + e.realmId());
      ce.put(
          "type", "qbo." + e.entity().toLowerCase(Locale.ROOT) + "." + verb(e.operation()) + ".v1");
      ce.put("datacontenttype", "application/json");
      ce.put("time", e.at());
      ce.put("intuitentityid", e.id());
      ce.put("intuitaccountid", e.realmId());
      ce.put("data", Map.of());
      out.add(ce);
    }
    return QboExchange.JSON.writeValueAsBytes(out);
  }

  private static String verb(String operation) {
    return switch (operation) {
      case "Create" -> "created";
      case "Update" -> "updated";
      case "Delete" -> "deleted";
      case "Void" -> "voided";
      case "Emailed" -> "emailed";
      default -> "merged";
    };
  }

  private String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(verifierToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
