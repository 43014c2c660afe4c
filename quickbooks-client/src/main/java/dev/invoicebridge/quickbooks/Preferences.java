package dev.invoicebridge.quickbooks;

/**
 * The company settings that decide what an invoice may contain.
 *
 * @param multiCurrencyEnabled whether invoices may be in a currency other than the home currency
 * @param homeCurrency ISO 4217 code of the home currency
 * @param customTxnNumbers whether invoices may carry our own DocNumber
 */
public record Preferences(
    boolean multiCurrencyEnabled, String homeCurrency, boolean customTxnNumbers) {}
