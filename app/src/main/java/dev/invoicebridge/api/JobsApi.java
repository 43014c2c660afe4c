package dev.invoicebridge.api;

import dev.invoicebridge.backfill.Backfills;
import dev.invoicebridge.backfill.SyncJobId;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Background sync jobs of the caller's workspace and their live progress (operators may read). */
@RestController
class JobsApi {
  private final Backfills backfills;

  JobsApi(Backfills backfills) {
    this.backfills = backfills;
  }

  /** Recent jobs, newest first. */
  record JobPage(List<JobView> jobs, int limit) {}

  @GetMapping("/api/v1/jobs")
  JobPage list(@RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > 100) {
      throw new ValidationFailure("limit", "must be a whole number from 1 to 100");
    }
    return new JobPage(
        backfills.recent(CurrentActor.get().workspaceId(), limit).stream()
            .map(JobView::of)
            .toList(),
        limit);
  }

  @GetMapping("/api/v1/jobs/{id}")
  JobView get(@PathVariable String id) {
    // Another workspace's job is as unknown as one that never existed.
    return SyncJobId.parse(id)
        .flatMap(jobId -> backfills.get(CurrentActor.get().workspaceId(), jobId))
        .map(JobView::of)
        .orElseThrow(() -> new NotFound("No job " + id + " in this workspace."));
  }
}
