package dev.invoicebridge.settings;

/**
 * What an admin chose for a workspace's sync.
 *
 * @param syncInvoices the master switch: on, invoices land in Attio and provider webhooks are
 *     processed; off (send-only), invoices are only created at the provider and mirrored here
 * @param createMissingPeople whether an invoice created outside Invoicebridge whose customer email
 *     matches no Attio person creates that person
 */
public record SyncPreferences(boolean syncInvoices, boolean createMissingPeople) {
  /** Sync on, no people created. */
  public static SyncPreferences defaults() {
    return new SyncPreferences(true, false);
  }
}
