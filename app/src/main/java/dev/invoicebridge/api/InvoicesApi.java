package dev.invoicebridge.api;

import dev.invoicebridge.invoicing.CreateInvoice;
import dev.invoicebridge.invoicing.InvoiceBody;
import dev.invoicebridge.invoicing.InvoiceId;
import dev.invoicebridge.invoicing.InvoiceRequests;
import dev.invoicebridge.invoicing.Invoices;
import dev.invoicebridge.invoicing.Invoices.Created;
import dev.invoicebridge.invoicing.Invoices.IdempotencyKey;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoices: create from an Attio record, list and read. */
@RestController
class InvoicesApi {
  static final int MAX_KEY_LENGTH = 255;

  private final Invoices invoices;
  private final Clock clock;

  InvoicesApi(Invoices invoices, Clock clock) {
    this.invoices = invoices;
    this.clock = clock;
  }

  /** One page of invoices, newest first. */
  record InvoicePage(List<InvoiceView> invoices, int limit, int offset) {}

  /**
   * Creates an invoice. With an {@code Idempotency-Key} header, a retry of the same request answers
   * with the invoice the first one created (header {@code Idempotent-Replayed: true}).
   */
  @PostMapping("/api/v1/invoices")
  ResponseEntity<InvoiceView> create(
      @RequestBody InvoiceBody body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    Optional<IdempotencyKey> idempotency = Optional.empty();
    if (key != null) {
      if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
        throw new ValidationFailure(
            "Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
      }
      idempotency = Optional.of(IdempotencyKey.of(key, body.toString()));
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    CreateInvoice request = InvoiceRequests.validate(body, today);
    Created created = invoices.create(workspace(), request, idempotency);
    return ResponseEntity.status(created.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .header("Idempotent-Replayed", String.valueOf(created.replayed()))
        .body(InvoiceView.of(created.invoice()));
  }

  @GetMapping("/api/v1/invoices")
  InvoicePage list(
      @RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "0") int offset) {
    if (limit < 1 || limit > 100) {
      throw new ValidationFailure("limit", "must be a whole number from 1 to 100");
    }
    if (offset < 0) {
      throw new ValidationFailure("offset", "must not be negative");
    }
    List<InvoiceView> page =
        invoices.list(workspace(), limit, offset).stream().map(InvoiceView::of).toList();
    return new InvoicePage(page, limit, offset);
  }

  @GetMapping("/api/v1/invoices/{id}")
  InvoiceView get(@PathVariable String id) {
    InvoiceId invoiceId;
    try {
      invoiceId = new InvoiceId(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound("No invoice " + id + " in this workspace.");
    }
    return invoices
        .get(workspace(), invoiceId)
        .map(InvoiceView::of)
        .orElseThrow(() -> new NotFound("No invoice " + id + " in this workspace."));
  }

  private static WorkspaceId workspace() {
    return CurrentActor.get().workspaceId();
  }
}
