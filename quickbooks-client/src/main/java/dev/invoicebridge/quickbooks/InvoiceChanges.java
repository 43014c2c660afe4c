package dev.invoicebridge.quickbooks;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What changed since a watermark, from change data capture.
 *
 * @param changed created, updated and voided invoices, in full
 * @param deleted ids of deleted invoices
 * @param asOf the response time: the next watermark (minus a small overlap)
 * @param deletionsComplete false when CDC could not be used for the whole window (older than 30
 *     days, or the 1,000-object cap was hit) and query paging filled in the changes: deletions may
 *     then be missing and a full reconciliation is due
 */
public record InvoiceChanges(
    List<Invoice> changed,
    List<InvoiceId> deleted,
    OffsetDateTime asOf,
    boolean deletionsComplete) {
  public InvoiceChanges {
    changed = List.copyOf(changed);
    deleted = List.copyOf(deleted);
  }
}
