package dev.invoicebridge.web;

import dev.invoicebridge.backfill.Backfills;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import dev.invoicebridge.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Sync Stripe invoices" on the settings page (admins, like all of /settings): starts the backfill,
 * or leaves the one in progress alone, and serves the panel's state for the page's script to poll.
 */
@Controller
class BackfillController {
  private final Backfills backfills;

  BackfillController(Backfills backfills) {
    this.backfills = backfills;
  }

  @PostMapping("/settings/backfill")
  String start(RedirectAttributes redirect) {
    try {
      boolean created = backfills.startStripe(CurrentActor.get().workspaceId()).created();
      redirect.addFlashAttribute(
          "notice",
          created
              ? "Stripe invoices backfill started."
              : "A Stripe invoices backfill is already running; here is its progress.");
    } catch (ProviderNotConnected | Backfills.SyncIsOff e) {
      redirect.addFlashAttribute("notice", e.getMessage());
    }
    return "redirect:/settings#backfill";
  }

  @GetMapping("/settings/backfill/status")
  @ResponseBody
  BackfillPanel status() {
    return BackfillPanel.of(backfills.latestStripe(CurrentActor.get().workspaceId()));
  }
}
