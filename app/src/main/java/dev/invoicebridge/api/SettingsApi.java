package dev.invoicebridge.api;

import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.settings.SyncPreferences;
import dev.invoicebridge.settings.SyncSettings;
import dev.invoicebridge.sync.Applied;
import dev.invoicebridge.sync.SyncSetup;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's sync settings (admin scope). Turning sync off makes the workspace send-only:
 * invoices are still created, nothing is written to Attio, our Stripe webhook endpoint is removed.
 * Turning it on sets up the invoices object and registers the endpoint again.
 */
@RestController
@RequestMapping("/api/v1/settings/sync")
class SettingsApi {
  static final String SYNC = "sync_invoices";
  static final String PEOPLE = "create_missing_people";

  private final SyncSettings settings;
  private final SyncSetup setup;

  SettingsApi(SyncSettings settings, SyncSetup setup) {
    this.settings = settings;
    this.setup = setup;
  }

  /** The settings, and after a change what it did. */
  record SyncView(
      boolean syncInvoices,
      boolean createMissingPeople,
      Instant updatedAt,
      List<String> notes,
      List<String> warnings) {}

  @GetMapping
  SyncView get() {
    return view(workspace(), Applied.nothing());
  }

  /**
   * Changes the fields sent ({@code sync_invoices}, {@code create_missing_people}); others stay.
   */
  @PutMapping
  SyncView put(@RequestBody Map<String, Object> body) {
    WorkspaceId workspace = workspace();
    SyncPreferences current = settings.get(workspace);
    Map<String, String> errors = new LinkedHashMap<>();
    for (String key : body.keySet()) {
      if (!Set.of(SYNC, PEOPLE).contains(key)) {
        errors.put(key, "is not a sync setting; use " + SYNC + " or " + PEOPLE);
      } else if (!(body.get(key) instanceof Boolean)) {
        errors.put(key, "must be true or false");
      }
    }
    if (body.isEmpty()) {
      errors.put(SYNC, "or " + PEOPLE + " is required");
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    SyncPreferences wanted =
        new SyncPreferences(
            (Boolean) body.getOrDefault(SYNC, current.syncInvoices()),
            (Boolean) body.getOrDefault(PEOPLE, current.createMissingPeople()));
    return view(workspace, setup.update(workspace, wanted));
  }

  private SyncView view(WorkspaceId workspace, Applied applied) {
    SyncSettings.Stored stored = settings.stored(workspace);
    return new SyncView(
        stored.preferences().syncInvoices(),
        stored.preferences().createMissingPeople(),
        stored.updatedAt().orElse(null),
        applied.notes(),
        applied.warnings());
  }

  private static WorkspaceId workspace() {
    return CurrentActor.get().workspaceId();
  }
}
