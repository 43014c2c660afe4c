package dev.invoicebridge.sandbox.stripe;

/**
 * The parameters each endpoint takes: the fields of stripe-java 33.3.0's params class for it
 * ({@code CustomerCreateParams}, {@code InvoiceAddLinesParams}, ...), so anything else is refused
 * as Stripe refuses it. Nested rules only where the sandbox reads the hash.
 */
final class EndpointParams {
  private EndpointParams() {}

  // The fields of stripe-java's CustomerCreateParams and CustomerUpdateParams.
  static final Allowed CUSTOMER_CREATE =
      Allowed.of(
          "address",
          "balance",
          "business_name",
          "cash_balance",
          "description",
          "email",
          "individual_name",
          "invoice_prefix",
          "invoice_settings",
          "metadata",
          "name",
          "next_invoice_sequence",
          "payment_method",
          "phone",
          "preferred_locales",
          "shipping",
          "source",
          "tax",
          "tax_exempt",
          "tax_id_data",
          "test_clock",
          "validate");

  static final Allowed CUSTOMER_UPDATE =
      Allowed.of(
          "address",
          "balance",
          "business_name",
          "cash_balance",
          "default_source",
          "description",
          "email",
          "individual_name",
          "invoice_prefix",
          "invoice_settings",
          "metadata",
          "name",
          "next_invoice_sequence",
          "phone",
          "preferred_locales",
          "shipping",
          "source",
          "tax",
          "tax_exempt",
          "validate");

  // The fields of stripe-java's Product*Params and Price*Params.
  static final Allowed PRODUCT_FIELDS =
      Allowed.of(
          "active",
          "description",
          "images",
          "marketing_features",
          "metadata",
          "name",
          "package_dimensions",
          "shippable",
          "statement_descriptor",
          "tax_code",
          "unit_label",
          "url");

  static final Allowed RECURRING =
      Allowed.of("interval", "interval_count", "meter", "trial_period_days", "usage_type");

  static final Allowed CREATE_PRODUCT =
      PRODUCT_FIELDS
          .and("id", "type")
          .with(
              "default_price_data",
              Allowed.of(
                      "currency",
                      "currency_options",
                      "custom_unit_amount",
                      "metadata",
                      "tax_behavior",
                      "unit_amount",
                      "unit_amount_decimal")
                  .with("recurring", RECURRING));

  static final Allowed CREATE_PRICE =
      Allowed.of(
              "active",
              "billing_scheme",
              "currency",
              "currency_options",
              "custom_unit_amount",
              "lookup_key",
              "metadata",
              "nickname",
              "product",
              "tax_behavior",
              "tiers",
              "tiers_mode",
              "transfer_lookup_key",
              "transform_quantity",
              "unit_amount",
              "unit_amount_decimal")
          .with("recurring", RECURRING)
          .with(
              "product_data",
              Allowed.of(
                  "active",
                  "id",
                  "metadata",
                  "name",
                  "statement_descriptor",
                  "tax_code",
                  "unit_label"));

  static final Allowed UPDATE_PRICE =
      Allowed.of(
          "active",
          "currency_options",
          "lookup_key",
          "metadata",
          "nickname",
          "tax_behavior",
          "transfer_lookup_key");

  // The fields of stripe-java's InvoiceUpdateParams; InvoiceCreateParams has these and four more.
  static final Allowed INVOICE_UPDATE =
      Allowed.of(
          "account_tax_ids",
          "application_fee_amount",
          "auto_advance",
          "automatic_tax",
          "automatically_finalizes_at",
          "collection_method",
          "custom_fields",
          "days_until_due",
          "default_payment_method",
          "default_source",
          "default_tax_rates",
          "description",
          "discounts",
          "due_date",
          "effective_at",
          "footer",
          "issuer",
          "metadata",
          "number",
          "on_behalf_of",
          "payment_settings",
          "rendering",
          "shipping_cost",
          "shipping_details",
          "statement_descriptor",
          "transfer_data");

  static final Allowed INVOICE_CREATE =
      INVOICE_UPDATE.and(
          "currency",
          "customer",
          "customer_account",
          "from_invoice",
          "pending_invoice_items_behavior",
          "subscription");

  static final Allowed INVOICE_LIST =
      Allowed.LIST
          .and("collection_method", "customer", "customer_account", "status", "subscription")
          .with("due_date", Allowed.of("gt", "gte", "lt", "lte"));

  static final Allowed ITEM_PRICE_DATA =
      Allowed.of("currency", "product", "tax_behavior", "unit_amount", "unit_amount_decimal");

  static final Allowed ITEM_PRICING = Allowed.of("price");

  // The fields of stripe-java's InvoiceItemCreateParams; since 2025-03-31.basil there is no
  // top-level price: it moved to pricing[price].
  static final Allowed ITEM_CREATE =
      Allowed.of(
              "amount",
              "currency",
              "customer",
              "customer_account",
              "description",
              "discountable",
              "discounts",
              "invoice",
              "metadata",
              "period",
              "quantity",
              "quantity_decimal",
              "subscription",
              "tax_behavior",
              "tax_code",
              "tax_rates",
              "unit_amount_decimal")
          .with("price_data", ITEM_PRICE_DATA)
          .with("pricing", ITEM_PRICING);

  static final Allowed ITEM_UPDATE =
      Allowed.of(
              "amount",
              "description",
              "discountable",
              "discounts",
              "metadata",
              "period",
              "quantity",
              "quantity_decimal",
              "tax_behavior",
              "tax_code",
              "tax_rates",
              "unit_amount_decimal")
          .with("price_data", ITEM_PRICE_DATA)
          .with("pricing", ITEM_PRICING);

  // InvoiceAddLinesParams: its lines' price_data may also carry product_data.
  static final Allowed ITEM_ADD_LINES =
      Allowed.of("invoice_metadata")
          .with(
              "lines",
              Allowed.of(
                      "amount",
                      "description",
                      "discountable",
                      "discounts",
                      "invoice_item",
                      "metadata",
                      "period",
                      "quantity",
                      "quantity_decimal",
                      "tax_amounts",
                      "tax_rates")
                  .with(
                      "price_data",
                      ITEM_PRICE_DATA.with(
                          "product_data",
                          Allowed.of(
                              "description",
                              "images",
                              "metadata",
                              "name",
                              "tax_code",
                              "unit_label")))
                  .with("pricing", ITEM_PRICING));
}
