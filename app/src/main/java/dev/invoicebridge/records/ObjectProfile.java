package dev.invoicebridge.records;

import dev.invoicebridge.attio.AttioAttribute;
import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.AttioValue;
import dev.invoicebridge.attio.AttributeType;
import dev.invoicebridge.attio.Filter;
import dev.invoicebridge.attio.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to name, search and sort the records of one object, worked out from its attributes: the name
 * attribute (or the first unique text attribute), an email attribute and a domain attribute.
 */
record ObjectProfile(
    Optional<AttioAttribute> name,
    Optional<AttioAttribute> email,
    Optional<AttioAttribute> domain) {

  static ObjectProfile of(List<AttioAttribute> attributes) {
    List<AttioAttribute> live = attributes.stream().filter(a -> !a.isArchived()).toList();
    Optional<AttioAttribute> name =
        bySlug(live, "name")
            .filter(a -> a.type() == AttributeType.TEXT || a.type() == AttributeType.PERSONAL_NAME)
            .or(() -> live.stream().filter(a -> isText(a) && a.isUnique()).findFirst())
            .or(() -> live.stream().filter(ObjectProfile::isText).findFirst());
    Optional<AttioAttribute> email =
        bySlug(live, "email_addresses")
            .or(
                () ->
                    live.stream().filter(a -> a.type() == AttributeType.EMAIL_ADDRESS).findFirst())
            .or(
                () ->
                    live.stream()
                        .filter(a -> isText(a) && a.apiSlug().contains("email"))
                        .findFirst());
    Optional<AttioAttribute> domain =
        live.stream().filter(a -> a.type() == AttributeType.DOMAIN).findFirst();
    return new ObjectProfile(name, email, domain);
  }

  /** Records whose name, email or domain contains {@code text} (Attio compares case-blind). */
  Optional<Filter> search(String text) {
    List<Filter> any = new ArrayList<>();
    name.ifPresent(a -> any.add(contains(a, text)));
    email.filter(a -> !a.equals(name.orElse(null))).ifPresent(a -> any.add(contains(a, text)));
    domain.ifPresent(a -> any.add(contains(a, text)));
    if (any.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(any.size() == 1 ? any.getFirst() : Filter.or(any.toArray(Filter[]::new)));
  }

  /** Alphabetical by name, so pages are stable. */
  Optional<Sort> sort() {
    return name.map(
        a ->
            a.type() == AttributeType.PERSONAL_NAME
                ? Sort.asc(a.apiSlug(), "full_name")
                : Sort.asc(a.apiSlug()));
  }

  String displayName(AttioRecord record) {
    Optional<String> named =
        name.flatMap(a -> record.first(a.apiSlug()))
            .map(
                v ->
                    switch (v) {
                      case AttioValue.PersonalName p -> p.fullName();
                      case AttioValue.Text t -> t.value();
                      default -> "";
                    })
            .filter(s -> !s.isBlank());
    return named.orElseGet(record::displayName);
  }

  Optional<String> primaryEmail(AttioRecord record) {
    return email
        .flatMap(a -> record.first(a.apiSlug()))
        .map(
            v ->
                switch (v) {
                  case AttioValue.EmailAddress e -> e.emailAddress();
                  case AttioValue.Text t -> t.value();
                  default -> "";
                })
        .filter(s -> !s.isBlank());
  }

  private static Filter contains(AttioAttribute attribute, String text) {
    return switch (attribute.type()) {
      case PERSONAL_NAME -> Filter.on(attribute.apiSlug(), "full_name", "$contains", text);
      case EMAIL_ADDRESS -> Filter.on(attribute.apiSlug(), "email_address", "$contains", text);
      case DOMAIN -> Filter.on(attribute.apiSlug(), "domain", "$contains", text);
      default -> Filter.contains(attribute.apiSlug(), text);
    };
  }

  private static boolean isText(AttioAttribute attribute) {
    return attribute.type() == AttributeType.TEXT;
  }

  private static Optional<AttioAttribute> bySlug(List<AttioAttribute> attributes, String slug) {
    return attributes.stream().filter(a -> a.apiSlug().equals(slug)).findFirst();
  }
}
