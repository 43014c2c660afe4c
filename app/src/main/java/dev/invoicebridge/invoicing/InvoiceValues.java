package dev.invoicebridge.invoicing;

import dev.invoicebridge.attio.AttioValue;
import dev.invoicebridge.attio.AttributeType;
import dev.invoicebridge.attio.RecordId;
import dev.invoicebridge.schema.InvoiceField;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** One invoice field's value, written in the type of the attribute that holds it. */
final class InvoiceValues {
  private InvoiceValues() {}

  /** The value of {@code field} for {@code m} in an attribute of {@code type}; empty if unset. */
  static Optional<AttioValue> value(InvoiceField field, AttributeType type, MirroredInvoice m) {
    ProviderInvoice i = m.invoice();
    return switch (field) {
      case PROVIDER_INVOICE_ID -> text(i.id().value());
      case NUMBER -> i.number().flatMap(InvoiceValues::text);
      case STATUS -> choice(type, capitalised(i.status()));
      case PROVIDER -> choice(type, "Stripe");
      case TOTAL -> amount(type, i.amounts().total(), i.currency());
      case AMOUNT_DUE -> amount(type, i.amounts().due(), i.currency());
      case AMOUNT_PAID -> amount(type, i.amounts().paid(), i.currency());
      case AMOUNT_REMAINING -> amount(type, i.amounts().remaining(), i.currency());
      case CURRENCY_CODE -> text(i.currency().toUpperCase(Locale.ROOT));
      case ISSUE_DATE -> date(type, i.created().atZone(ZoneOffset.UTC).toLocalDate());
      case DUE_DATE -> m.dueDate().flatMap(d -> date(type, d));
      case PUBLIC_URL -> i.hostedUrl().map(URI::toString).flatMap(InvoiceValues::text);
      case PROVIDER_LINK -> text("https://dashboard.stripe.com/invoices/" + i.id().value());
      case CUSTOMER_EMAIL ->
          m.links()
              .customerEmail()
              .map(
                  e ->
                      type == AttributeType.EMAIL_ADDRESS
                          ? new AttioValue.EmailAddress(e)
                          : new AttioValue.Text(e));
      case PERSON -> reference("people", m.links().personRecordId());
      case COMPANY -> reference("companies", m.links().companyRecordId());
      case DEAL -> reference("deals", m.links().dealRecordId());
      // Written separately: it changes on every write, so it must not count as a change.
      case LAST_SYNCED_AT, SYNC_ERROR -> Optional.empty();
    };
  }

  private static Optional<AttioValue> text(String value) {
    return Optional.of(new AttioValue.Text(value));
  }

  private static Optional<AttioValue> choice(AttributeType type, String title) {
    return Optional.of(
        type == AttributeType.SELECT
            ? AttioValue.Select.titled(title)
            : new AttioValue.Text(title));
  }

  private static Optional<AttioValue> date(AttributeType type, LocalDate date) {
    return Optional.of(
        type == AttributeType.TIMESTAMP
            ? new AttioValue.Timestamp(date.atStartOfDay(ZoneOffset.UTC).toInstant())
            : new AttioValue.Date(date));
  }

  /** Minor units to the currency's major unit, since Attio shows amounts as people read them. */
  static Optional<AttioValue> amount(AttributeType type, long minor, String currency) {
    BigDecimal major = BigDecimal.valueOf(minor).movePointLeft(fractionDigits(currency));
    return Optional.of(
        type == AttributeType.CURRENCY
            ? AttioValue.Currency.of(major)
            : new AttioValue.Number(major));
  }

  private static int fractionDigits(String currency) {
    try {
      return Math.max(
          0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      return 2;
    }
  }

  private static Optional<AttioValue> reference(String object, Optional<String> id) {
    return id.map(r -> new AttioValue.RecordReference(object, new RecordId(r)));
  }

  private static String capitalised(String word) {
    return word.isEmpty()
        ? word
        : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
