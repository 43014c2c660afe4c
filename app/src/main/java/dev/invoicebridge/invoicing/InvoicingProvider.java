package dev.invoicebridge.invoicing;

import dev.invoicebridge.vault.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One connected provider account, in invoicing's vocabulary. Every method throws {@link
 * InvoicingFailure} when the provider refuses or cannot be reached.
 */
public interface InvoicingProvider {
  Provider provider();

  /**
   * Active one-time catalog prices, at most {@code max}: those whose product name contains {@code
   * query} (ignoring case) when one is given.
   */
  default List<CatalogItem> catalog(Optional<String> query, int max) {
    return catalog(query, Optional.empty(), max).items();
  }

  /**
   * One page of the catalog, from just after {@code startingAfter} (a cursor from an earlier page);
   * the page's cursor continues it, and is empty after the last page.
   */
  CatalogPage catalog(Optional<String> query, Optional<String> startingAfter, int max);

  /** The customer with this email, or a new one; never two for one email. */
  ProviderCustomerId findOrCreateCustomer(BillTo billTo);

  /** The customer's email address, if it has one. */
  Optional<String> customerEmail(ProviderCustomerId customer);

  /** The customer's name, if it has one. */
  Optional<String> customerName(ProviderCustomerId customer);

  /** The currency the customer is already billed in, if the provider fixed one. */
  Optional<String> customerCurrency(ProviderCustomerId customer);

  /** Creates the draft with its lines; repeating the same reference creates nothing new. */
  ProviderInvoice createDraft(DraftInvoice draft);

  /** Draft to open: a number and a hosted payment page are assigned. */
  ProviderInvoice finalizeInvoice(ProviderInvoiceId id);

  /** Has the provider email the open invoice to the customer. */
  ProviderInvoice send(ProviderInvoiceId id);

  /** The invoice as the provider has it now. */
  ProviderInvoice retrieve(ProviderInvoiceId id);

  /**
   * Invoices created in {@code [from, until)}, newest first, at most {@code limit} (1 to 100),
   * continuing after the invoice {@code after} when one is given. A fixed {@code until} keeps the
   * pages stable while new invoices are created. An {@code after} that no longer exists (a deleted
   * draft) fails with {@link InvoicingFailure.Kind#NOT_FOUND}.
   */
  InvoicePage listInvoices(
      Instant from, Instant until, Optional<ProviderInvoiceId> after, int limit);

  /**
   * Finds or creates the webhook endpoint for {@code url}, repairing what differs.
   *
   * @param secretStored whether its signing secret is still in the vault
   * @return the new signing secret when the endpoint was (re)created; store it at once
   */
  Optional<Secret> ensureWebhookEndpoint(URI url, boolean secretStored);

  /** Our webhook endpoint for {@code url} as the provider has it, if there is one. */
  Optional<WebhookEndpointState> webhookEndpoint(URI url);

  /** Deletes every webhook endpoint for {@code url}; true when there was one. */
  boolean removeWebhookEndpoint(URI url);

  /** The event, once its signature header is proven with one of the secrets. */
  WebhookEvent verifyWebhook(String payload, String signatureHeader, List<Secret> secrets);
}
