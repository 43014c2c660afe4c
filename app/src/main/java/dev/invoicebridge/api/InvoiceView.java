package dev.invoicebridge.api;

import dev.invoicebridge.invoicing.MirroredInvoice;
import dev.invoicebridge.invoicing.ProviderInvoice;
import java.net.URI;
import java.time.LocalDate;

/** An invoice as the API shows it; amounts in the currency's minor unit. */
record InvoiceView(
    String id,
    String provider,
    String providerInvoiceId,
    String number,
    String status,
    long total,
    long amountDue,
    long amountPaid,
    long amountRemaining,
    String currency,
    LocalDate dueDate,
    String hostedInvoiceUrl,
    RecordView record,
    String recipientRecordId) {

  /** The Attio record the invoice came from. */
  record RecordView(String object, String recordId) {}

  static InvoiceView of(MirroredInvoice m) {
    ProviderInvoice i = m.invoice();
    return new InvoiceView(
        m.id().value(),
        m.provider().slug(),
        i.id().value(),
        i.number().orElse(null),
        i.status(),
        i.amounts().total(),
        i.amounts().due(),
        i.amounts().paid(),
        i.amounts().remaining(),
        i.currency(),
        m.dueDate().orElse(null),
        i.hostedUrl().map(URI::toString).orElse(null),
        m.source().map(s -> new RecordView(s.object(), s.recordId())).orElse(null),
        m.links().personRecordId().orElse(null));
  }
}
