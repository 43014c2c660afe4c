package dev.invoicebridge.web;

import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.settings.SyncPreferences;
import dev.invoicebridge.sync.Applied;
import dev.invoicebridge.sync.StripeConnectFailure;
import dev.invoicebridge.sync.StripeConnector;
import dev.invoicebridge.sync.SyncSetup;
import dev.invoicebridge.workspace.WorkspaceId;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Settings page's Stripe and sync forms: connect with a pasted key, disconnect, reconnect the
 * sandbox, and the sync switches. Each answers with a redirect to Settings carrying what happened;
 * the pasted key is never put back on a page, in a message or in the session.
 */
@Controller
@RequestMapping("/settings")
class StripeSettingsController {
  private final StripeConnector stripe;
  private final SyncSetup setup;

  StripeSettingsController(StripeConnector stripe, SyncSetup setup) {
    this.stripe = stripe;
    this.setup = setup;
  }

  @PostMapping("/stripe/key")
  String connect(
      @RequestParam(name = "secret_key", defaultValue = "") String secretKey,
      RedirectAttributes redirect) {
    try {
      report(redirect, "Stripe connected.", stripe.connect(workspace(), secretKey).applied());
    } catch (ValidationFailure e) {
      redirect.addFlashAttribute("keyErrors", e.fieldErrors());
    } catch (StripeConnectFailure e) {
      redirect.addFlashAttribute("stripeError", e.getMessage());
    }
    return "redirect:/settings#stripe";
  }

  @PostMapping("/stripe/disconnect")
  String disconnect(RedirectAttributes redirect) {
    return run(redirect, "Stripe disconnected.", () -> stripe.disconnect(workspace()).applied());
  }

  @PostMapping("/stripe/sandbox")
  String reconnectSandbox(RedirectAttributes redirect) {
    return run(
        redirect,
        "Stripe sandbox connected.",
        () -> stripe.reconnectSandbox(workspace()).applied());
  }

  /** Unchecked boxes are not sent by browsers, so absence means off. */
  @PostMapping("/sync")
  String sync(
      @RequestParam(name = "sync_invoices", defaultValue = "false") boolean syncInvoices,
      @RequestParam(name = "create_missing_people", defaultValue = "false")
          boolean createMissingPeople,
      RedirectAttributes redirect) {
    SyncPreferences wanted = new SyncPreferences(syncInvoices, createMissingPeople);
    String saved =
        syncInvoices
            ? "Sync settings saved: invoices are synced into Attio."
            : "Sync settings saved: send-only, nothing is written to Attio.";
    report(redirect, saved, setup.update(workspace(), wanted));
    return "redirect:/settings#sync";
  }

  private static String run(RedirectAttributes redirect, String done, Supplier<Applied> action) {
    try {
      report(redirect, done, action.get());
    } catch (StripeConnectFailure e) {
      redirect.addFlashAttribute("stripeError", e.getMessage());
    }
    return "redirect:/settings#stripe";
  }

  private static void report(RedirectAttributes redirect, String done, Applied applied) {
    redirect.addFlashAttribute("notice", done);
    redirect.addFlashAttribute("setupNotes", applied.notes());
    redirect.addFlashAttribute("setupWarnings", applied.warnings());
  }

  private static WorkspaceId workspace() {
    return CurrentActor.get().workspaceId();
  }
}
