package dev.invoicebridge.invoicing.stripe;

import com.stripe.model.Invoice;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceAddLinesParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceFinalizeInvoiceParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePayParams;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invoices: a draft with all its lines in as few calls as Stripe allows (one {@code add_lines} per
 * 50 lines), and every transition of the state machine.
 */
public final class StripeInvoices {
  /**
   * Lines per add_lines call. Stripe documents 250 items per invoice but no per-call limit; 50
   * keeps each request small while a typical invoice still needs one call.
   */
  static final int LINES_PER_CALL = 50;

  static final String REFERENCE_KEY = "invoicebridge_reference";

  private final StripeCalls calls;
  private final StripeCatalog catalog;

  StripeInvoices(StripeCalls calls, StripeCatalog catalog) {
    this.calls = calls;
    this.catalog = catalog;
  }

  /** Creates the draft and adds its lines; repeating it with the same reference changes nothing. */
  public StripeInvoice create(NewInvoice invoice, List<InvoiceLine> lines) {
    StripeInvoice draft = createDraft(invoice);
    return lines.isEmpty() ? draft : addLines(draft, lines);
  }

  public StripeInvoice createDraft(NewInvoice invoice) {
    long due = invoice.dueDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    InvoiceCreateParams.Builder params =
        InvoiceCreateParams.builder()
            .setCustomer(invoice.customer().value())
            .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
            .setDueDate(due)
            .setCurrency(invoice.currency())
            .setAutoAdvance(false)
            .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE)
            .putMetadata(REFERENCE_KEY, invoice.reference())
            .putMetadata("attio_workspace_id", invoice.link().workspaceId())
            .putMetadata("attio_object", invoice.link().attioObject())
            .putMetadata("attio_record_id", invoice.link().attioRecordId());
    invoice.memo().ifPresent(params::setDescription);
    RequestOptions key = StripeCalls.idempotent(IdempotencyKeys.invoice(invoice.reference()));
    return toInvoice(calls.call(c -> c.v1().invoices().create(params.build(), key)));
  }

  /**
   * Adds lines to a draft, {@value #LINES_PER_CALL} per call. Custom lines name the shared
   * custom-line product without checking it first; if Stripe refuses the batch because that product
   * is missing or archived, it is repaired once and the batch sent again.
   */
  public StripeInvoice addLines(StripeInvoice draft, List<InvoiceLine> lines) {
    Invoice last = null;
    for (int start = 0, batch = 0; start < lines.size(); start += LINES_PER_CALL, batch++) {
      List<InvoiceLine> slice =
          lines.subList(start, Math.min(lines.size(), start + LINES_PER_CALL));
      InvoiceAddLinesParams.Builder builder = InvoiceAddLinesParams.builder();
      slice.forEach(line -> builder.addLine(toLine(line, draft.currency())));
      InvoiceAddLinesParams params = builder.build();
      String key = IdempotencyKeys.lines(draft.id(), batch, slice.toString());
      try {
        last = addBatch(draft.id(), params, key);
      } catch (StripeFailure.InvalidRequest refused) {
        boolean custom = slice.stream().anyMatch(InvoiceLine.CustomLine.class::isInstance);
        if (!custom || !CustomLineProduct.concerns(refused)) {
          throw refused;
        }
        catalog.customLines().repair(refused);
        // A new key: Stripe may have stored the refusal under the first one.
        last = addBatch(draft.id(), params, key + "-repaired");
      }
    }
    return last == null ? draft : toInvoice(last);
  }

  private Invoice addBatch(StripeInvoiceId id, InvoiceAddLinesParams params, String key) {
    RequestOptions options = StripeCalls.idempotent(key);
    return calls.call(c -> c.v1().invoices().addLines(id.value(), params, options));
  }

  /** Draft to open: assigns the number and the hosted payment page. */
  public StripeInvoice finalizeInvoice(StripeInvoiceId id) {
    InvoiceFinalizeInvoiceParams params =
        InvoiceFinalizeInvoiceParams.builder().setAutoAdvance(false).build();
    return transition(
        id,
        InvoiceTransition.FINALIZE,
        key -> calls.call(c -> c.v1().invoices().finalizeInvoice(id.value(), params, key)));
  }

  /** Has Stripe email the open invoice to the customer (test mode sends no email). */
  public StripeInvoice send(StripeInvoiceId id) {
    return transition(
        id,
        InvoiceTransition.SEND,
        key -> calls.call(c -> c.v1().invoices().sendInvoice(id.value(), key)));
  }

  /** Records a payment received outside Stripe. */
  public StripeInvoice markPaidOutOfBand(StripeInvoiceId id) {
    InvoicePayParams params = InvoicePayParams.builder().setPaidOutOfBand(true).build();
    return transition(
        id,
        InvoiceTransition.PAY,
        key -> calls.call(c -> c.v1().invoices().pay(id.value(), params, key)));
  }

  public StripeInvoice voidInvoice(StripeInvoiceId id) {
    return transition(
        id,
        InvoiceTransition.VOID,
        key -> calls.call(c -> c.v1().invoices().voidInvoice(id.value(), key)));
  }

  public StripeInvoice markUncollectible(StripeInvoiceId id) {
    return transition(
        id,
        InvoiceTransition.UNCOLLECTIBLE,
        key -> calls.call(c -> c.v1().invoices().markUncollectible(id.value(), key)));
  }

  /** Deletes a draft; any other status is a {@link StripeFailure.StateConflict}. */
  public void deleteDraft(StripeInvoiceId id) {
    try {
      calls.call(c -> c.v1().invoices().delete(id.value()));
    } catch (StripeFailure.InvalidRequest | StripeFailure.StateConflict refused) {
      // Deleting leads to no status, so settling always ends in an exception.
      settleRefusal(id, InvoiceTransition.DELETE, refused);
    }
  }

  public StripeInvoice retrieve(StripeInvoiceId id) {
    return toInvoice(calls.call(c -> c.v1().invoices().retrieve(id.value())));
  }

  /** Invoices created in the window, newest first, for a resumable backfill. */
  public Page<StripeInvoice> list(CreatedWindow window, Optional<String> cursor, int limit) {
    InvoiceListParams.Builder params =
        InvoiceListParams.builder()
            .setLimit((long) limit)
            .setCreated(
                InvoiceListParams.Created.builder()
                    .setGte(window.from().getEpochSecond())
                    .setLt(window.until().getEpochSecond())
                    .build());
    cursor.ifPresent(params::setStartingAfter);
    StripeCollection<Invoice> page = calls.call(c -> c.v1().invoices().list(params.build()));
    List<StripeInvoice> items = page.getData().stream().map(StripeInvoices::toInvoice).toList();
    boolean more = Boolean.TRUE.equals(page.getHasMore()) && !items.isEmpty();
    return new Page<>(items, more ? Optional.of(items.getLast().id().value()) : Optional.empty());
  }

  /** Runs a transition; a 400 is settled by reading the invoice (see {@link InvoiceTransition}). */
  private StripeInvoice transition(StripeInvoiceId id, InvoiceTransition transition, Call call) {
    // One key per logical call: our retries replay it, a later call is a new request.
    RequestOptions key =
        StripeCalls.idempotent(
            IdempotencyKeys.action(id, transition.action + "-" + UUID.randomUUID()));
    try {
      return toInvoice(call.run(key));
    } catch (StripeFailure.InvalidRequest | StripeFailure.StateConflict refused) {
      return settleRefusal(id, transition, refused);
    }
  }

  /** A missing invoice or any refusal but a 400 stands; a 400 is settled by reading the invoice. */
  private StripeInvoice settleRefusal(
      StripeInvoiceId id, InvoiceTransition transition, StripeFailure refused) {
    if (refused instanceof StripeFailure.NotFound || refused.httpStatus() != 400) {
      throw refused;
    }
    return transition.settle(refused, retrieve(id));
  }

  @FunctionalInterface
  private interface Call {
    Invoice run(RequestOptions key);
  }

  private InvoiceAddLinesParams.Line toLine(InvoiceLine line, String currency) {
    InvoiceAddLinesParams.Line.Builder b =
        InvoiceAddLinesParams.Line.builder().setQuantity(line.quantity());
    switch (line) {
      case InvoiceLine.PriceLine p -> {
        b.setPricing(
            InvoiceAddLinesParams.Line.Pricing.builder().setPrice(p.price().value()).build());
        p.description().ifPresent(b::setDescription);
      }
      // The line keeps its own description; the product is the shared custom-line one.
      case InvoiceLine.CustomLine c ->
          b.setDescription(c.description())
              .setPriceData(
                  InvoiceAddLinesParams.Line.PriceData.builder()
                      .setCurrency(currency)
                      .setProduct(CustomLineProduct.ID.value())
                      .setUnitAmount(c.unitAmount())
                      .build());
    }
    return b.build();
  }

  static StripeInvoice toInvoice(Invoice i) {
    return new StripeInvoice(
        new StripeInvoiceId(i.getId()),
        new StripeCustomerId(i.getCustomer()),
        InvoiceStatus.of(i.getStatus()),
        Optional.ofNullable(i.getNumber()),
        i.getCurrency(),
        new StripeInvoice.Amounts(
            zero(i.getSubtotal()),
            zero(i.getTotal()),
            zero(i.getAmountDue()),
            zero(i.getAmountPaid()),
            zero(i.getAmountRemaining())),
        Optional.ofNullable(i.getHostedInvoiceUrl()).map(URI::create),
        Instant.ofEpochSecond(zero(i.getCreated())),
        i.getMetadata() == null ? Map.of() : i.getMetadata(),
        Optional.ofNullable(i.getCustomerEmail()).filter(e -> !e.isBlank()));
  }

  private static long zero(Long value) {
    return value == null ? 0 : value;
  }
}
