package dev.invoicebridge.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of decoded request parameters, failing with Stripe's wording. */
record Params(String prefix, Map<String, Object> values) {
  Params(Map<String, Object> values) {
    this("", values);
  }

  Optional<String> string(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw StripeApiException.invalid(name(key), "Invalid string: " + name(key));
    }
    return Optional.of(s);
  }

  String required(String key) {
    return string(key).filter(s -> !s.isEmpty()).orElseThrow(() -> missingParam(key));
  }

  Optional<Long> integer(String key) {
    return string(key)
        .map(
            s -> {
              try {
                return Long.parseLong(s);
              } catch (NumberFormatException e) {
                throw StripeApiException.invalid(name(key), "Invalid integer: " + s);
              }
            });
  }

  Optional<Boolean> bool(String key) {
    return string(key)
        .map(
            s ->
                switch (s) {
                  case "true" -> true;
                  case "false" -> false;
                  default -> throw StripeApiException.invalid(name(key), "Invalid boolean: " + s);
                });
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  Optional<Params> nested(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw StripeApiException.invalid(name(key), "Invalid object");
    }
    return Optional.of(new Params(name(key), cast(m)));
  }

  List<Object> list(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (!(v instanceof List<?> l)) {
      throw StripeApiException.invalid(name(key), "Invalid array");
    }
    return List.copyOf(l);
  }

  List<String> strings(String key) {
    return list(key).stream()
        .map(
            o -> {
              if (o instanceof String s) {
                return s;
              }
              throw StripeApiException.invalid(name(key), "Invalid array");
            })
        .toList();
  }

  /** Metadata as Stripe keeps it: strings only; an empty value unsets the key. */
  Map<String, Object> metadata(Map<String, Object> current) {
    Map<String, Object> merged = new LinkedHashMap<>(current);
    nested("metadata")
        .ifPresent(
            m ->
                m.values()
                    .forEach(
                        (k, v) -> {
                          if (v instanceof String s && s.isEmpty()) {
                            merged.remove(k);
                          } else if (v instanceof String s) {
                            merged.put(k, s);
                          } else {
                            throw StripeApiException.invalid(
                                "metadata[" + k + "]", "Invalid string");
                          }
                        }));
    return merged;
  }

  StripeApiException missingParam(String key) {
    return StripeApiException.missing(name(key));
  }

  /** The parameter's full name as Stripe reports it, such as {@code lines[0][quantity]}. */
  String param(String key) {
    return name(key);
  }

  private String name(String key) {
    return prefix.isEmpty() ? key : prefix + "[" + key + "]";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
