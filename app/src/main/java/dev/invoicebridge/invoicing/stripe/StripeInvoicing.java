package dev.invoicebridge.invoicing.stripe;

import com.stripe.Stripe;

/**
 * Invoicing on one Stripe account through stripe-java 33.3.0, which pins API version {@value
 * Stripe#API_VERSION}: customers, catalog, invoices, webhook endpoints and the permission probe.
 * Thread-safe; build one per connected account.
 */
public final class StripeInvoicing {
  private final StripeCustomers customers;
  private final StripeCatalog catalog;
  private final StripeInvoices invoices;
  private final StripeWebhookEndpoints webhookEndpoints;
  private final StripePermissionProbe permissions;

  private StripeInvoicing(StripeCalls calls) {
    this.customers = new StripeCustomers(calls);
    this.catalog = new StripeCatalog(calls);
    this.invoices = new StripeInvoices(calls, catalog);
    this.webhookEndpoints = new StripeWebhookEndpoints(calls);
    this.permissions = new StripePermissionProbe(calls);
  }

  /** Connects to the account the settings name (no call is made until one is needed). */
  public static StripeInvoicing connect(StripeSettings settings) {
    return new StripeInvoicing(new StripeCalls(settings, d -> Thread.sleep(d)));
  }

  /** As {@link #connect(StripeSettings)}, with the pause between retries replaced (tests). */
  static StripeInvoicing connect(StripeSettings settings, StripeCalls.Pause pause) {
    return new StripeInvoicing(new StripeCalls(settings, pause));
  }

  /** The Stripe API version every call and our webhook endpoints use. */
  public static String apiVersion() {
    return Stripe.API_VERSION;
  }

  public StripeCustomers customers() {
    return customers;
  }

  public StripeCatalog catalog() {
    return catalog;
  }

  public StripeInvoices invoices() {
    return invoices;
  }

  public StripeWebhookEndpoints webhookEndpoints() {
    return webhookEndpoints;
  }

  public StripePermissionProbe permissions() {
    return permissions;
  }
}
