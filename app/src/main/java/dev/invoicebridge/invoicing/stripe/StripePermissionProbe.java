package dev.invoicebridge.invoicing.stripe;

import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceItemUpdateParams;
import com.stripe.param.InvoiceUpdateParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductUpdateParams;
import com.stripe.param.WebhookEndpointListParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds which needed permissions a key lacks, without changing anything: a write is probed by
 * updating an object that does not exist (403: missing; 404: allowed, as Stripe checks the
 * permission before looking the object up), a read by listing one object.
 */
public final class StripePermissionProbe {
  private static final String PROBE = "invoicebridgepermissionprobe";
  private static final String KEY = "invoicebridge_probe";

  private final StripeCalls calls;

  StripePermissionProbe(StripeCalls calls) {
    this.calls = calls;
  }

  /** The needed permissions the key lacks, in a stable order; empty when it has them all. */
  public List<StripePermission> missing() {
    List<StripePermission> missing = new ArrayList<>();
    for (StripePermission permission : StripePermission.values()) {
      if (!allowed(permission)) {
        missing.add(permission);
      }
    }
    return missing;
  }

  private boolean allowed(StripePermission permission) {
    try {
      probe(permission);
      return true;
    } catch (StripeFailure.NotFound expected) {
      return true;
    } catch (StripeFailure.Permission denied) {
      return false;
    }
  }

  private void probe(StripePermission permission) {
    switch (permission) {
      case CUSTOMERS_WRITE ->
          calls.call(
              c ->
                  c.v1()
                      .customers()
                      .update(
                          "cus_" + PROBE,
                          CustomerUpdateParams.builder().putMetadata(KEY, "1").build()));
      case PRODUCTS_WRITE ->
          calls.call(
              c ->
                  c.v1()
                      .products()
                      .update(
                          "prod_" + PROBE,
                          ProductUpdateParams.builder().putMetadata(KEY, "1").build()));
      case PRICES_WRITE ->
          calls.call(
              c ->
                  c.v1()
                      .prices()
                      .update(
                          "price_" + PROBE,
                          PriceUpdateParams.builder().putMetadata(KEY, "1").build()));
      case INVOICE_ITEMS_WRITE ->
          calls.call(
              c ->
                  c.v1()
                      .invoiceItems()
                      .update(
                          "ii_" + PROBE,
                          InvoiceItemUpdateParams.builder().putMetadata(KEY, "1").build()));
      case INVOICES_WRITE ->
          calls.call(
              c ->
                  c.v1()
                      .invoices()
                      .update(
                          "in_" + PROBE,
                          InvoiceUpdateParams.builder().putMetadata(KEY, "1").build()));
      case WEBHOOK_ENDPOINTS_READ ->
          calls.call(
              c ->
                  c.v1()
                      .webhookEndpoints()
                      .list(WebhookEndpointListParams.builder().setLimit(1L).build()));
      case WEBHOOK_ENDPOINTS_WRITE ->
          calls.call(
              c ->
                  c.v1()
                      .webhookEndpoints()
                      .update(
                          "we_" + PROBE,
                          WebhookEndpointUpdateParams.builder().putMetadata(KEY, "1").build()));
    }
  }
}
