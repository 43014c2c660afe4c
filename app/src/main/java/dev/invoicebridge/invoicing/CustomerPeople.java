package dev.invoicebridge.invoicing;

import dev.invoicebridge.attio.AttioClient;
import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.attio.Filter;
import dev.invoicebridge.attio.RecordId;
import dev.invoicebridge.attio.RecordQuery;
import dev.invoicebridge.attio.RecordValues;
import java.util.Locale;
import java.util.Optional;

/**
 * Creates the Attio person for a customer email no person has, when the workspace asks for it:
 * named as the provider's customer is, and linked to the company whose domain the email is at.
 */
final class CustomerPeople {
  private CustomerPeople() {}

  /**
   * Asserts the person on {@code email_addresses}, Attio's unique key for people, so two syncs
   * creating the same customer at once end with one person.
   */
  static Recipient create(AttioClient attio, String email, Optional<String> customerName) {
    Optional<RecordId> company = companyAt(attio, email);
    RecordValues.Builder values = RecordValues.builder().emails("email_addresses", email);
    customerName.map(String::strip).filter(n -> !n.isEmpty()).ifPresent(n -> name(values, n));
    company.ifPresent(c -> values.reference("company", "companies", c));
    AttioRecord person = attio.assertRecord("people", "email_addresses", values.build());
    return new Recipient(
        person.id().value(),
        email,
        person.displayName(),
        company.map(RecordId::value),
        Optional.empty());
  }

  /** "Jane Q. Doe" is first name Jane, last name Q. Doe; a single word is a first name. */
  private static void name(RecordValues.Builder values, String fullName) {
    int space = fullName.indexOf(' ');
    String first = space < 0 ? fullName : fullName.substring(0, space);
    String last = space < 0 ? "" : fullName.substring(space + 1).strip();
    values.name("name", first, last);
  }

  /** The company whose domains include the email's domain, if Attio has one. */
  private static Optional<RecordId> companyAt(AttioClient attio, String email) {
    int at = email.lastIndexOf('@');
    if (at < 0 || at == email.length() - 1) {
      return Optional.empty();
    }
    String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
    return attio
        .queryRecords(
            "companies", RecordQuery.all().filter(Filter.equalTo("domains", domain)).page(1, 0))
        .stream()
        .findFirst()
        .map(AttioRecord::id);
  }
}
