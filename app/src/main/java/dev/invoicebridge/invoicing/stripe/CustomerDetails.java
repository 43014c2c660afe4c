package dev.invoicebridge.invoicing.stripe;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who to bill: an email (required; it identifies the customer), a display name, and the CRM record
 * it came from, kept in {@code metadata[attio_record_id]}.
 */
public record CustomerDetails(String email, String name, Optional<String> crmRecordId) {
  public CustomerDetails {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(crmRecordId, "crmRecordId");
    email = email.trim();
    int at = email.indexOf('@');
    if (at < 1
        || at != email.lastIndexOf('@')
        || at == email.length() - 1
        || email.length() > 512) {
      throw new IllegalArgumentException("Not an email address");
    }
  }

  /**
   * The form we store and look up first: trimmed and lower-cased. Stripe's email filter is
   * case-sensitive, but mailboxes are not in practice, so two spellings must not make two
   * customers.
   */
  public String normalizedEmail() {
    return email.toLowerCase(Locale.ROOT);
  }
}
