package dev.invoicebridge.sync;

import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.WebhookEvent;
import dev.invoicebridge.workspace.WorkspaceId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a verified delivery: the event goes into the inbox and its job into db-scheduler's table in
 * one transaction (db-scheduler's connections join Spring's transaction), so there is one commit
 * per delivery, and an acknowledged event always has its job. When either insert fails, neither
 * stays and the caller answers 5xx, so Stripe delivers the event again.
 */
@Component
class WebhookIntake {
  private final WebhookInbox inbox;
  private final WebhookJobs.EventScheduler jobs;
  private final TransactionTemplate tx;

  WebhookIntake(WebhookInbox inbox, WebhookJobs.EventScheduler jobs, TransactionTemplate tx) {
    this.inbox = inbox;
    this.jobs = jobs;
    this.tx = tx;
  }

  /** Stores the event and schedules its job; false for an event stored before (a duplicate). */
  boolean accept(WorkspaceId workspace, Provider provider, WebhookEvent event, String payload) {
    boolean fresh =
        Boolean.TRUE.equals(
            tx.execute(
                status -> {
                  if (!inbox.store(workspace, provider, event, payload)) {
                    return false;
                  }
                  jobs.schedule(provider, event.id());
                  return true;
                }));
    if (fresh) {
      // The scheduler may have looked for due jobs before the commit made this one visible.
      jobs.dueNow();
    }
    return fresh;
  }
}
