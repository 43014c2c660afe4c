package dev.invoicebridge.backfill;

import dev.invoicebridge.invoicing.InvoiceSync;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory;
import dev.invoicebridge.workspace.WorkspaceId;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * One run of a Stripe backfill: marks the job running, walks the invoices from its checkpoint (see
 * {@link Walk}) and marks it succeeded once the last page is applied. A run that starts again,
 * after a crash, a shutdown or a failure, continues after the checkpoint.
 */
@Component
class BackfillRun {
  /** Stripe's largest page. */
  static final int PAGE = 100;

  /** About a second of Attio writes: the most a crash can make a run look at twice, roughly. */
  static final int BATCH = 20;

  private final SyncJobs jobs;
  private final ProviderDirectory providers;
  private final InvoiceSync sync;
  private final Backfills.Schedules more;

  BackfillRun(
      SyncJobs jobs, ProviderDirectory providers, InvoiceSync sync, Backfills.Schedules more) {
    this.jobs = jobs;
    this.providers = providers;
    this.sync = sync;
    this.more = more;
  }

  /** How a run ended. */
  enum End {
    /** The job is finished (or was before the run began). */
    FINISHED,
    /** The scheduler is shutting down: the job is saved and queued for another run. */
    PAUSED
  }

  End run(WorkspaceId workspace, SyncJobId id, BooleanSupplier stopping) {
    Optional<SyncJob> found = jobs.get(workspace, id);
    if (found.isEmpty() || found.get().status().finished()) {
      return End.FINISHED;
    }
    // Sync turned off while the job waited (or before a resume): it must not write to Attio.
    if (!more.settings().syncEnabled(workspace)) {
      throw new Backfills.SyncIsOff();
    }
    jobs.started(id);
    try (Writers writers = new Writers(sync, workspace)) {
      Walk walk =
          new Walk(
              found.get(),
              providers.forWorkspace(workspace, Provider.STRIPE),
              writers,
              new Walk.Saves(jobs, more.clock(), stopping));
      End end = walk.go();
      if (end == End.PAUSED) {
        jobs.queued(id, Optional.empty());
      } else {
        jobs.succeeded(id);
      }
      return end;
    }
  }
}
