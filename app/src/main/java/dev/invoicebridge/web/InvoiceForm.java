package dev.invoicebridge.web;

import dev.invoicebridge.invoicing.InvoiceBody;
import dev.invoicebridge.invoicing.InvoiceRequests;
import dev.invoicebridge.invoicing.Line;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The create-invoice dialog's form: line rows (a catalog price, or a description with a unit price
 * typed in major units), turned into the same request the API takes. Field errors, the form's own
 * and the API's, are keyed {@code line_3.unit_price}: row index and cell, so each message stays on
 * the row and the input it belongs to.
 */
final class InvoiceForm {
  private static final Pattern LINE = Pattern.compile("lines\\[(\\d+)\\](?:\\.(.*))?");
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d*)?|\\.\\d+");
  private static final Pattern QUANTITY = Pattern.compile("\\d{1,9}");
  private static final String QUANTITY_MESSAGE =
      String.format(
          Locale.ROOT, "Quantity must be a whole number from 1 to %,d.", Line.MAX_QUANTITY);
  private static final String DAYS_MESSAGE = "Net days must be a whole number, such as 30.";
  private static final String NO_LINES =
      "Add at least one line: pick a catalog price, or type a description and a unit price.";

  private final Map<String, String> fields;
  private final List<Integer> rowOfLine = new ArrayList<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  InvoiceForm(Map<String, String> fields) {
    this.fields = fields;
  }

  static String key(int row, String cell) {
    return "line_" + row + "." + cell;
  }

  /** The request, with the rows left blank skipped. */
  InvoiceBody body() {
    String currency = value("currency");
    List<InvoiceBody.LineBody> lines = new ArrayList<>();
    for (int row : LineRows.of(fields)) {
      InvoiceBody.LineBody line = line(row, currency);
      if (line != null) {
        rowOfLine.add(row);
        lines.add(line);
      }
    }
    String due = value("due_date");
    Long days = due == null ? whole("days_until_due", "days_until_due", DAYS_MESSAGE) : null;
    return new InvoiceBody(
        "stripe",
        new InvoiceBody.RecordBody(value("object"), value("record_id")),
        value("recipient_record_id"),
        lines,
        currency,
        due,
        days == null ? null : (int) Math.min(Integer.MAX_VALUE, days),
        value("action"));
  }

  private InvoiceBody.LineBody line(int row, String currency) {
    String price = value("price_id_" + row);
    String query = value("price_query_" + row);
    String description = value("description_" + row);
    String unitPrice = value("unit_price_" + row);
    if (price == null && query == null && description == null && unitPrice == null) {
      return null;
    }
    Long quantity = whole("quantity_" + row, key(row, "quantity"), QUANTITY_MESSAGE);
    if (price == null && query != null) {
      errors.put(
          key(row, "price"),
          "Pick a price from the search results, or clear the search to type a custom line.");
      if (description == null && unitPrice == null) {
        return null;
      }
    }
    String priced = value("price_currency_" + row);
    if (price != null && priced != null && currency != null && !priced.equalsIgnoreCase(currency)) {
      errors.put(key(row, "price"), inOtherCurrency(priced, currency));
    }
    Long unitAmount = null;
    if (unitPrice != null) {
      unitAmount = minorUnits(unitPrice, currency == null ? "usd" : currency, row);
    }
    return new InvoiceBody.LineBody(price, description, unitAmount, quantity);
  }

  /** The row message for a catalog price in another currency than the invoice's. */
  static String inOtherCurrency(String priced, String invoiceCurrency) {
    String price = priced.toUpperCase(Locale.ROOT);
    String invoice = invoiceCurrency.toUpperCase(Locale.ROOT);
    return "This price is in "
        + price
        + " but the invoice is in "
        + invoice
        + ": pick a "
        + invoice
        + " price or type a custom line.";
  }

  private Long minorUnits(String typed, String currency, int row) {
    if (!AMOUNT.matcher(typed).matches()) {
      errors.put(key(row, "unit_price"), "Unit price must be an amount such as 150.00.");
      return null;
    }
    try {
      return Money.minorUnits(typed, currency);
    } catch (ArithmeticException e) {
      errors.put(
          key(row, "unit_price"),
          "Unit price has too many decimals for "
              + currency.toUpperCase(Locale.ROOT)
              + " (at most "
              + Money.digits(currency)
              + ").");
      return null;
    }
  }

  /** Errors found while reading the form itself (before the request's own validation). */
  Map<String, String> errors() {
    return errors;
  }

  /** The form's errors and the API's field errors, keyed by the dialog's fields. */
  Map<String, String> mapErrors(Map<String, String> apiErrors) {
    Map<String, String> mapped = new LinkedHashMap<>(errors);
    boolean rowErrors = errors.keySet().stream().anyMatch(k -> k.startsWith("line_"));
    apiErrors.forEach(
        (field, message) -> {
          Matcher m = LINE.matcher(field);
          if (m.matches() && Integer.parseInt(m.group(1)) < rowOfLine.size()) {
            int row = rowOfLine.get(Integer.parseInt(m.group(1)));
            String cell = cell(m.group(2));
            mapped.putIfAbsent(cell == null ? "line_" + row : key(row, cell), message(row, cell));
          } else if (field.equals("lines")) {
            // An empty list because every row was wrong is already told on the rows.
            if (!rowErrors) {
              mapped.put("lines", rowOfLine.isEmpty() ? NO_LINES : "Lines " + message + ".");
            }
          } else {
            mapped.putIfAbsent(field, message);
          }
        });
    return mapped;
  }

  private static String cell(String apiField) {
    if (apiField == null) {
      return null;
    }
    return switch (apiField) {
      case "price_id" -> "price";
      case "unit_amount" -> "unit_price";
      default -> apiField;
    };
  }

  /** The API speaks in minor units and ids; the dialog in the words of its inputs. */
  private String message(int row, String cell) {
    if (cell == null) {
      return "Use either a catalog price, or a description and a unit price, not both.";
    }
    String currency = value("currency") == null ? "usd" : value("currency");
    return switch (cell) {
      case "price" -> "This is not a catalog price; search for it again.";
      case "description" -> "Type a description, or pick a catalog price.";
      case "unit_price" ->
          value("unit_price_" + row) == null
              ? "Type a unit price, such as 150.00."
              : "Unit price must be at most "
                  + Money.format(InvoiceRequests.MAX_UNIT_AMOUNT, currency)
                  + ".";
      case "quantity" -> QUANTITY_MESSAGE;
      default -> "Check this value.";
    };
  }

  private String value(String name) {
    String v = fields.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /**
   * A whole number field; a bad one is {@code message} on {@code errorKey}, and counts as absent.
   */
  private Long whole(String name, String errorKey, String message) {
    String v = value(name);
    if (v == null) {
      return null;
    }
    if (!QUANTITY.matcher(v).matches()) {
      errors.put(errorKey, message);
      return null;
    }
    return Long.parseLong(v);
  }
}
