package dev.invoicebridge.invoicing.stripe;

/**
 * A restricted-key permission the service needs, named as the Dashboard's key settings and Stripe's
 * 403 messages name it ("Enabling \"Prices Read\" ('plan_read')").
 */
public enum StripePermission {
  CUSTOMERS_WRITE("Customers", "customer"),
  PRODUCTS_WRITE("Products", "product"),
  PRICES_WRITE("Prices", "plan"),
  INVOICE_ITEMS_WRITE("Invoice Items", "invoiceitem"),
  INVOICES_WRITE("Invoices", "invoice"),
  WEBHOOK_ENDPOINTS_READ("Webhook Endpoints", "webhook_endpoint"),
  WEBHOOK_ENDPOINTS_WRITE("Webhook Endpoints", "webhook_endpoint");

  private final String resource;
  private final String idPrefix;

  StripePermission(String resource, String idPrefix) {
    this.resource = resource;
    this.idPrefix = idPrefix;
  }

  private boolean write() {
    return name().endsWith("_WRITE");
  }

  /** As the Dashboard shows it, such as {@code Invoices Write}. */
  public String dashboardName() {
    return resource + (write() ? " Write" : " Read");
  }

  /** Stripe's permission id, such as {@code invoice_write}. */
  public String permissionId() {
    return idPrefix + (write() ? "_write" : "_read");
  }
}
