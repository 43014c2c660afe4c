package dev.invoicebridge.sandbox.quickbooks;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A QuickBooks fault to answer with, thrown from anywhere in the emulator and written once. */
final class QboFault extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String detail;
  private final String element;
  private final String type;

  QboFault(int status, String code, String message, String detail, String type) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.element = "";
    this.type = type;
  }

  static QboFault validation(String code, String message, String detail) {
    return new QboFault(400, code, message, detail, "ValidationFault");
  }

  static QboFault notFound(String entity, String id) {
    return validation(
        "610",
        "Object Not Found",
        "Object Not Found : Something you're trying to use has been made inactive. Check the fields"
            + " with accounts, customers, items, vendors or employees. "
            + entity
            + " Id="
            + id);
  }

  static QboFault required(String element) {
    return validation(
        "2020",
        "Required param missing, need to supply the required value for the API",
        "Required parameter " + element + " is missing in the request");
  }

  static QboFault invalidReference(String what, String id) {
    return validation(
        "2500",
        "Invalid Reference Id",
        "Invalid Reference Id : " + what + " assigned is invalid: " + id);
  }

  static QboFault stale() {
    return validation(
        "5010",
        "Stale Object Error",
        "Stale Object Error : You and root were working on this at the same time. root finished"
            + " before you did, so your work was not saved.");
  }

  static QboFault business(String detail) {
    return validation(
        "6000", "A business validation error has occurred while processing your request", detail);
  }

  static QboFault badQuery(String detail) {
    return validation("4000", "Error parsing query", "QueryParserError: " + detail);
  }

  int status() {
    return status;
  }

  /** Intuit's {@code Fault} envelope. */
  Map<String, Object> body(String time) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("Message", getMessage());
    error.put("Detail", detail);
    error.put("code", code);
    error.put("element", element);
    Map<String, Object> fault = new LinkedHashMap<>();
    fault.put("Error", List.of(error));
    fault.put("type", type);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Fault", fault);
    body.put("time", time);
    return body;
  }
}
