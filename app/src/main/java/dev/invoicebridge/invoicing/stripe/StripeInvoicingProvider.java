package dev.invoicebridge.invoicing.stripe;

import dev.invoicebridge.invoicing.BillTo;
import dev.invoicebridge.invoicing.CatalogItem;
import dev.invoicebridge.invoicing.CatalogPage;
import dev.invoicebridge.invoicing.DraftInvoice;
import dev.invoicebridge.invoicing.InvoicePage;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.InvoicingFailure.Details;
import dev.invoicebridge.invoicing.InvoicingFailure.Kind;
import dev.invoicebridge.invoicing.InvoicingProvider;
import dev.invoicebridge.invoicing.Line;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderCustomerId;
import dev.invoicebridge.invoicing.ProviderInvoice;
import dev.invoicebridge.invoicing.ProviderInvoiceId;
import dev.invoicebridge.invoicing.WebhookEndpointState;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The invoicing port on one Stripe account, delegating to the stripe-java adapter. */
final class StripeInvoicingProvider implements InvoicingProvider {
  private final StripeInvoicing stripe;
  private final StripeSignatures signatures;

  StripeInvoicingProvider(StripeInvoicing stripe, Clock clock) {
    this.stripe = stripe;
    this.signatures = new StripeSignatures(clock, StripeSignatures.DEFAULT_TOLERANCE);
  }

  @Override
  public Provider provider() {
    return Provider.STRIPE;
  }

  @Override
  public CatalogPage catalog(Optional<String> query, Optional<String> startingAfter, int max) {
    int limit = Math.min(max, 100);
    return mapped(
        () -> {
          Page<CatalogPrice> page =
              query.isPresent()
                  ? stripe.catalog().search(query.get(), startingAfter, limit)
                  : stripe.catalog().activePrices(startingAfter, limit);
          return new CatalogPage(
              page.items().stream()
                  .map(
                      p ->
                          new CatalogItem(
                              p.price().value(), p.productName(), p.currency(), p.unitAmount()))
                  .toList(),
              page.nextCursor());
        });
  }

  @Override
  public ProviderCustomerId findOrCreateCustomer(BillTo billTo) {
    CustomerDetails details =
        new CustomerDetails(billTo.email(), billTo.name(), Optional.of(billTo.personRecordId()));
    return mapped(
        () -> new ProviderCustomerId(stripe.customers().findOrCreate(details).id().value()));
  }

  @Override
  public Optional<String> customerEmail(ProviderCustomerId customer) {
    return mapped(
        () ->
            Optional.ofNullable(
                stripe.customers().retrieve(new StripeCustomerId(customer.value())).email()));
  }

  @Override
  public Optional<String> customerName(ProviderCustomerId customer) {
    return mapped(
        () ->
            Optional.ofNullable(
                    stripe.customers().retrieve(new StripeCustomerId(customer.value())).name())
                .filter(n -> !n.isBlank()));
  }

  @Override
  public Optional<String> customerCurrency(ProviderCustomerId customer) {
    return mapped(() -> stripe.customers().currency(new StripeCustomerId(customer.value())));
  }

  @Override
  public ProviderInvoice createDraft(DraftInvoice draft) {
    NewInvoice invoice =
        new NewInvoice(
            draft.reference(),
            new StripeCustomerId(draft.customer().value()),
            draft.dueDate(),
            draft.currency(),
            Optional.empty(),
            new NewInvoice.CrmLink(
                draft.source().workspaceId(), draft.source().object(), draft.source().recordId()));
    List<InvoiceLine> lines = draft.lines().stream().map(StripeInvoicingProvider::line).toList();
    return mapped(() -> view(stripe.invoices().create(invoice, lines)));
  }

  @Override
  public ProviderInvoice finalizeInvoice(ProviderInvoiceId id) {
    return mapped(() -> view(stripe.invoices().finalizeInvoice(stripeId(id))));
  }

  @Override
  public ProviderInvoice send(ProviderInvoiceId id) {
    return mapped(() -> view(stripe.invoices().send(stripeId(id))));
  }

  @Override
  public ProviderInvoice retrieve(ProviderInvoiceId id) {
    return mapped(() -> view(stripe.invoices().retrieve(stripeId(id))));
  }

  @Override
  public InvoicePage listInvoices(
      Instant from, Instant until, Optional<ProviderInvoiceId> after, int limit) {
    return mapped(
        () -> {
          Page<StripeInvoice> page =
              stripe
                  .invoices()
                  .list(new CreatedWindow(from, until), after.map(ProviderInvoiceId::value), limit);
          return new InvoicePage(
              page.items().stream().map(StripeInvoicingProvider::view).toList(),
              page.nextCursor().isPresent());
        });
  }

  @Override
  public Optional<Secret> ensureWebhookEndpoint(URI url, boolean secretStored) {
    return mapped(() -> stripe.webhookEndpoints().ensure(url, secretStored).newSecret());
  }

  @Override
  public Optional<WebhookEndpointState> webhookEndpoint(URI url) {
    return mapped(
        () ->
            stripe
                .webhookEndpoints()
                .status(url)
                .map(
                    e ->
                        new WebhookEndpointState(
                            e.id().value(), e.url(), e.status(), e.enabledEvents())));
  }

  @Override
  public boolean removeWebhookEndpoint(URI url) {
    return mapped(() -> stripe.webhookEndpoints().remove(url));
  }

  @Override
  public WebhookEvent verifyWebhook(String payload, String header, List<Secret> secrets) {
    try {
      StripeWebhookEvent event = signatures.verify(payload, header, secrets);
      return new WebhookEvent(event.id(), event.type(), event.created(), event.objectId());
    } catch (StripeSignatureException e) {
      throw new InvoicingFailure(
          Kind.SIGNATURE,
          Provider.STRIPE,
          "The Stripe-Signature header does not prove this payload (" + e.reason() + ")",
          new Details(e.reason().name(), null),
          null);
    }
  }

  private static StripeInvoiceId stripeId(ProviderInvoiceId id) {
    return new StripeInvoiceId(id.value());
  }

  private static InvoiceLine line(Line line) {
    return switch (line) {
      case Line.CatalogLine c ->
          new InvoiceLine.PriceLine(new StripePriceId(c.priceId()), c.quantity(), Optional.empty());
      case Line.CustomLine c ->
          new InvoiceLine.CustomLine(c.description(), c.unitAmount(), c.quantity());
    };
  }

  static ProviderInvoice view(StripeInvoice i) {
    return new ProviderInvoice(
        new ProviderInvoiceId(i.id().value()),
        i.customer() == null ? null : new ProviderCustomerId(i.customer().value()),
        i.status().name().toLowerCase(java.util.Locale.ROOT),
        i.number(),
        i.currency(),
        new ProviderInvoice.Amounts(
            i.amounts().total(), i.amounts().due(), i.amounts().paid(), i.amounts().remaining()),
        i.hostedUrl(),
        i.created(),
        Optional.ofNullable(i.metadata().get(StripeInvoices.REFERENCE_KEY)),
        i.customerEmail());
  }

  /** Runs a Stripe call, turning its failure into the port's, in this one place. */
  private static <T> T mapped(Supplier<T> call) {
    try {
      return call.get();
    } catch (StripeFailure f) {
      throw translate(f);
    }
  }

  static InvoicingFailure translate(StripeFailure f) {
    Kind kind =
        switch (f) {
          case StripeFailure.NotFound n -> Kind.NOT_FOUND;
          case StripeFailure.InvalidRequest i -> Kind.INVALID;
          case StripeFailure.Authentication a -> Kind.AUTHENTICATION;
          case StripeFailure.Permission p -> Kind.PERMISSION;
          case StripeFailure.RateLimited r -> Kind.RATE_LIMITED;
          case StripeFailure.StateConflict c -> Kind.CONFLICT;
          case StripeFailure.Connection c -> Kind.UNAVAILABLE;
          case StripeFailure.ServerError s -> Kind.UNAVAILABLE;
        };
    String param = f instanceof StripeFailure.InvalidRequest i ? i.param().orElse(null) : null;
    if (f instanceof StripeFailure.Permission p) {
      param = p.missingPermission().orElse(null);
    }
    return new InvoicingFailure(
        kind,
        Provider.STRIPE,
        "Stripe: HTTP " + f.httpStatus() + " " + f.providerCode().orElse(""),
        new Details(f.providerCode().orElse(null), param),
        f);
  }
}
