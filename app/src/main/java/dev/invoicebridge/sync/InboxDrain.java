package dev.invoicebridge.sync;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.jobs.BackgroundPriority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Applies the webhook inbox on this instance: one thread claims due events in batches (see {@link
 * WebhookInbox#claim}), hands each invoice's events to one of {@code webhook-workers} workers, and
 * claims the next batch once this one is done. A stored event wakes it at once; otherwise it looks
 * every {@link #POLL}, which is how events stored by another instance, and retries that have come
 * due, are found. Every instance drains, each claiming different events.
 *
 * <p>Its threads run at background priority ({@link BackgroundPriority}): when the CPU is busy the
 * kernel runs webhook deliveries and other requests first, so applying a burst of events does not
 * delay the acknowledgement of the next ones.
 *
 * <p>Why batches rather than a db-scheduler job per event: a job costs each event a job row written
 * with it, a poll, a pick and a delete, about half a millisecond of CPU that the webhook endpoint's
 * own latency pays for under load; and it reads the provider once per event where a batch reads
 * each invoice once, however many of its events arrived meanwhile. The inbox row keeps what a job
 * kept: when it is due, how often it failed and why (Settings shows it), and a lease so that
 * another instance takes over the events of one that died.
 */
@Component
public final class InboxDrain implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(InboxDrain.class);

  /** Events claimed at most at once; a batch costs a provider read per invoice, not per event. */
  static final int BATCH = 1000;

  /** How long claimed events are this instance's; after that another instance may take them. */
  static final Duration LEASE = Duration.ofMinutes(5);

  /** How often the inbox is looked at when nothing woke the drain. */
  static final Duration POLL = Duration.ofSeconds(1);

  /**
   * How long after a busy batch (at least {@link #BUSY} events, short of a full one) the next one
   * is claimed: under a heavy stream the events of this pause gather into one batch, so an invoice
   * with several of them costs one read and one round of database work instead of one each. After a
   * small batch the next is claimed at once, so a trickle of events waits for nothing.
   */
  static final Duration GATHER = Duration.ofMillis(200);

  /** Events in a batch from which the next batch is gathered. */
  static final int BUSY = 20;

  /** Applies one group of claimed events (see {@link WebhookProcessor#byInvoice}). */
  interface Applier {
    void apply(List<InboxEvent> group);
  }

  private final WebhookInbox inbox;
  private final Applier applier;
  private final int workers;
  private final Duration poll;
  private volatile boolean running;
  private volatile boolean paused;
  private volatile boolean woken;
  private volatile Thread drainer;
  private ExecutorService pool;

  @Autowired
  InboxDrain(WebhookInbox inbox, WebhookProcessor processor, InvoicebridgeProperties properties) {
    this(inbox, processor::apply, properties.jobs().webhookWorkers(), POLL);
  }

  InboxDrain(WebhookInbox inbox, Applier applier, int workers, Duration poll) {
    this.inbox = inbox;
    this.applier = applier;
    this.workers = workers;
    this.poll = poll;
  }

  /** Has the drain look for due events now, such as one just stored. */
  void wake() {
    woken = true;
    Thread thread = drainer;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /** Stops claiming events until {@link #resume}; a batch under way is finished. */
  public void pause() {
    paused = true;
  }

  /** Claims events again after {@link #pause}. */
  public void resume() {
    paused = false;
    wake();
  }

  @Override
  public synchronized void start() {
    if (running || workers == 0) {
      return;
    }
    running = true;
    pool = Executors.newFixedThreadPool(workers, BackgroundPriority.threads("webhook-worker-"));
    drainer = BackgroundPriority.threads("webhook-drain-").newThread(this::drain);
    drainer.start();
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    Thread thread = drainer;
    LockSupport.unpark(thread);
    try {
      // Groups not started by now are released untried; those under way end with their calls.
      thread.join(Duration.ofSeconds(30));
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drainer = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the web server, so events taken while it shut down gracefully are applied too. */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 4096;
  }

  private void drain() {
    while (running) {
      if (paused) {
        // resume() unparks.
        LockSupport.parkNanos(poll.toNanos());
        continue;
      }
      woken = false;
      int claimed = drainOnce();
      if (claimed >= BATCH) {
        continue;
      }
      if (claimed >= BUSY) {
        gather();
      } else if (claimed == 0 && !woken) {
        // wake() unparks, also when it comes between the check and the park.
        LockSupport.parkNanos(poll.toNanos());
      }
    }
  }

  /** Waits {@link #GATHER}, wakes notwithstanding: they are what is being gathered. */
  private void gather() {
    long until = System.nanoTime() + GATHER.toNanos();
    for (long left = GATHER.toNanos(); left > 0 && running; left = until - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  /** Claims one batch and applies it; the number of events claimed. */
  private int drainOnce() {
    List<InboxEvent> batch;
    try {
      batch = inbox.claim(BATCH, LEASE);
    } catch (RuntimeException e) {
      log.warn("Could not claim webhook events: {}", e.getClass().getSimpleName());
      return 0;
    }
    if (!batch.isEmpty()) {
      apply(WebhookProcessor.byInvoice(batch));
    }
    return batch.size();
  }

  private void apply(Collection<List<InboxEvent>> groups) {
    List<Future<?>> pending = new ArrayList<>(groups.size());
    for (List<InboxEvent> group : groups) {
      pending.add(pool.submit(() -> applyOrRelease(group)));
    }
    for (Future<?> done : pending) {
      try {
        done.get();
      } catch (ExecutionException e) {
        // applyOrRelease reports its own failures; nothing else is thrown.
        log.warn("A webhook worker failed: {}", e.getCause().getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void applyOrRelease(List<InboxEvent> group) {
    try {
      if (!running) {
        inbox.release(group);
        return;
      }
      applier.apply(group);
    } catch (WebhookProcessor.NotMirroredYet e) {
      // Our own create has not written its mirror row yet: expected, and retried in a second.
      log.info("Webhook event(s) of {} wait for the invoice's own create", e.invoice());
    } catch (RuntimeException e) {
      // The processor has recorded the failure and when the events are due again; a failure to
      // record it leaves them to the lease.
      log.warn(
          "Applying {} webhook event(s) of {} failed, to be retried: {}",
          group.size(),
          group.getFirst().objectId().orElse(group.getFirst().eventId()),
          e.getClass().getSimpleName());
    }
  }
}
