package dev.invoicebridge.backfill;

import dev.invoicebridge.backfill.BackfillRun.End;
import dev.invoicebridge.backfill.SyncJob.Checkpoint;
import dev.invoicebridge.backfill.SyncJob.Counts;
import dev.invoicebridge.backfill.SyncJobs.Step;
import dev.invoicebridge.invoicing.InvoicePage;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.InvoicingProvider;
import dev.invoicebridge.invoicing.ProviderInvoice;
import dev.invoicebridge.invoicing.ProviderInvoiceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A run's walk through the invoices created before the job's window end, newest first, {@value
 * BackfillRun#PAGE} a page. The next page is fetched and handed to the writers while the current
 * one is still being applied, so the writers never wait for Stripe; at most two pages are in hand.
 * Results come back in list order, and after every {@value BackfillRun#BATCH} a checkpoint is
 * saved: the last invoice applied, the counts, the estimate and the rate. Invoices applied but not
 * yet saved when a run dies are applied again by the next one, which writes nothing: applying is
 * idempotent (the mirror only moves forward, Attio is written only on change).
 */
final class Walk {
  private final SyncJob job;
  private final InvoicingProvider stripe;
  private final Writers writers;
  private final Saves saves;
  private Counts counts;
  private Optional<Checkpoint> checkpoint;
  private Optional<Instant> oldest;
  private final Throughput rate;
  private Optional<String> error = Optional.empty();
  private int unsaved;

  /** Where the walk saves, and when it must stop. */
  record Saves(SyncJobs jobs, Clock clock, BooleanSupplier stopping) {}

  Walk(SyncJob job, InvoicingProvider stripe, Writers writers, Saves saves) {
    this.job = job;
    this.stripe = stripe;
    this.writers = writers;
    this.saves = saves;
    this.counts = job.counts();
    this.checkpoint = job.checkpoint();
    this.oldest = job.oldestCreated();
    this.rate = new Throughput(saves.clock(), counts.processed());
  }

  End go() {
    InvoicePage page = fetch(checkpoint);
    if (oldest.isEmpty() && page.hasMore()) {
      oldest =
          Optional.of(OldestInvoice.find(this::newestBefore, created(page), job.windowUntil()));
      saves.jobs().oldestFound(job.id(), oldest.get());
    }
    List<ProviderInvoice> first = page.invoices();
    if (!first.isEmpty()) {
      // The first invoice goes alone, so that a missing invoices object is set up only once.
      writers.submit(first.getFirst());
      take(first.size() > 1 || page.hasMore());
      first.subList(1, first.size()).forEach(writers::submit);
    }
    while (true) {
      Optional<InvoicePage> next =
          page.hasMore() ? Optional.of(fetch(last(page))) : Optional.<InvoicePage>empty();
      next.ifPresent(p -> p.invoices().forEach(writers::submit));
      int keep = next.map(p -> p.invoices().size()).orElse(0);
      while (writers.pending() > keep) {
        take(writers.pending() > 1 || next.isPresent());
        if (unsaved == 0 && saves.stopping().getAsBoolean()) {
          writers.stop().forEach(this::record);
          save(true);
          return End.PAUSED;
        }
      }
      if (next.isEmpty()) {
        save(false);
        return End.FINISHED;
      }
      page = next.get();
    }
  }

  /** Takes the next result in order; saves after every batch. */
  private void take(boolean more) {
    Writers.Result result;
    try {
      result = writers.next();
    } catch (RuntimeException e) {
      // Keep what the invoices before this one achieved, then let the job's policy decide.
      writers.stop();
      save(true);
      throw e;
    }
    record(result);
    if (unsaved >= BackfillRun.BATCH) {
      save(more);
    }
  }

  private void record(Writers.Result result) {
    counts = counts.plus(result.counts());
    checkpoint =
        Optional.of(new Checkpoint(result.invoice().id().value(), result.invoice().created()));
    result.error().ifPresent(e -> error = Optional.of(e));
    unsaved++;
  }

  private void save(boolean more) {
    if (unsaved == 0 || checkpoint.isEmpty()) {
      return;
    }
    long estimate =
        TotalEstimate.of(
            counts.processed(),
            more,
            new TotalEstimate.Span(job.windowUntil(), checkpoint.get().created()),
            oldest);
    saves
        .jobs()
        .checkpoint(
            job.id(),
            new Step(checkpoint.get(), counts, estimate, rate.sample(counts.processed())),
            error);
    error = Optional.empty();
    unsaved = 0;
  }

  /** The page after {@code after}; if that invoice is gone (a deleted draft), from its second. */
  private InvoicePage fetch(Optional<Checkpoint> after) {
    Instant until = job.windowUntil();
    Optional<ProviderInvoiceId> cursor = after.map(c -> new ProviderInvoiceId(c.invoiceId()));
    try {
      return stripe.listInvoices(Instant.EPOCH, until, cursor, BackfillRun.PAGE);
    } catch (InvoicingFailure e) {
      if (e.kind() != InvoicingFailure.Kind.NOT_FOUND || after.isEmpty()) {
        throw e;
      }
      // Invoices of that second that were applied already are unchanged: they write nothing.
      Instant second = after.get().created().plusSeconds(1);
      return stripe.listInvoices(
          Instant.EPOCH,
          second.isBefore(until) ? second : until,
          Optional.empty(),
          BackfillRun.PAGE);
    }
  }

  private Optional<Instant> newestBefore(Instant before) {
    return stripe.listInvoices(Instant.EPOCH, before, Optional.empty(), 1).invoices().stream()
        .findFirst()
        .map(ProviderInvoice::created);
  }

  private static Optional<Checkpoint> last(InvoicePage page) {
    ProviderInvoice last = page.invoices().getLast();
    return Optional.of(new Checkpoint(last.id().value(), last.created()));
  }

  private static Instant created(InvoicePage page) {
    return page.invoices().getLast().created();
  }
}
