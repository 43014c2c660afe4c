package dev.invoicebridge.schema;

import dev.invoicebridge.attio.AttributeType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every field Invoicebridge writes onto an invoice record in Attio, with the attribute it creates
 * when none is mapped and the attribute types it can write into.
 */
public enum InvoiceField {
  PROVIDER_INVOICE_ID("provider_invoice_id", "Provider invoice ID", AttributeType.TEXT),
  NUMBER("number", "Number", AttributeType.TEXT),
  STATUS("status", "Status", AttributeType.SELECT, AttributeType.TEXT),
  PROVIDER("provider", "Provider", AttributeType.SELECT, AttributeType.TEXT),
  TOTAL("total", "Total", AttributeType.CURRENCY, AttributeType.NUMBER),
  AMOUNT_DUE("amount_due", "Amount due", AttributeType.CURRENCY, AttributeType.NUMBER),
  AMOUNT_PAID("amount_paid", "Amount paid", AttributeType.CURRENCY, AttributeType.NUMBER),
  AMOUNT_REMAINING(
      "amount_remaining", "Amount remaining", AttributeType.CURRENCY, AttributeType.NUMBER),
  CURRENCY_CODE("currency_code", "Currency", AttributeType.TEXT),
  ISSUE_DATE("issue_date", "Issue date", AttributeType.DATE, AttributeType.TIMESTAMP),
  DUE_DATE("due_date", "Due date", AttributeType.DATE, AttributeType.TIMESTAMP),
  PUBLIC_URL("public_url", "Invoice URL", AttributeType.TEXT),
  PROVIDER_LINK("provider_link", "Open in provider", AttributeType.TEXT),
  // Attio does not let the API create email-address attributes; an existing one is fine to map.
  CUSTOMER_EMAIL(
      "customer_email", "Customer email", AttributeType.TEXT, AttributeType.EMAIL_ADDRESS),
  PERSON("person", "Person", "people"),
  COMPANY("company", "Company", "companies"),
  DEAL("deal", "Deal", "deals"),
  LAST_SYNCED_AT("last_synced_at", "Last synced at", AttributeType.TIMESTAMP),
  SYNC_ERROR("sync_error", "Sync error", AttributeType.TEXT);

  /** Option titles of the status select: the providers' own words, capitalised. */
  public static final List<String> STATUS_OPTIONS =
      List.of("Draft", "Open", "Paid", "Uncollectible", "Void");

  /** Option titles of the provider select. */
  public static final List<String> PROVIDER_OPTIONS = List.of("Stripe", "QuickBooks");

  private final String defaultSlug;
  private final String title;
  private final AttributeType createdType;
  private final Set<AttributeType> acceptedTypes;
  private final String referencedObject;

  InvoiceField(String defaultSlug, String title, AttributeType created, AttributeType... more) {
    this.defaultSlug = defaultSlug;
    this.title = title;
    this.createdType = created;
    this.acceptedTypes = Set.copyOf(concat(created, more));
    this.referencedObject = null;
  }

  InvoiceField(String defaultSlug, String title, String referencedObject) {
    this.defaultSlug = defaultSlug;
    this.title = title;
    this.createdType = AttributeType.RECORD_REFERENCE;
    this.acceptedTypes = Set.of(AttributeType.RECORD_REFERENCE);
    this.referencedObject = referencedObject;
  }

  private static List<AttributeType> concat(AttributeType first, AttributeType... more) {
    return Stream.concat(Stream.of(first), Arrays.stream(more)).toList();
  }

  /** The key used in the API and in stored mappings, such as {@code amount_due}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static InvoiceField fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }

  public String defaultSlug() {
    return defaultSlug;
  }

  public String title() {
    return title;
  }

  /** The type of the attribute created when nothing is mapped. */
  public AttributeType createdType() {
    return createdType;
  }

  /** The types an existing attribute may have for Invoicebridge to write this field into it. */
  public Set<AttributeType> acceptedTypes() {
    return acceptedTypes;
  }

  /** For reference fields, the object referenced (people, companies, deals); else null. */
  public String referencedObject() {
    return referencedObject;
  }

  /** The upsert key: it must be unique in Attio. */
  public boolean isKey() {
    return this == PROVIDER_INVOICE_ID;
  }

  /** Option titles a select attribute for this field needs; empty for other fields. */
  public List<String> selectOptions() {
    return switch (this) {
      case STATUS -> STATUS_OPTIONS;
      case PROVIDER -> PROVIDER_OPTIONS;
      default -> List.of();
    };
  }
}
