package dev.invoicebridge.invoicing;

import dev.invoicebridge.invoicing.InvoiceConflict.Reason;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import dev.invoicebridge.settings.SyncSettings;
import dev.invoicebridge.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates invoices from Attio records: recipient from Attio, customer by email in the provider, the
 * invoice under a deterministic reference, the mirror row, then the Attio invoice record.
 */
@Service
public class Invoices {
  private static final Logger log = LoggerFactory.getLogger(Invoices.class);

  private final Recipients recipients;
  private final ProviderDirectory providers;
  private final InvoiceMirror mirror;
  private final IdempotentRequests requests;
  private final AttioInvoiceRecords attio;
  private final Clock clock;
  private final SyncSettings syncSettings;

  Invoices(
      ProviderDirectory providers,
      InvoiceMirror mirror,
      Collaborators more,
      SyncSettings syncSettings) {
    this.syncSettings = syncSettings;
    this.recipients = more.recipients();
    this.providers = providers;
    this.mirror = mirror;
    this.requests = more.requests();
    this.attio = more.attio();
    this.clock = more.clock();
  }

  /** The remaining collaborators, grouped to keep the constructor small. */
  @org.springframework.stereotype.Component
  record Collaborators(
      Recipients recipients, IdempotentRequests requests, AttioInvoiceRecords attio, Clock clock) {}

  /** The created invoice, and whether it was created by an earlier request with the same key. */
  public record Created(MirroredInvoice invoice, boolean replayed) {}

  /** The caller's idempotency key with a digest of the request body it came with. */
  public record IdempotencyKey(String key, String requestHash) {
    /** The key with the SHA-256 (hex) of {@code request}, however the caller spells the request. */
    public static IdempotencyKey of(String key, String request) {
      return new IdempotencyKey(key, Sha256.hex(request));
    }
  }

  /**
   * What the create dialog offers for a record: who to address. Catalog lines are searched as the
   * operator types ({@link #catalog}); a provider that is not connected is refused here already.
   */
  public record DialogChoices(String recordName, List<RecipientChoice> people) {}

  public DialogChoices choices(WorkspaceId workspace, RecordRef record, Provider provider) {
    if (!providers.connected(workspace, provider)) {
      throw new ProviderNotConnected(provider);
    }
    Recipients.Choices choices = recipients.choices(workspace, record);
    return new DialogChoices(choices.recordName(), choices.people());
  }

  /** The provider's active catalog prices, filtered by product name when a query is given. */
  public List<CatalogItem> catalog(
      WorkspaceId workspace, Provider provider, Optional<String> query, int max) {
    return providers.forWorkspace(workspace, provider).catalog(query, max);
  }

  /** One page of them, from just after the cursor {@code startingAfter}. */
  public CatalogPage catalogPage(
      WorkspaceId workspace,
      Provider provider,
      Optional<String> query,
      Optional<String> startingAfter,
      int max) {
    return providers.forWorkspace(workspace, provider).catalog(query, startingAfter, max);
  }

  public Optional<MirroredInvoice> get(WorkspaceId workspace, InvoiceId id) {
    return mirror.get(workspace, id);
  }

  public List<MirroredInvoice> list(WorkspaceId workspace, int limit, int offset) {
    return mirror.list(workspace, limit, offset);
  }

  /** Creates the invoice; with a key, a retry of the same request creates nothing new. */
  public Created create(
      WorkspaceId workspace, CreateInvoice request, Optional<IdempotencyKey> idempotency) {
    if (idempotency.isEmpty()) {
      InvoiceId id = InvoiceId.random();
      return new Created(createNow(workspace, request, id), false);
    }
    IdempotencyKey key = idempotency.get();
    // Our id and the provider's reference derive from the key: a retry after a crash reuses both.
    InvoiceId id =
        new InvoiceId(
            UUID.nameUUIDFromBytes(
                    (workspace.value() + "|" + key.key()).getBytes(StandardCharsets.UTF_8))
                .toString());
    Optional<IdempotentRequests.Claim> held =
        requests.claim(workspace, key.key(), key.requestHash(), id);
    if (held.isPresent()) {
      return replay(workspace, held.get(), key);
    }
    try {
      MirroredInvoice created = createNow(workspace, request, id);
      requests.finish(workspace, key.key());
      return new Created(created, false);
    } catch (RuntimeException e) {
      requests.release(workspace, key.key());
      throw e;
    }
  }

  private Created replay(
      WorkspaceId workspace, IdempotentRequests.Claim claim, IdempotencyKey key) {
    if (!claim.requestHash().equals(key.requestHash())) {
      throw new InvoiceConflict(
          Reason.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was already used with a different request body; use a new key"
              + " for a new invoice.",
          Map.of("invoice_id", claim.invoiceId().value()));
    }
    if (!claim.finished()) {
      throw new InvoiceConflict(
          Reason.IDEMPOTENCY_KEY_IN_PROGRESS,
          "A request with this Idempotency-Key is still in progress; retry in a few seconds.",
          Map.of());
    }
    MirroredInvoice invoice =
        mirror
            .get(workspace, claim.invoiceId())
            .orElseThrow(() -> new IllegalStateException("finished request without its invoice"));
    return new Created(invoice, true);
  }

  private MirroredInvoice createNow(WorkspaceId workspace, CreateInvoice request, InvoiceId id) {
    Recipient recipient = recipients.resolve(workspace, request.record(), request.recipient());
    InvoicingProvider provider = providers.forWorkspace(workspace, request.provider());
    ProviderCustomerId customer = provider.findOrCreateCustomer(recipient.billTo());
    Optional<String> fixed = provider.customerCurrency(customer);
    if (fixed.isPresent() && !fixed.get().equalsIgnoreCase(request.currency())) {
      throw InvoiceConflict.currency(recipient.email(), fixed.get(), request.currency());
    }
    DraftInvoice draft =
        new DraftInvoice(
            "ib-" + id.value(),
            customer,
            request.dueDate(),
            request.currency(),
            request.lines(),
            new DraftInvoice.Source(
                workspace.value(), request.record().object(), request.record().recordId()));
    ProviderInvoice invoice = provider.createDraft(draft);
    if (request.action() != Action.DRAFT) {
      invoice = provider.finalizeInvoice(invoice.id());
    }
    if (request.action() == Action.FINALIZE_AND_SEND) {
      invoice = provider.send(invoice.id());
    }
    MirroredInvoice row =
        new MirroredInvoice(
            id,
            request.provider(),
            invoice,
            Optional.of(request.dueDate()),
            Optional.of(request.record()),
            MirroredInvoice.Links.of(recipient),
            Optional.empty(),
            0,
            clock.instant());
    if (!mirror.insert(workspace, row)) {
      log.debug("Invoice {} was mirrored by an earlier attempt", invoice.id().value());
    }
    MirroredInvoice stored =
        mirror.byProviderId(workspace, request.provider(), invoice.id()).orElseThrow();
    // Send-only: the invoice exists at the provider and in the mirror, and Attio is left alone.
    if (syncSettings.syncEnabled(workspace)) {
      writeToAttio(workspace, stored);
    }
    return mirror.get(workspace, stored.id()).orElse(stored);
  }

  /**
   * The invoice exists in the provider and here; an Attio failure must not hide that from the
   * operator, so it is logged and repaired by the next sync of the invoice.
   */
  private void writeToAttio(WorkspaceId workspace, MirroredInvoice invoice) {
    try {
      attio.upsert(workspace, invoice.id());
    } catch (RuntimeException e) {
      log.warn(
          "Invoice {} created, but writing it to Attio failed: {}",
          invoice.invoice().id().value(),
          e.getClass().getSimpleName());
    }
  }
}
