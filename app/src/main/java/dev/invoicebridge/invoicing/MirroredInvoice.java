package dev.invoicebridge.invoicing;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Our copy of one provider invoice, as last applied.
 *
 * @param source the Attio record it was created from; empty for invoices created elsewhere
 * @param links the person, company and deal it is linked to in Attio
 * @param attioValuesHash a digest of the values last written to Attio, to skip unchanged writes
 * @param version increases with every applied change (optimistic locking)
 */
public record MirroredInvoice(
    InvoiceId id,
    Provider provider,
    ProviderInvoice invoice,
    Optional<LocalDate> dueDate,
    Optional<RecordRef> source,
    Links links,
    Optional<String> attioValuesHash,
    long version,
    Instant createdAt) {
  public MirroredInvoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(attioValuesHash, "attioValuesHash");
  }

  /** The Attio records an invoice is linked to, and the billed email. */
  public record Links(
      Optional<String> personRecordId,
      Optional<String> companyRecordId,
      Optional<String> dealRecordId,
      Optional<String> customerEmail) {
    public static Links none() {
      return new Links(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Links of(Recipient r) {
      return new Links(
          Optional.of(r.personRecordId()),
          r.companyRecordId(),
          r.dealRecordId(),
          Optional.of(r.email()));
    }
  }

  public String status() {
    return invoice.status();
  }

  public Optional<URI> hostedUrl() {
    return invoice.hostedUrl();
  }
}
