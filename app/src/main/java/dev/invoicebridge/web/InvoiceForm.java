package dev.invoicebridge.web;

import dev.invoicebridge.invoicing.InvoiceBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The create-invoice dialog's form: {@value #ROWS} line rows (a catalog price, or a description
 * with a unit price typed in major units), turned into the same request the API takes; the API's
 * field errors are mapped back onto the rows they belong to.
 */
final class InvoiceForm {
  static final int ROWS = 5;
  private static final Pattern LINE = Pattern.compile("lines\\[(\\d+)\\](?:\\.(.*))?");

  private final Map<String, String> fields;
  private final List<Integer> rowOfLine = new ArrayList<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  InvoiceForm(Map<String, String> fields) {
    this.fields = fields;
  }

  /** The request, with the rows left blank skipped. */
  InvoiceBody body() {
    String currency = value("currency");
    List<InvoiceBody.LineBody> lines = new ArrayList<>();
    for (int row = 0; row < ROWS; row++) {
      String price = value("price_id_" + row);
      String description = value("description_" + row);
      String unitPrice = value("unit_price_" + row);
      Long quantity = number("quantity_" + row, row);
      if (price == null && description == null && unitPrice == null) {
        continue;
      }
      Long unitAmount = null;
      if (price == null && unitPrice != null) {
        try {
          unitAmount = Money.minorUnits(unitPrice, currency == null ? "usd" : currency);
        } catch (NumberFormatException | ArithmeticException e) {
          errors.put("line_" + row, "unit price must be an amount such as 150.00");
        }
      }
      rowOfLine.add(row);
      lines.add(new InvoiceBody.LineBody(price, description, unitAmount, quantity));
    }
    String due = value("due_date");
    Long days = due == null ? number("days_until_due", -1) : null;
    return new InvoiceBody(
        "stripe",
        new InvoiceBody.RecordBody(value("object"), value("record_id")),
        value("recipient_record_id"),
        lines,
        currency,
        due,
        days == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, days)),
        value("action"));
  }

  /** Errors found while reading the form itself (before the request's own validation). */
  Map<String, String> errors() {
    return errors;
  }

  /** The API's field errors, keyed by the form's fields ({@code line_2} for a row). */
  Map<String, String> mapErrors(Map<String, String> apiErrors) {
    Map<String, String> mapped = new LinkedHashMap<>(errors);
    apiErrors.forEach(
        (field, message) -> {
          Matcher m = LINE.matcher(field);
          if (m.matches() && Integer.parseInt(m.group(1)) < rowOfLine.size()) {
            String key = "line_" + rowOfLine.get(Integer.parseInt(m.group(1)));
            String what = m.group(2) == null ? "" : m.group(2).replace('_', ' ') + " ";
            mapped.merge(key, what + message, (a, b) -> a + "; " + b);
          } else {
            mapped.put(field, message);
          }
        });
    return mapped;
  }

  private String value(String name) {
    String v = fields.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private Long number(String name, int row) {
    String v = value(name);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      errors.put(row < 0 ? name : "line_" + row, "must be a whole number");
      return null;
    }
  }
}
