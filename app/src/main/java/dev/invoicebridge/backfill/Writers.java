package dev.invoicebridge.backfill;

import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.backfill.SyncJob.Counts;
import dev.invoicebridge.invoicing.InvoiceSync;
import dev.invoicebridge.invoicing.InvoiceSync.Applied;
import dev.invoicebridge.invoicing.InvoiceSync.Outcome;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderInvoice;
import dev.invoicebridge.workspace.WorkspaceId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies invoices with a few writers at once and hands the results back in list order, so that a
 * checkpoint after a result covers every invoice before it. Attio allows one write every 40 ms; a
 * single writer would lose a slot whenever its own round trip and database work took longer, so
 * several share the Attio client's pacing and the limit, not our latency, sets the pace. Nothing
 * waits for a batch's slowest invoice: the writers go on while results are read.
 */
final class Writers implements AutoCloseable {
  static final int COUNT = 8;

  private final InvoiceSync sync;
  private final WorkspaceId workspace;
  private final InvoiceSync.PeopleCache people = InvoiceSync.peopleCache();
  private final ExecutorService pool =
      Executors.newFixedThreadPool(COUNT, Thread.ofVirtual().name("backfill-writer-", 0).factory());
  private final Deque<Pending> pending = new ArrayDeque<>();

  Writers(InvoiceSync sync, WorkspaceId workspace) {
    this.sync = sync;
    this.workspace = workspace;
  }

  /** What applying one invoice did; {@code error} says why Attio refused it. */
  record Result(ProviderInvoice invoice, Counts counts, Optional<String> error) {}

  private record Pending(ProviderInvoice invoice, Future<Result> result) {}

  void submit(ProviderInvoice invoice) {
    pending.add(new Pending(invoice, pool.submit(() -> one(invoice))));
  }

  int pending() {
    return pending.size();
  }

  /**
   * The result of the oldest invoice submitted, once it is applied. A failure that is not about
   * that one invoice (Attio or the database down, a key revoked) is thrown.
   */
  Result next() {
    Pending oldest = pending.removeFirst();
    try {
      return oldest.result().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("a backfill writer failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the backfill was interrupted", e);
    }
  }

  /**
   * Stops: invoices not started yet are dropped; the results of those already applied, in order up
   * to the first dropped one, are returned.
   */
  Deque<Result> stop() {
    pending.forEach(p -> p.result().cancel(false));
    Deque<Result> done = new ArrayDeque<>();
    while (!pending.isEmpty()) {
      try {
        done.add(next());
      } catch (RuntimeException e) {
        // Cancelled before it started (or failed): nothing after it counts as done.
        break;
      }
    }
    pending.clear();
    return done;
  }

  private Result one(ProviderInvoice invoice) {
    try {
      Applied applied = sync.apply(workspace, Provider.STRIPE, invoice, people);
      Counts counts =
          applied.outcome() == Outcome.NOT_MIRRORED
              ? new Counts(1, 0, 0, 1, 0)
              : applied.attioWritten() ? new Counts(1, 1, 0, 0, 0) : new Counts(1, 0, 1, 0, 0);
      return new Result(invoice, counts, Optional.empty());
    } catch (RuntimeException e) {
      if (!BackfillFailures.aboutOneInvoice(e)) {
        throw e;
      }
      String code = e instanceof AttioException a ? " (" + a.code() + ")" : "";
      return new Result(
          invoice,
          new Counts(1, 0, 0, 0, 1),
          Optional.of("Invoice " + invoice.id().value() + " was refused" + code + "."));
    }
  }

  /** Waits for the writers still at work: a run never returns while one writes. */
  @Override
  public void close() {
    pending.forEach(p -> p.result().cancel(false));
    pool.close();
  }
}
