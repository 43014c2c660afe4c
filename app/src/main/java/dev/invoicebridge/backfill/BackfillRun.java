package dev.invoicebridge.backfill;

import dev.invoicebridge.backfill.SyncJob.Checkpoint;
import dev.invoicebridge.backfill.SyncJob.Counts;
import dev.invoicebridge.backfill.SyncJobs.Step;
import dev.invoicebridge.invoicing.InvoicePage;
import dev.invoicebridge.invoicing.InvoiceSync;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.InvoicingProvider;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.invoicing.ProviderInvoice;
import dev.invoicebridge.invoicing.ProviderInvoiceId;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * One run of a Stripe backfill: pages through the invoices created before the job's window end,
 * newest first, {@value #PAGE} a page, applies them in batches of {@value #BATCH} and saves a
 * checkpoint (the last invoice applied, the counts, the estimate and the rate) after each batch. A
 * run that starts again, after a crash, a shutdown or a failure, continues after the checkpoint;
 * invoices of a batch that was applied but not saved are applied again, which writes nothing, since
 * applying is idempotent (the mirror moves only forward, Attio is written only on change).
 */
@Component
class BackfillRun {
  /** Stripe's largest page. */
  static final int PAGE = 100;

  /** About a second of Attio writes: the most a crash can make a run look at twice. */
  static final int BATCH = 20;

  private final SyncJobs jobs;
  private final ProviderDirectory providers;
  private final InvoiceSync sync;
  private final Clock clock;

  BackfillRun(SyncJobs jobs, ProviderDirectory providers, InvoiceSync sync, Clock clock) {
    this.jobs = jobs;
    this.providers = providers;
    this.sync = sync;
    this.clock = clock;
  }

  /** How a run ended. */
  enum End {
    /** The job is finished (or was before the run began). */
    FINISHED,
    /** The scheduler is shutting down: the job is saved and queued for another run. */
    PAUSED
  }

  /** Where a run is: what is saved after each batch, kept in memory between saves. */
  private static final class Position {
    Counts counts;
    Optional<Checkpoint> checkpoint;
    Optional<Instant> oldest;
    final Throughput rate;

    Position(SyncJob job, Clock clock) {
      this.counts = job.counts();
      this.checkpoint = job.checkpoint();
      this.oldest = job.oldestCreated();
      this.rate = new Throughput(clock, counts.processed());
    }

    /** Moves past a batch that ended with {@code last}; returns what to save. */
    Step advance(Counts applied, ProviderInvoice last, boolean moreAfter, Instant until) {
      counts = counts.plus(applied);
      Checkpoint saved = new Checkpoint(last.id().value(), last.created());
      checkpoint = Optional.of(saved);
      long estimate =
          TotalEstimate.of(
              counts.processed(), moreAfter, new TotalEstimate.Span(until, last.created()), oldest);
      return new Step(saved, counts, estimate, rate.sample(counts.processed()));
    }
  }

  End run(WorkspaceId workspace, SyncJobId id, BooleanSupplier stopping) {
    Optional<SyncJob> found = jobs.get(workspace, id);
    if (found.isEmpty() || found.get().status().finished()) {
      return End.FINISHED;
    }
    SyncJob job = found.get();
    jobs.started(id);
    InvoicingProvider stripe = providers.forWorkspace(workspace, Provider.STRIPE);
    Position at = new Position(job, clock);
    try (BatchApplier applier = new BatchApplier(sync, workspace)) {
      boolean more = true;
      while (more) {
        if (stopping.getAsBoolean()) {
          jobs.queued(id, Optional.empty());
          return End.PAUSED;
        }
        InvoicePage page = page(stripe, job.windowUntil(), at.checkpoint);
        if (at.oldest.isEmpty() && page.hasMore()) {
          at.oldest = Optional.of(oldest(stripe, page, job.windowUntil()));
          jobs.oldestFound(id, at.oldest.get());
        }
        List<ProviderInvoice> invoices = page.invoices();
        for (int start = 0; start < invoices.size(); start += BATCH) {
          List<ProviderInvoice> batch =
              invoices.subList(start, Math.min(invoices.size(), start + BATCH));
          boolean moreAfter = page.hasMore() || start + BATCH < invoices.size();
          BatchApplier.Result applied = applier.apply(batch);
          jobs.checkpoint(
              id,
              at.advance(applied.counts(), batch.getLast(), moreAfter, job.windowUntil()),
              applied.error());
          if (moreAfter && stopping.getAsBoolean()) {
            jobs.queued(id, Optional.empty());
            return End.PAUSED;
          }
        }
        more = page.hasMore();
      }
    }
    jobs.succeeded(id);
    return End.FINISHED;
  }

  /** The page after the checkpoint; if its invoice is gone (a deleted draft), its second again. */
  private static InvoicePage page(
      InvoicingProvider stripe, Instant until, Optional<Checkpoint> after) {
    Optional<ProviderInvoiceId> cursor = after.map(c -> new ProviderInvoiceId(c.invoiceId()));
    try {
      return stripe.listInvoices(Instant.EPOCH, until, cursor, PAGE);
    } catch (InvoicingFailure e) {
      if (e.kind() != InvoicingFailure.Kind.NOT_FOUND || after.isEmpty()) {
        throw e;
      }
      // Invoices of that second that were applied already are unchanged: they write nothing.
      Instant second = after.get().created().plusSeconds(1);
      return stripe.listInvoices(
          Instant.EPOCH, second.isBefore(until) ? second : until, Optional.empty(), PAGE);
    }
  }

  private static Instant oldest(InvoicingProvider stripe, InvoicePage page, Instant until) {
    OldestInvoice.Probe probe =
        before ->
            stripe.listInvoices(Instant.EPOCH, before, Optional.empty(), 1).invoices().stream()
                .findFirst()
                .map(ProviderInvoice::created);
    return OldestInvoice.find(probe, page.invoices().getLast().created(), until);
  }
}
