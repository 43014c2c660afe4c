package dev.invoicebridge.quickbooks;

import java.time.LocalDate;
import java.util.List;

/**
 * A sparse update: only the non-null fields are sent. {@code lines}, when given, replaces every
 * line (lines keeping their id are updated, the others are added, omitted ones removed).
 */
public record InvoicePatch(
    LocalDate dueDate,
    String customerMemo,
    String billEmail,
    String privateNote,
    List<InvoiceLine> lines) {
  public InvoicePatch {
    lines = lines == null ? null : List.copyOf(lines);
  }

  /** Whether replaying this patch onto a newer version could silently undo someone's edit. */
  boolean touchesLines() {
    return lines != null;
  }
}
