package dev.invoicebridge.api;

import dev.invoicebridge.attio.AttioAuthException;
import dev.invoicebridge.attio.AttioConflictException;
import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.attio.AttioNotFoundException;
import dev.invoicebridge.attio.AttioRateLimitedException;
import dev.invoicebridge.attio.AttioTransientException;
import dev.invoicebridge.attio.AttioValidationException;
import dev.invoicebridge.connection.AttioClients.AttioNotConnected;
import dev.invoicebridge.security.ValidationFailure;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem+json. Invalid input gets 400 with {@code errors}: one {@code
 * {field, message}} per offending field. Unexpected failures get a 500 that says nothing about
 * internals; the request id in the response header finds the log lines.
 */
@RestControllerAdvice(basePackages = "dev.invoicebridge.api")
class ApiProblems extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  /** One field-level message. */
  record FieldError(String field, String message) {}

  @ExceptionHandler(ValidationFailure.class)
  ProblemDetail validation(ValidationFailure e) {
    return invalid(
        e.fieldErrors().entrySet().stream()
            .map(f -> new FieldError(f.getKey(), f.getValue()))
            .toList());
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(NotFound e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not Found");
    return problem;
  }

  @ExceptionHandler(AttioNotConnected.class)
  ProblemDetail attioNotConnected(AttioNotConnected e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Attio not connected");
    return problem;
  }

  /** Attio's failures in our words: its messages are not passed on, its code and request are. */
  @ExceptionHandler(AttioException.class)
  ResponseEntity<ProblemDetail> attio(AttioException e) {
    HttpStatus status =
        switch (e) {
          case AttioNotFoundException n -> HttpStatus.NOT_FOUND;
          case AttioConflictException c -> HttpStatus.CONFLICT;
          case AttioRateLimitedException r -> HttpStatus.SERVICE_UNAVAILABLE;
          default -> HttpStatus.BAD_GATEWAY;
        };
    String detail =
        switch (e) {
          case AttioNotFoundException n -> "Attio has no such object or record in this workspace.";
          case AttioAuthException a ->
              "Attio rejected this workspace's API token; an admin should reconnect Attio.";
          case AttioRateLimitedException r -> "Attio is rate limiting this workspace; try again.";
          case AttioTransientException t -> "Attio could not be reached or failed; try again.";
          case AttioConflictException c -> "Attio reported a conflict (" + e.code() + ").";
          case AttioValidationException v -> "Attio refused the request (" + e.code() + ").";
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle("Attio error");
    if (e.code() != null) {
      problem.setProperty("attio_code", e.code());
    }
    if (status != HttpStatus.NOT_FOUND) {
      log.warn("Attio call failed: HTTP {} {} {}", e.statusCode(), e.type(), e.code());
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (e instanceof AttioRateLimitedException) {
      response.header(HttpHeaders.RETRY_AFTER, "1");
    }
    return response.body(problem);
  }

  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e) {
    log.error("Unexpected API failure", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Quote the X-Request-Id header when reporting it.");
    problem.setTitle("Internal Server Error");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(JsonNames.snake(f.getField()), f.getDefaultMessage()))
            .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
    problem.setTitle("Malformed request body");
    return ResponseEntity.badRequest().body(problem);
  }

  private static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.stream()
                .map(f -> f.field() + " " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"));
    problem.setTitle("Invalid request");
    problem.setType(URI.create("https://invoicebridge.dev/problems/validation"));
    problem.setProperties(Map.of("errors", errors));
    return problem;
  }
}
