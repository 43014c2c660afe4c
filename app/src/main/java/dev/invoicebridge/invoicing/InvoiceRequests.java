package dev.invoicebridge.invoicing;

import dev.invoicebridge.security.ValidationFailure;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates an {@link InvoiceBody}, collecting one message per offending field. */
public final class InvoiceRequests {
  static final int MAX_LINES = 250;
  static final int DEFAULT_DAYS_UNTIL_DUE = 30;
  static final int MAX_DAYS_UNTIL_DUE = 3650;
  public static final long MAX_UNIT_AMOUNT = 99_999_999L;
  private static final Pattern OBJECT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern PRICE = Pattern.compile("price_[A-Za-z0-9_]{1,200}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

  private final Map<String, String> errors = new LinkedHashMap<>();

  private InvoiceRequests() {}

  /** The request, or a {@link ValidationFailure} naming every bad field. */
  public static CreateInvoice validate(InvoiceBody body, LocalDate today) {
    InvoiceRequests v = new InvoiceRequests();
    Provider provider = v.provider(body.provider());
    RecordRef record = v.record(body.record());
    Optional<String> recipient = Optional.ofNullable(body.recipientRecordId());
    recipient.ifPresent(
        r ->
            v.check(
                UUID.matcher(r).matches(), "recipient_record_id", "must be an Attio record id"));
    List<Line> lines = v.lines(body.lines());
    String currency = v.currency(body.currency());
    LocalDate due = v.dueDate(body.dueDate(), body.daysUntilDue(), today);
    Action action = v.action(body.action());
    if (!v.errors.isEmpty()) {
      throw new ValidationFailure(v.errors);
    }
    return new CreateInvoice(provider, record, recipient, lines, currency, due, action);
  }

  private Provider provider(String value) {
    if (value == null) {
      return Provider.STRIPE;
    }
    try {
      return Provider.fromSlug(value);
    } catch (IllegalArgumentException e) {
      errors.put("provider", "must be \"stripe\"");
      return Provider.STRIPE;
    }
  }

  private RecordRef record(InvoiceBody.RecordBody record) {
    if (record == null) {
      errors.put("record", "is required: {\"object\": \"people\", \"record_id\": \"...\"}");
      return null;
    }
    check(
        record.object() != null && OBJECT.matcher(record.object()).matches(),
        "record.object",
        "must be an Attio object slug such as people, companies or deals");
    check(
        record.recordId() != null && UUID.matcher(record.recordId()).matches(),
        "record.record_id",
        "must be an Attio record id");
    return errors.containsKey("record.object") || errors.containsKey("record.record_id")
        ? null
        : new RecordRef(record.object(), record.recordId().toLowerCase(Locale.ROOT));
  }

  private List<Line> lines(List<InvoiceBody.LineBody> lines) {
    if (lines == null || lines.isEmpty()) {
      errors.put("lines", "must contain at least one line");
      return List.of();
    }
    if (lines.size() > MAX_LINES) {
      errors.put("lines", "must contain at most " + MAX_LINES + " lines");
      return List.of();
    }
    List<Line> valid = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      line(lines.get(i), "lines[" + i + "]").ifPresent(valid::add);
    }
    return valid;
  }

  private Optional<Line> line(InvoiceBody.LineBody line, String at) {
    if (line == null) {
      errors.put(at, "must be a line object");
      return Optional.empty();
    }
    long quantity = line.quantity() == null ? 1 : line.quantity();
    boolean ok =
        check(
            quantity >= 1 && quantity <= Line.MAX_QUANTITY,
            at + ".quantity",
            "must be a whole number from 1 to " + Line.MAX_QUANTITY);
    if (line.priceId() != null) {
      ok &=
          check(
              PRICE.matcher(line.priceId()).matches(),
              at + ".price_id",
              "must be a Stripe price id (price_...)");
      ok &=
          check(
              line.description() == null && line.unitAmount() == null,
              at,
              "give either price_id, or description and unit_amount, not both");
      return ok ? Optional.of(new Line.CatalogLine(line.priceId(), quantity)) : Optional.empty();
    }
    String description = line.description() == null ? "" : line.description().strip();
    ok &=
        check(
            !description.isEmpty() && description.length() <= 500,
            at + ".description",
            "is required for a custom line (1 to 500 characters), or give a price_id");
    ok &=
        check(
            line.unitAmount() != null
                && line.unitAmount() >= 0
                && line.unitAmount() <= MAX_UNIT_AMOUNT,
            at + ".unit_amount",
            "must be a whole number of minor units (cents) from 0 to " + MAX_UNIT_AMOUNT);
    return ok
        ? Optional.of(new Line.CustomLine(description, line.unitAmount(), quantity))
        : Optional.empty();
  }

  private String currency(String value) {
    if (value == null || !CURRENCY.matcher(value).matches()) {
      errors.put("currency", "must be a three-letter ISO 4217 code such as usd");
      return null;
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private LocalDate dueDate(String dueDate, Integer days, LocalDate today) {
    if (dueDate != null && days != null) {
      errors.put("due_date", "give either due_date or days_until_due, not both");
      return null;
    }
    if (dueDate != null) {
      try {
        LocalDate due = LocalDate.parse(dueDate);
        check(!due.isBefore(today), "due_date", "must not be in the past");
        return due;
      } catch (DateTimeParseException e) {
        errors.put("due_date", "must be a date such as 2026-12-31");
        return null;
      }
    }
    int net = days == null ? DEFAULT_DAYS_UNTIL_DUE : days;
    check(
        net >= 0 && net <= MAX_DAYS_UNTIL_DUE,
        "days_until_due",
        "must be from 0 to " + MAX_DAYS_UNTIL_DUE);
    return today.plusDays(net);
  }

  private Action action(String value) {
    if (value == null) {
      return Action.DRAFT;
    }
    for (Action a : Action.values()) {
      if (a.slug().equals(value)) {
        return a;
      }
    }
    errors.put("action", "must be draft, finalize or finalize_and_send");
    return Action.DRAFT;
  }

  private boolean check(boolean ok, String field, String message) {
    if (!ok) {
      errors.putIfAbsent(field, message);
    }
    return ok;
  }
}
