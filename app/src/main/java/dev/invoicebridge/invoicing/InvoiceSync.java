package dev.invoicebridge.invoicing;

import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
    Adopter adopter =
        invoice -> {
          if (!adoptUnknown && invoice.reference().isPresent()) {
            return Optional.empty();
          }
          Optional<String> email = email(invoice, account);
          return Optional.of(
              adopted(
                  provider,
                  invoice,
                  email,
                  email.flatMap(
                      e ->
                          people.byEmail(
                              workspace, e, () -> account.customerName(invoice.customer())))));
        };
    return settle(workspace, provider, fresh, adopter).outcome();
  }

  /** What applying one invoice did: the mirror's outcome, and whether Attio was written. */
  public record Applied(Outcome outcome, boolean attioWritten) {}

  /**
   * Applies an invoice the caller has just read from the provider (a backfill page) under the rules
   * of {@link #sync}: only if newer, Attio written only when its values changed. Invoices created
   * outside Invoicebridge are mirrored and linked by the email the invoice carries, each email
   * looked up in Attio once per {@code people} cache. An invoice of ours that was never mirrored is
   * mirrored only once it is older than {@link #OWN_CREATE_GRACE}: until then our own create may
   * still be writing it, and it is reported as {@link Outcome#NOT_MIRRORED}.
   */
  public Applied apply(
      WorkspaceId workspace, Provider provider, ProviderInvoice fresh, PeopleCache people) {
    Instant ownCreatesDone = clock.instant().minus(OWN_CREATE_GRACE);
    Adopter adopter =
        invoice -> {
          if (invoice.reference().isPresent() && !invoice.created().isBefore(ownCreatesDone)) {
            return Optional.empty();
          }
          Optional<String> email = invoice.customerEmail();
          return Optional.of(
              adopted(
                  provider,
                  invoice,
                  email,
                  email.flatMap(
                      e ->
                          people.lookup(
                              e,
                              () ->
                                  this.people.byEmail(
                                      workspace,
                                      e,
                                      () ->
                                          providers
                                              .forWorkspace(workspace, provider)
                                              .customerName(invoice.customer()))))));
        };
    return settle(workspace, provider, fresh, adopter);
  }

  /** Longer than any create takes from the provider call to the mirror row. */
  static final Duration OWN_CREATE_GRACE = Duration.ofMinutes(10);

  /** A new cache of Attio people by email, for one run over many invoices. */
  public static PeopleCache peopleCache() {
    return new PeopleCache();
  }

  /**
   * Attio people by email, kept for one run (a backfill): its invoices repeat the same customers,
   * and one lookup each is enough. Not kept longer, since people change in Attio.
   */
  public static final class PeopleCache {
    private final Map<String, Optional<Recipient>> byEmail = new ConcurrentHashMap<>();

    private PeopleCache() {}

    private Optional<Recipient> lookup(String email, Supplier<Optional<Recipient>> find) {
      return byEmail.computeIfAbsent(email, e -> find.get());
    }
  }

  /** The mirror row of an invoice seen for the first time, or none while it must wait. */
  @FunctionalInterface
  private interface Adopter {
    Optional<MirroredInvoice> adopt(ProviderInvoice invoice);
  }

  private Applied settle(
      WorkspaceId workspace, Provider provider, ProviderInvoice fresh, Adopter adopter) {
    for (int race = 0; race < MAX_RACES; race++) {
      Optional<MirroredInvoice> current = mirror.byProviderId(workspace, provider, fresh.id());
      if (current.isEmpty()) {
        Optional<MirroredInvoice> adopted = adopter.adopt(fresh);
        if (adopted.isEmpty()) {
          return new Applied(Outcome.NOT_MIRRORED, false);
        }
        mirror.insert(workspace, adopted.get());
        continue;
      }
      if (!newer(current.get().invoice(), fresh)) {
        // Attio may still lack this state if an earlier write failed; unchanged values write
        // nothing.
        return new Applied(Outcome.UNCHANGED, attio.upsert(workspace, current.get().id()));
      }
      if (mirror.update(workspace, current.get(), fresh)) {
        return new Applied(Outcome.APPLIED, attio.upsert(workspace, current.get().id()));
      }
      // Another job moved the row on between our read and our write: decide again.
    }
    throw new IllegalStateException("invoice " + fresh.id().value() + " kept changing; will retry");
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

  /** The billed email: on the invoice when the provider copies it there, else from the customer. */
  private static Optional<String> email(ProviderInvoice invoice, InvoicingProvider account) {
    return invoice
        .customerEmail()
        .or(() -> Optional.ofNullable(invoice.customer()).flatMap(account::customerEmail));
  }

  /** A mirror row for an invoice we did not create, linked to the person with its email. */
  private MirroredInvoice adopted(
      Provider provider,
      ProviderInvoice invoice,
      Optional<String> email,
      Optional<Recipient> person) {
    MirroredInvoice.Links links =
        person
            .map(MirroredInvoice.Links::of)
            .orElse(
                new MirroredInvoice.Links(
                    Optional.empty(), Optional.empty(), Optional.empty(), email));
    return new MirroredInvoice(
        InvoiceId.random(),
        provider,
        invoice,
        Optional.empty(),
        Optional.empty(),
        links,
        Optional.empty(),
        0,
        clock.instant());
  }
}
