package dev.invoicebridge.quickbooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The QuickBooks Online Accounting API for one company (realm), as the product uses it. */
public interface QuickBooksClient {
  /** {@code GET /v3/company/{realmId}/companyinfo/{realmId}}: the connected company. */
  CompanyInfo companyInfo();

  /** Multi-currency, home currency and custom document numbers. */
  Preferences preferences();

  /** The active customer whose PrimaryEmailAddr is {@code email}, if any. */
  Optional<Customer> findCustomerByEmail(String email);

  /** The customer (active or not) with this DisplayName, if any. */
  Optional<Customer> findCustomerByDisplayName(String displayName);

  /** Creates a customer; throws {@link QuickBooksException.DuplicateName} if the name is taken. */
  Customer createCustomer(NewCustomer customer);

  /**
   * The customer with this email, else with this display name, else a new one. Never creates a
   * duplicate, even when two callers race (the loser adopts the winner's customer).
   */
  Customer findOrCreateCustomer(NewCustomer customer);

  /** The service item with this name, created with the company's first income account if new. */
  Item findOrCreateServiceItem(String name);

  /**
   * Creates an invoice. {@code idempotencyKey} (at most 50 characters, e.g. the source record id
   * plus an attempt counter) becomes the requestid: sending it again returns the same invoice.
   */
  Invoice createInvoice(NewInvoice invoice, String idempotencyKey);

  Invoice invoice(InvoiceId id);

  /**
   * Sparse update. A stale {@code syncToken} (5010) is re-read and retried once unless the patch
   * replaces lines, where retrying could silently undo someone else's line edit.
   */
  Invoice updateInvoice(InvoiceId id, String syncToken, InvoicePatch patch);

  /** Voids: amounts become zero and "Voided" is prepended to the private note. */
  Invoice voidInvoice(InvoiceId id, String syncToken);

  /** Deletes the invoice; later reads answer {@link QuickBooksException.NotFound}. */
  void deleteInvoice(InvoiceId id, String syncToken);

  /** Emails the invoice, to {@code sendTo} if given, else to its BillEmail. */
  Invoice sendInvoice(InvoiceId id, String sendTo);

  /** The invoice as QuickBooks renders it, PDF bytes. */
  byte[] invoicePdf(InvoiceId id);

  /** Every invoice matching {@code where} (the query language's WHERE clause, or empty). */
  List<Invoice> queryInvoices(String where);

  /** Invoices changed or deleted since {@code since}, via change data capture. */
  InvoiceChanges invoiceChangesSince(OffsetDateTime since);
}
