package dev.invoicebridge.backfill;

import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.backfill.SyncJob.Counts;
import dev.invoicebridge.invoicing.InvoiceSync;
import dev.invoicebridge.invoicing.InvoiceSync.Applied;
import dev.invoicebridge.invoicing.InvoiceSync.Outcome;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderInvoice;
import dev.invoicebridge.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a batch of invoices with a few writers at once. Attio allows 25 writes a second, one
 * every 40 ms; a single writer would lose a slot whenever its own round trip and database work take
 * longer than that, so four share the client's pacing and the limit, not our latency, sets the
 * pace. The first invoice of a run goes alone, so that a missing invoices object is set up once.
 */
final class BatchApplier implements AutoCloseable {
  static final int WRITERS = 4;

  private final InvoiceSync sync;
  private final WorkspaceId workspace;
  private final InvoiceSync.PeopleCache people = InvoiceSync.peopleCache();
  private final ExecutorService writers =
      Executors.newFixedThreadPool(
          WRITERS, Thread.ofVirtual().name("backfill-writer-", 0).factory());
  private boolean warm;

  BatchApplier(InvoiceSync sync, WorkspaceId workspace) {
    this.sync = sync;
    this.workspace = workspace;
  }

  /** What a batch did; {@code error} describes the last invoice Attio refused. */
  record Result(Counts counts, Optional<String> error) {}

  /**
   * Applies every invoice of the batch, waiting for all of them; a failure that is not about one
   * invoice (Attio or the database down, the key revoked) is thrown once the others are done.
   */
  Result apply(List<ProviderInvoice> batch) {
    List<ProviderInvoice> rest = batch;
    List<Result> results = new ArrayList<>();
    if (!warm && !batch.isEmpty()) {
      results.add(one(batch.getFirst()));
      warm = true;
      rest = batch.subList(1, batch.size());
    }
    List<Callable<Result>> tasks = rest.stream().map(i -> (Callable<Result>) () -> one(i)).toList();
    RuntimeException failure = null;
    try {
      for (Future<Result> done : writers.invokeAll(tasks)) {
        try {
          results.add(done.get());
        } catch (ExecutionException e) {
          failure = failure != null ? failure : unwrap(e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the backfill was interrupted", e);
    }
    if (failure != null) {
      throw failure;
    }
    Counts counts = results.stream().map(Result::counts).reduce(Counts.ZERO, Counts::plus);
    Optional<String> error =
        results.stream().map(Result::error).flatMap(Optional::stream).reduce((a, b) -> b);
    return new Result(counts, error);
  }

  private Result one(ProviderInvoice invoice) {
    try {
      Applied applied = sync.apply(workspace, Provider.STRIPE, invoice, people);
      if (applied.outcome() == Outcome.NOT_MIRRORED) {
        return new Result(new Counts(1, 0, 0, 1, 0), Optional.empty());
      }
      return new Result(
          applied.attioWritten() ? new Counts(1, 1, 0, 0, 0) : new Counts(1, 0, 1, 0, 0),
          Optional.empty());
    } catch (RuntimeException e) {
      if (!BackfillFailures.aboutOneInvoice(e)) {
        throw e;
      }
      String code = e instanceof AttioException a ? " (" + a.code() + ")" : "";
      return new Result(
          new Counts(1, 0, 0, 0, 1),
          Optional.of("Invoice " + invoice.id().value() + " was refused" + code + "."));
    }
  }

  private static RuntimeException unwrap(ExecutionException e) {
    return e.getCause() instanceof RuntimeException r
        ? r
        : new IllegalStateException("a backfill writer failed", e.getCause());
  }

  @Override
  public void close() {
    writers.close();
  }
}
