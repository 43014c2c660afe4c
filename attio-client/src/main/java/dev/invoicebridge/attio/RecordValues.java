package dev.invoicebridge.attio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code values} of a create, update or assert call: attribute slug (or id) to the values to
 * write. An empty list clears the attribute. Build with {@link #builder()}.
 */
public record RecordValues(Map<String, List<AttioValue>> values) {
  public RecordValues {
    Map<String, List<AttioValue>> copy = new LinkedHashMap<>();
    values.forEach((slug, list) -> copy.put(slug, List.copyOf(list)));
    values = Collections.unmodifiableMap(copy);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Accumulates values in insertion order; a later call for the same slug replaces the earlier. */
  public static final class Builder {
    private final Map<String, List<AttioValue>> values = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code attribute} to exactly these values (several only for multiselect attributes). */
    public Builder set(String attribute, AttioValue... value) {
      values.put(attribute, Arrays.asList(value));
      return this;
    }

    /** Sets {@code attribute} to a list of values. */
    public Builder set(String attribute, List<? extends AttioValue> value) {
      values.put(attribute, List.copyOf(value));
      return this;
    }

    /** Clears {@code attribute}. */
    public Builder clear(String attribute) {
      values.put(attribute, List.of());
      return this;
    }

    public Builder text(String attribute, String value) {
      return set(attribute, new AttioValue.Text(value));
    }

    public Builder number(String attribute, BigDecimal value) {
      return set(attribute, new AttioValue.Number(value));
    }

    public Builder checkbox(String attribute, boolean value) {
      return set(attribute, new AttioValue.Checkbox(value));
    }

    public Builder currency(String attribute, BigDecimal amount) {
      return set(attribute, AttioValue.Currency.of(amount));
    }

    public Builder date(String attribute, LocalDate value) {
      return set(attribute, new AttioValue.Date(value));
    }

    public Builder timestamp(String attribute, Instant value) {
      return set(attribute, new AttioValue.Timestamp(value));
    }

    /** A select option by title (several titles for a multiselect attribute). */
    public Builder select(String attribute, String... titles) {
      return set(attribute, Arrays.stream(titles).map(AttioValue.Select::titled).toList());
    }

    public Builder status(String attribute, String title) {
      return set(attribute, AttioValue.Status.titled(title));
    }

    /** References to records of one object (several only for multiselect attributes). */
    public Builder reference(String attribute, String targetObject, RecordId... targets) {
      return set(
          attribute,
          Arrays.stream(targets)
              .map(id -> new AttioValue.RecordReference(targetObject, id))
              .toList());
    }

    /** A workspace member (such as a deal's owner), by the member's email. */
    public Builder member(String attribute, String memberEmail) {
      return set(attribute, AttioValue.ActorReference.member(memberEmail));
    }

    public Builder emails(String attribute, String... emailAddresses) {
      return set(
          attribute, Arrays.stream(emailAddresses).map(AttioValue.EmailAddress::new).toList());
    }

    public Builder domains(String attribute, String... domains) {
      return set(attribute, Arrays.stream(domains).map(AttioValue.Domain::of).toList());
    }

    public Builder name(String attribute, String firstName, String lastName) {
      return set(attribute, AttioValue.PersonalName.of(firstName, lastName));
    }

    public RecordValues build() {
      return new RecordValues(values);
    }
  }
}
