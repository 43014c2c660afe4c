package dev.invoicebridge.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** Invoice operations, including the stale-SyncToken handling and change data capture. */
final class Invoices {
  /** CDC looks back at most 30 days; stay a little inside so clock skew cannot push us out. */
  private static final Duration CDC_LOOKBACK = Duration.ofDays(30).minusMinutes(5);

  /** CDC returns at most 1,000 objects per entity; a full page means some may be missing. */
  private static final int CDC_CAP = 1000;

  private final ApiTransport api;
  private final Queries queries;
  private final Clock clock;
  private final Supplier<Preferences> preferences;

  Invoices(ApiTransport api, Queries queries, Clock clock, Supplier<Preferences> preferences) {
    this.api = api;
    this.queries = queries;
    this.clock = clock;
    this.preferences = preferences;
  }

  Invoice create(NewInvoice invoice, String idempotencyKey) {
    if (invoice.currency() != null && invoice.exchangeRate() == null) {
      Preferences prefs = preferences.get();
      if (prefs.multiCurrencyEnabled() && !invoice.currency().equals(prefs.homeCurrency())) {
        throw new IllegalArgumentException(
            "An invoice in "
                + invoice.currency()
                + " needs an exchange rate to the home currency "
                + prefs.homeCurrency());
      }
    }
    String body = QboJson.invoiceBody(invoice).toString();
    return write("/invoice", Map.of(), body, RequestIds.fromKey(idempotencyKey));
  }

  Invoice read(InvoiceId id) {
    return QboJson.invoice(
        api.json(ApiRequest.get("/invoice/" + id.value(), Map.of())).path("Invoice"));
  }

  Invoice update(InvoiceId id, String syncToken, InvoicePatch patch) {
    Function<String, Invoice> attempt =
        token -> {
          String body = QboJson.patchBody(id, token, patch).toString();
          return write("/invoice", Map.of(), body, RequestIds.of("update", body));
        };
    try {
      return attempt.apply(syncToken);
    } catch (QuickBooksException.StaleObject stale) {
      // Field-level sparse changes can be replayed on the newer version; a replace-all Line
      // array cannot without possibly discarding the other writer's lines, so that one surfaces.
      if (patch.touchesLines()) {
        throw stale;
      }
      return attempt.apply(read(id).syncToken());
    }
  }

  Invoice voidInvoice(InvoiceId id, String syncToken) {
    return withFreshTokenOnStale(id, syncToken, "void");
  }

  void delete(InvoiceId id, String syncToken) {
    withFreshTokenOnStale(id, syncToken, "delete");
  }

  /** Void and delete do not depend on the invoice's content, so a stale token is safe to renew. */
  private Invoice withFreshTokenOnStale(InvoiceId id, String syncToken, String operation) {
    Function<String, Invoice> attempt =
        token -> {
          String body = QboJson.reference(id.value(), token).toString();
          Map<String, String> query = Map.of("operation", operation);
          return write("/invoice", query, body, RequestIds.of(operation, body));
        };
    try {
      return attempt.apply(syncToken);
    } catch (QuickBooksException.StaleObject stale) {
      return attempt.apply(read(id).syncToken());
    }
  }

  Invoice send(InvoiceId id, String syncToken, String sendTo) {
    Map<String, String> query = sendTo == null ? Map.of() : Map.of("sendTo", sendTo);
    String requestId = RequestIds.of("send", id.value() + "|" + syncToken + "|" + sendTo);
    return write("/invoice/" + id.value() + "/send", query, "", requestId);
  }

  byte[] pdf(InvoiceId id) {
    return api.bytes(
        ApiRequest.get("/invoice/" + id.value() + "/pdf", Map.of()), "application/pdf");
  }

  private Invoice write(String path, Map<String, String> query, String body, String requestId) {
    JsonNode response = api.json(ApiRequest.post(path, query, body, requestId)).path("Invoice");
    return response.has("status") ? null : QboJson.invoice(response);
  }

  InvoiceChanges changesSince(OffsetDateTime since) {
    OffsetDateTime oldest = OffsetDateTime.now(clock).minus(CDC_LOOKBACK);
    if (since.isBefore(oldest)) {
      // Beyond CDC's 30 days: page through everything updated since, deletions unknown.
      return viaQuery(since, List.of(), OffsetDateTime.now(clock));
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("entities", "Invoice");
    params.put("changedSince", since.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    JsonNode body = api.json(ApiRequest.get("/cdc", params));
    List<Invoice> changed = new ArrayList<>();
    List<InvoiceId> deleted = new ArrayList<>();
    int objects = 0;
    for (JsonNode cdc : body.path("CDCResponse")) {
      for (JsonNode group : cdc.path("QueryResponse")) {
        for (JsonNode invoice : group.path("Invoice")) {
          objects++;
          if ("Deleted".equals(invoice.path("status").asString(null))) {
            deleted.add(new InvoiceId(invoice.path("Id").asString()));
          } else {
            changed.add(QboJson.invoice(invoice));
          }
        }
      }
    }
    OffsetDateTime asOf = OffsetDateTime.parse(body.path("time").asString());
    if (objects >= CDC_CAP) {
      // Truncated: the updates are complete via query paging; deletions only as far as seen.
      return viaQuery(since, deleted, asOf);
    }
    return new InvoiceChanges(changed, deleted, asOf, true);
  }

  private InvoiceChanges viaQuery(
      OffsetDateTime since, List<InvoiceId> deleted, OffsetDateTime asOf) {
    String where =
        "MetaData.LastUpdatedTime >= "
            + QboJson.literal(since.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    List<Invoice> changed = queries.all("Invoice", where).stream().map(QboJson::invoice).toList();
    return new InvoiceChanges(changed, deleted, asOf, false);
  }
}
