package dev.invoicebridge.attio;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A record as Attio returns it: every non-archived attribute's current values keyed by slug (an
 * empty list when the attribute has no value).
 */
public record AttioRecord(
    RecordId id,
    ObjectId objectId,
    Instant createdAt,
    String webUrl,
    Map<String, List<StoredValue>> values) {
  public AttioRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(objectId, "objectId");
    values = Map.copyOf(values);
  }

  /** The current values of {@code attribute}, unwrapped; empty when unset or unknown. */
  public List<AttioValue> all(String attribute) {
    return values.getOrDefault(attribute, List.of()).stream()
        .filter(StoredValue::isActive)
        .map(StoredValue::value)
        .toList();
  }

  /** The first current value of {@code attribute}, if any. */
  public Optional<AttioValue> first(String attribute) {
    return all(attribute).stream().findFirst();
  }

  /** The first current value of {@code attribute} when it has the given type. */
  public <V extends AttioValue> Optional<V> first(String attribute, Class<V> type) {
    return first(attribute).filter(type::isInstance).map(type::cast);
  }

  /** A human label: the name (text or personal name), else the first email, else the id. */
  public String displayName() {
    Optional<AttioValue> name = first("name");
    if (name.isPresent()) {
      if (name.get() instanceof AttioValue.PersonalName p && !p.fullName().isBlank()) {
        return p.fullName();
      }
      if (name.get() instanceof AttioValue.Text t && !t.value().isBlank()) {
        return t.value();
      }
    }
    return primaryEmail().orElse(id.value());
  }

  /** The first email address among {@code email_addresses}, if the object has any. */
  public Optional<String> primaryEmail() {
    return first("email_addresses", AttioValue.EmailAddress.class)
        .map(AttioValue.EmailAddress::emailAddress);
  }
}
