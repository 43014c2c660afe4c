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

  /** The active customer whose PrimaryEmailAddr is {@code email} (any letter case), if any. */
  Optional<Customer> findCustomerByEmail(String email);

  /** The customer (active or not) with this DisplayName, if any. */
  Optional<Customer> findCustomerByDisplayName(String displayName);

  /** Creates a customer; throws {@link QuickBooksException.DuplicateName} if the name is taken. */
  Customer createCustomer(NewCustomer customer);

  /**
   * The customer with this email (reactivated if inactive), else the one holding this display name
   * when it has the same email or none, else a new one; a display name held by someone else (a
   * vendor, an employee, a customer with another email) gets an " (Attio)" suffix. Never creates a
   * duplicate for one email, even when callers with different names race: calls for one email queue
   * within the JVM, and across instances the create's requestid derives from the email.
   */
  Customer findOrCreateCustomer(NewCustomer customer);

  /** The service item with this name, created with the company's first income account if new. */
  Item findOrCreateServiceItem(String name);

  /**
   * Creates an invoice. {@code idempotencyKey} (at most 50 characters, e.g. the source record id
   * plus an attempt counter) becomes the requestid: sending it again returns the same invoice. An
   * invoice in a currency other than the home currency needs its exchange rate (Intuit: always send
   * it; QuickBooks falls back to 1), else {@link IllegalArgumentException}.
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

  /**
   * Emails the invoice, to {@code sendTo} if given, else to its BillEmail. {@code syncToken} (the
   * invoice's current one) makes the requestid: a retry of this send is answered, not sent twice,
   * while a later deliberate resend (the token has moved on) sends again.
   */
  Invoice sendInvoice(InvoiceId id, String syncToken, String sendTo);

  /** The invoice as QuickBooks renders it, PDF bytes. */
  byte[] invoicePdf(InvoiceId id);

  /** Every invoice matching {@code where} (the query language's WHERE clause, or empty). */
  List<Invoice> queryInvoices(String where);

  /** Invoices changed or deleted since {@code since}, via change data capture. */
  InvoiceChanges invoiceChangesSince(OffsetDateTime since);
}
