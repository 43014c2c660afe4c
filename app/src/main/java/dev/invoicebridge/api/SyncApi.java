package dev.invoicebridge.api;

import dev.invoicebridge.backfill.Backfills;
import dev.invoicebridge.backfill.Backfills.Started;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import dev.invoicebridge.security.Actor;
import dev.invoicebridge.security.CurrentActor;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pull syncs: {@code POST /api/v1/sync/stripe/backfill} (admin) starts importing every historical
 * Stripe invoice as a background job and answers 202 with the job; while one is queued or running
 * it answers 200 with that job instead of starting another. Progress is at {@code
 * /api/v1/jobs/{id}}.
 */
@RestController
class SyncApi {
  private final Backfills backfills;

  SyncApi(Backfills backfills) {
    this.backfills = backfills;
  }

  @PostMapping("/api/v1/sync/stripe/backfill")
  ResponseEntity<JobView> startStripeBackfill() {
    Actor actor = CurrentActor.get();
    if (!actor.isAdmin()) {
      throw new AdminOnly();
    }
    Started started = backfills.startStripe(actor.workspaceId());
    URI location = URI.create("/api/v1/jobs/" + started.job().id().value());
    return ResponseEntity.status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .location(location)
        .body(JobView.of(started.job()));
  }

  /** Operators may follow jobs; starting one is an admin's decision. */
  @ExceptionHandler(AdminOnly.class)
  ProblemDetail adminOnly() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "This API token's scope does not allow this operation; an admin token is needed.");
    problem.setTitle("Forbidden");
    return problem;
  }

  private static final class AdminOnly extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Without Stripe there is nothing to import: a conflict with the workspace's state. */
  @ExceptionHandler(ProviderNotConnected.class)
  ProblemDetail notConnected(ProviderNotConnected e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Stripe not connected");
    problem.setType(URI.create("https://invoicebridge.dev/problems/stripe-not-connected"));
    problem.setProperty("code", "stripe_not_connected");
    return problem;
  }

  /** Send-only workspaces have no invoices object to fill: a conflict with their settings. */
  @ExceptionHandler(Backfills.SyncIsOff.class)
  ProblemDetail syncOff(Backfills.SyncIsOff e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Sync is off");
    problem.setType(URI.create("https://invoicebridge.dev/problems/sync-off"));
    problem.setProperty("code", "sync_off");
    return problem;
  }
}
