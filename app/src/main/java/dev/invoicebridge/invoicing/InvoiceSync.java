package dev.invoicebridge.invoicing;

import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Applies a provider's current state of an invoice to the mirror and to Attio. Events arrive late,
 * twice and out of order, so the invoice is re-read from the provider and applied only if it is
 * newer: states only move forward, and paid or void never change again.
 */
@Service
public class InvoiceSync {
  private static final Map<String, Integer> RANK =
      Map.of("draft", 0, "open", 1, "uncollectible", 2, "paid", 3, "void", 3);
  private static final int MAX_RACES = 5;

  private final ProviderDirectory providers;
  private final InvoiceMirror mirror;
  private final AttioInvoiceRecords attio;
  private final Recipients people;
  private final Clock clock;

  InvoiceSync(
      ProviderDirectory providers,
      InvoiceMirror mirror,
      AttioInvoiceRecords attio,
      Invoices.Collaborators more) {
    this.providers = providers;
    this.mirror = mirror;
    this.attio = attio;
    this.people = more.recipients();
    this.clock = more.clock();
  }

  /** What a sync did. */
  public enum Outcome {
    /** The mirror took the provider's newer state. */
    APPLIED,
    /** The mirror already had this state or a later one. */
    UNCHANGED,
    /** The invoice is not mirrored (yet): our own create may still be writing it. */
    NOT_MIRRORED
  }

  /**
   * Re-reads the invoice and applies it.
   *
   * @param adoptUnknown whether an invoice of ours we never mirrored is mirrored now (our create
   *     may have crashed after the provider call); otherwise it is reported as {@link
   *     Outcome#NOT_MIRRORED}, since our create may still be writing it. Invoices created outside
   *     Invoicebridge are always mirrored.
   */
  public Outcome sync(
      WorkspaceId workspace, Provider provider, ProviderInvoiceId id, boolean adoptUnknown) {
    InvoicingProvider account = providers.forWorkspace(workspace, provider);
    ProviderInvoice fresh = account.retrieve(id);
    for (int race = 0; race < MAX_RACES; race++) {
      Optional<MirroredInvoice> current = mirror.byProviderId(workspace, provider, id);
      if (current.isEmpty()) {
        if (!adoptUnknown && fresh.reference().isPresent()) {
          return Outcome.NOT_MIRRORED;
        }
        mirror.insert(workspace, adopted(workspace, account, fresh));
        continue;
      }
      if (!newer(current.get().invoice(), fresh)) {
        // Attio may still lack this state if an earlier write failed; unchanged values write
        // nothing.
        attio.upsert(workspace, current.get().id());
        return Outcome.UNCHANGED;
      }
      if (mirror.update(workspace, current.get(), fresh)) {
        attio.upsert(workspace, current.get().id());
        return Outcome.APPLIED;
      }
      // Another job moved the row on between our read and our write: decide again.
    }
    throw new IllegalStateException("invoice " + id.value() + " kept changing; will retry");
  }

  /** Whether {@code fresh} should replace {@code current}. */
  static boolean newer(ProviderInvoice current, ProviderInvoice fresh) {
    int from = RANK.getOrDefault(current.status(), 0);
    int to = RANK.getOrDefault(fresh.status(), 0);
    if (from == 3 && !fresh.status().equals(current.status())) {
      return false;
    }
    if (to < from) {
      return false;
    }
    // Within one state, payments only accumulate: less paid is an older read.
    if (to == from && fresh.amounts().paid() < current.amounts().paid()) {
      return false;
    }
    return !(fresh.status().equals(current.status())
        && fresh.amounts().equals(current.amounts())
        && fresh.number().equals(current.number())
        && fresh.hostedUrl().equals(current.hostedUrl()));
  }

  /** A mirror row for an invoice we did not create, linked to the person with its email. */
  private MirroredInvoice adopted(
      WorkspaceId workspace, InvoicingProvider account, ProviderInvoice invoice) {
    Optional<String> email =
        Optional.ofNullable(invoice.customer()).flatMap(account::customerEmail);
    MirroredInvoice.Links links =
        email
            .flatMap(
                e -> people.byEmail(workspace, e, () -> account.customerName(invoice.customer())))
            .map(MirroredInvoice.Links::of)
            .orElse(
                new MirroredInvoice.Links(
                    Optional.empty(), Optional.empty(), Optional.empty(), email));
    return new MirroredInvoice(
        InvoiceId.random(),
        account.provider(),
        invoice,
        Optional.empty(),
        Optional.empty(),
        links,
        Optional.empty(),
        0,
        clock.instant());
  }
}
