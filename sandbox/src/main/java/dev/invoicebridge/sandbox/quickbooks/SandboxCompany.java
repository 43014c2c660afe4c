package dev.invoicebridge.sandbox.quickbooks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * One emulated company (realm): its entities in QuickBooks' JSON, deletions for CDC, answered
 * requestids, and preferences. Callers synchronize on the company for each request.
 */
public final class SandboxCompany {
  /** Sandbox companies live in Mountain View: timestamps carry the Pacific offset. */
  static final ZoneOffset ZONE = ZoneOffset.ofHours(-8);

  /** A deleted entity, as CDC reports it. */
  record Deletion(String entity, String id, OffsetDateTime at) {}

  /** A POST answered before, replayed for the same requestid. */
  record Answer(int status, Object body) {}

  private final String realmId;
  private final String name;
  private final Clock clock;
  private final Map<String, Map<String, ObjectNode>> entities = new LinkedHashMap<>();
  private final List<Deletion> deletions = new ArrayList<>();
  private final Map<String, Answer> answered = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong(100);
  private final AtomicLong docNumbers = new AtomicLong(1000);
  private final ObjectNode preferences;

  SandboxCompany(String realmId, String name, Clock clock) {
    this.realmId = realmId;
    this.name = name;
    this.clock = clock;
    this.preferences = SandboxSeed.preferences(this);
    SandboxSeed.accounts(this);
  }

  public String realmId() {
    return realmId;
  }

  public String name() {
    return name;
  }

  ObjectNode preferences() {
    return preferences;
  }

  boolean multiCurrency() {
    return preferences.path("CurrencyPrefs").path("MultiCurrencyEnabled").asBoolean();
  }

  String homeCurrency() {
    return preferences.path("CurrencyPrefs").path("HomeCurrency").path("value").asString();
  }

  boolean customTxnNumbers() {
    return preferences.path("SalesFormsPrefs").path("CustomTxnNumbers").asBoolean();
  }

  /** Current time in QuickBooks' format: seconds, Pacific offset. */
  OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZONE).truncatedTo(ChronoUnit.SECONDS);
  }

  /** QuickBooks always writes seconds ({@code 2015-07-23T10:58:12-07:00}). */
  static final java.time.format.DateTimeFormatter TIMESTAMP =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /** The response envelope's {@code time} carries milliseconds. */
  static final java.time.format.DateTimeFormatter RESPONSE_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  String nowText() {
    return now().format(TIMESTAMP);
  }

  String responseTime() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZONE).format(RESPONSE_TIME);
  }

  String nextId() {
    return Long.toString(ids.incrementAndGet());
  }

  String nextDocNumber() {
    return Long.toString(docNumbers.incrementAndGet());
  }

  Map<String, ObjectNode> all(String entity) {
    return entities.computeIfAbsent(entity, e -> new LinkedHashMap<>());
  }

  Optional<ObjectNode> find(String entity, String id) {
    return Optional.ofNullable(all(entity).get(id));
  }

  ObjectNode require(String entity, String id) {
    return find(entity, id).orElseThrow(() -> QboFault.notFound(entity, id));
  }

  /** Stores a new entity, stamping Id, SyncToken 0 and MetaData. */
  ObjectNode insert(String entity, ObjectNode node) {
    String id = nextId();
    String now = nowText();
    ObjectNode stored = QboExchange.JSON.createObjectNode();
    stored.put("Id", id);
    stored.put("SyncToken", "0");
    stored.put("domain", "QBO");
    stored.put("sparse", false);
    stored.setAll(node);
    stored.putObject("MetaData").put("CreateTime", now).put("LastUpdatedTime", now);
    all(entity).put(id, stored);
    return stored;
  }

  /** Marks a write: SyncToken + 1 and a new LastUpdatedTime. */
  void touch(ObjectNode node) {
    node.put("SyncToken", Long.toString(Long.parseLong(node.path("SyncToken").asString("0")) + 1));
    ((ObjectNode) node.path("MetaData")).put("LastUpdatedTime", nowText());
  }

  void delete(String entity, String id) {
    all(entity).remove(id);
    deletions.add(new Deletion(entity, id, now()));
  }

  List<Deletion> deletions() {
    return List.copyOf(deletions);
  }

  Optional<Answer> answered(String requestId) {
    return Optional.ofNullable(answered.get(requestId));
  }

  void remember(String requestId, Answer answer) {
    answered.put(requestId, answer);
  }

  /** Payments applied to an invoice so far: the Payment entities whose line links it. */
  java.math.BigDecimal paid(String invoiceId) {
    return entities.getOrDefault("Payment", Map.of()).values().stream()
        .filter(
            p ->
                p.path("Line")
                    .path(0)
                    .path("LinkedTxn")
                    .path(0)
                    .path("TxnId")
                    .asString()
                    .equals(invoiceId))
        .map(p -> p.path("TotalAmt").decimalValue())
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
  }
}
