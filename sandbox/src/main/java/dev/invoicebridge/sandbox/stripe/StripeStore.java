package dev.invoicebridge.sandbox.stripe;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated account's objects, as the JSON maps Stripe returns, in creation order. Not
 * thread-safe: the servlet runs every API call under one lock, as a single Stripe account would
 * serialize writes to the same objects. A call runs inside {@link #begin()} and {@link #commit()};
 * one that fails is {@link #rollback() rolled back}, because a Stripe call that answers an error
 * has changed nothing.
 */
final class StripeStore {
  /** What Stripe answers for a deleted object: its id, its type and {@code deleted: true}. */
  static Map<String, Object> deleted(Object id, String object) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("id", id);
    shape.put("object", object);
    shape.put("deleted", true);
    return shape;
  }

  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Map<String, Map<String, Object>> objects = new HashMap<>();
  private final Map<String, List<String>> idsByType = new HashMap<>();
  private final Map<String, List<String>> linesByInvoice = new HashMap<>();
  private Journal journal;

  StripeStore(Clock clock) {
    this.clock = clock;
  }

  /** Stripe ids: a type prefix and 14 random base62 characters, e.g. {@code cus_QXg1o8vcGmoR32}. */
  static String newId(String prefix) {
    return prefix + random(14);
  }

  static String random(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  Clock clock() {
    return clock;
  }

  boolean exists(String id) {
    return objects.containsKey(id);
  }

  void insert(Map<String, Object> object) {
    String id = (String) object.get("id");
    if (objects.putIfAbsent(id, object) != null) {
      throw StripeApiException.invalid("id", "Object already exists: '" + id + "'");
    }
    List<String> ids =
        idsByType.computeIfAbsent((String) object.get("object"), t -> new ArrayList<>());
    ids.add(id);
    if (journal != null) {
      journal.undo.push(
          () -> {
            objects.remove(id);
            ids.remove(ids.size() - 1);
          });
    }
  }

  /**
   * The live object: handlers change it in place. Inside a call its state is remembered first, so a
   * rollback can restore it.
   */
  Optional<Map<String, Object>> find(String type, String id) {
    Map<String, Object> o = objects.get(id);
    if (o == null || !type.equals(o.get("object"))) {
      return Optional.empty();
    }
    if (journal != null) {
      journal.before.putIfAbsent(o, deepCopy(o));
    }
    return Optional.of(o);
  }

  /** The object, or Stripe's 404 naming it ({@code No such invoice: 'in_123'}). */
  Map<String, Object> get(String type, String id, String param) {
    return find(type, id)
        .orElseThrow(() -> StripeApiException.notFound(type.replace('_', ' '), id, param));
  }

  void remove(String id) {
    Map<String, Object> o = objects.remove(id);
    if (o != null) {
      List<String> ids = idsByType.get((String) o.get("object"));
      int at = ids.indexOf(id);
      ids.remove(at);
      if (journal != null) {
        journal.undo.push(
            () -> {
              objects.put(id, o);
              ids.add(at, id);
            });
      }
    }
  }

  /** Starts recording what the next call changes. */
  void begin() {
    journal = new Journal();
  }

  /** The call succeeded: its changes stay. */
  void commit() {
    journal = null;
  }

  /** The call failed: every object, list and line it touched is as it was before. */
  void rollback() {
    Journal j = journal;
    journal = null;
    if (j == null) {
      return;
    }
    while (!j.undo.isEmpty()) {
      j.undo.pop().run();
    }
    j.before.forEach(
        (live, copy) -> {
          live.clear();
          live.putAll(copy);
        });
    j.lines.forEach(
        (live, copy) -> {
          live.clear();
          live.addAll(copy);
        });
  }

  /**
   * All objects of a type, newest first as Stripe lists them. Read-only: handlers change only
   * objects they fetched with {@link #find} or {@link #get}, which a rollback restores.
   */
  List<Map<String, Object>> newestFirst(String type) {
    List<String> ids = idsByType.getOrDefault(type, List.of());
    List<Map<String, Object>> out = new ArrayList<>(ids.size());
    for (int i = ids.size() - 1; i >= 0; i--) {
      out.add(objects.get(ids.get(i)));
    }
    return out;
  }

  List<String> lineIds(String invoiceId) {
    List<String> ids = linesByInvoice.computeIfAbsent(invoiceId, k -> new ArrayList<>());
    if (journal != null) {
      journal.lines.putIfAbsent(ids, List.copyOf(ids));
    }
    return ids;
  }

  /** A deep copy fit for the wire: invoices get their {@code lines} list (first 10, as Stripe). */
  Map<String, Object> render(Map<String, Object> object) {
    Map<String, Object> copy = deepCopy(object);
    if ("invoice".equals(object.get("object")) && !Boolean.TRUE.equals(object.get("deleted"))) {
      List<Object> lines = new ArrayList<>();
      List<String> ids = lineIds((String) object.get("id"));
      ids.stream().limit(10).forEach(id -> lines.add(deepCopy(objects.get(id))));
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("object", "list");
      list.put("data", lines);
      list.put("has_more", ids.size() > 10);
      list.put("url", "/v1/invoices/" + object.get("id") + "/lines");
      copy.put("lines", list);
    }
    return copy;
  }

  /** What one call changed: undo steps for inserts and removes, and objects as they were. */
  private static final class Journal {
    final Deque<Runnable> undo = new ArrayDeque<>();
    // Keyed by identity: two objects can be equal maps, and handlers hold the live instances.
    final Map<Map<String, Object>, Map<String, Object>> before = new IdentityHashMap<>();
    final Map<List<String>, List<String>> lines = new IdentityHashMap<>();
  }

  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(deepCopy(v)));
      return (T) copy;
    }
    return value;
  }
}
