package dev.invoicebridge.api;

import dev.invoicebridge.invoicing.InvoiceConflict;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Invoicing's failures as problem+json, ahead of {@link ApiProblems}' catch-all: provider refusals
 * in our words (with the provider's code, never its message) and conflicts with the caller's
 * choice.
 */
@RestControllerAdvice(basePackages = "dev.invoicebridge.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvoiceProblems {
  private static final Logger log = LoggerFactory.getLogger(InvoiceProblems.class);

  @ExceptionHandler(InvoiceConflict.class)
  ProblemDetail conflict(InvoiceConflict e) {
    HttpStatus status =
        switch (e.reason()) {
          case CURRENCY_MISMATCH, IDEMPOTENCY_KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
          case IDEMPOTENCY_KEY_IN_PROGRESS -> HttpStatus.CONFLICT;
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    String code = e.reason().name().toLowerCase(Locale.ROOT);
    problem.setType(URI.create("https://invoicebridge.dev/problems/" + code.replace('_', '-')));
    problem.setTitle(
        switch (e.reason()) {
          case CURRENCY_MISMATCH -> "Customer currency differs";
          case IDEMPOTENCY_KEY_REUSED -> "Idempotency-Key reused";
          case IDEMPOTENCY_KEY_IN_PROGRESS -> "Request in progress";
        });
    Map<String, Object> properties = new LinkedHashMap<>(e.details());
    properties.put("code", code);
    problem.setProperties(properties);
    return problem;
  }

  @ExceptionHandler(ProviderNotConnected.class)
  ProblemDetail notConnected(ProviderNotConnected e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Provider not connected");
    return problem;
  }

  /** One switch from the provider's failure kind to status and message. */
  @ExceptionHandler(InvoicingFailure.class)
  ResponseEntity<ProblemDetail> provider(InvoicingFailure e) {
    String name = e.provider().name().charAt(0) + e.provider().slug().substring(1);
    HttpStatus status =
        switch (e.kind()) {
          case INVALID, NOT_FOUND -> HttpStatus.UNPROCESSABLE_CONTENT;
          case CONFLICT -> HttpStatus.CONFLICT;
          case RATE_LIMITED -> HttpStatus.SERVICE_UNAVAILABLE;
          case AUTHENTICATION, PERMISSION, UNAVAILABLE, SIGNATURE -> HttpStatus.BAD_GATEWAY;
        };
    String detail =
        switch (e.kind()) {
          case INVALID ->
              name
                  + " refused the invoice"
                  + e.param().map(p -> " because of \"" + p + "\"").orElse("")
                  + "; check the lines and the currency.";
          case NOT_FOUND ->
              name
                  + " has no such object"
                  + e.param().map(p -> " (\"" + p + "\")").orElse("")
                  + "; check the price ids.";
          case CONFLICT -> name + " says the invoice's state does not allow this.";
          case RATE_LIMITED -> name + " is rate limiting this account; try again shortly.";
          case AUTHENTICATION ->
              name + " rejected this workspace's API key; an admin should reconnect " + name + ".";
          case PERMISSION ->
              name
                  + "'s key lacks a permission"
                  + e.param().map(p -> " (" + p + ")").orElse("")
                  + "; an admin should grant it.";
          case UNAVAILABLE, SIGNATURE ->
              name
                  + " could not be reached or failed; try again (the same Idempotency-Key is safe).";
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(name + " error");
    e.providerCode().ifPresent(c -> problem.setProperty("provider_code", c));
    e.param().ifPresent(p -> problem.setProperty("param", p));
    log.warn("{} call failed: {} {}", name, e.kind(), e.providerCode().orElse(""));
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, "2");
    }
    return response.body(problem);
  }
}
