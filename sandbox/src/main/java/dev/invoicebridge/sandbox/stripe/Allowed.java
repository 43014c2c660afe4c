package dev.invoicebridge.sandbox.stripe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters one endpoint takes (the fields of stripe-java's params class for it), with rules
 * for the nested hashes the sandbox reads. Stripe refuses any other parameter with 400 "Received
 * unknown parameter"; a nested hash without its own rule (metadata, address, ...) is not looked
 * into. Every endpoint also takes {@code expand}.
 */
final class Allowed {
  /** Only {@code expand}: retrieve, send, void, delete and the like. */
  static final Allowed NONE = of();

  /** The cursor parameters every list takes. */
  static final Allowed LIST =
      of("ending_before", "limit", "starting_after").with("created", of("gt", "gte", "lt", "lte"));

  private final Set<String> names;
  private final Map<String, Allowed> nested;

  private Allowed(Set<String> names, Map<String, Allowed> nested) {
    this.names = names;
    this.nested = nested;
  }

  static Allowed of(String... names) {
    return new Allowed(Set.of(names), Map.of());
  }

  /** These parameters too. */
  Allowed and(String... more) {
    Set<String> all = new java.util.HashSet<>(names);
    all.addAll(List.of(more));
    return new Allowed(Set.copyOf(all), nested);
  }

  /** Parameter {@code name} too, a hash (or array of hashes) whose keys follow {@code rule}. */
  Allowed with(String name, Allowed rule) {
    Map<String, Allowed> rules = new HashMap<>(nested);
    rules.put(name, rule);
    return new Allowed(names, Map.copyOf(rules)).and(name);
  }

  /** Refuses the first parameter the endpoint does not take, named as Stripe names it. */
  void check(Map<String, Object> values) {
    check(values, "");
  }

  private void check(Map<String, Object> values, String prefix) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String name = prefix.isEmpty() ? e.getKey() : prefix + "[" + e.getKey() + "]";
      boolean expand = prefix.isEmpty() && e.getKey().equals("expand");
      if (!expand && !names.contains(e.getKey())) {
        throw StripeApiException.unknownParameter(name);
      }
      Allowed rule = nested.get(e.getKey());
      if (rule != null) {
        rule.checkValue(e.getValue(), name);
      }
    }
  }

  private void checkValue(Object value, String name) {
    if (value instanceof Map<?, ?> m) {
      check(CustomersApi.castMap(m), name);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof Map<?, ?> m) {
          check(CustomersApi.castMap(m), name + "[" + i + "]");
        }
      }
    }
  }
}
