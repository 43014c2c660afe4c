package dev.invoicebridge.web;

import dev.invoicebridge.backfill.Backfills;
import dev.invoicebridge.security.CurrentActor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the backfill panel's state on the settings page, so the panel renders complete before its
 * script first polls (and without script at all).
 */
@ControllerAdvice(assignableTypes = SettingsController.class)
class BackfillPanelModel {
  private final Backfills backfills;

  BackfillPanelModel(Backfills backfills) {
    this.backfills = backfills;
  }

  @ModelAttribute("backfill")
  BackfillPanel backfill() {
    return BackfillPanel.of(backfills.latestStripe(CurrentActor.get().workspaceId()));
  }
}
