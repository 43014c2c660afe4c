package dev.invoicebridge.web;

import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.connection.AttioClients.AttioNotConnected;
import dev.invoicebridge.invoicing.CreateInvoice;
import dev.invoicebridge.invoicing.InvoiceBody;
import dev.invoicebridge.invoicing.InvoiceConflict;
import dev.invoicebridge.invoicing.InvoiceId;
import dev.invoicebridge.invoicing.InvoiceRequests;
import dev.invoicebridge.invoicing.Invoices;
import dev.invoicebridge.invoicing.Invoices.Created;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.MirroredInvoice;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.web.InvoiceDialogPage.Dialog;
import dev.invoicebridge.web.InvoiceDialogPage.Problem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The create-invoice dialog opened from a record. Its form posts here for everything: creating (the
 * action buttons), and, without JavaScript, adding or removing a line row; with JavaScript rows
 * come from {@link InvoiceDialogParts} instead.
 */
@Controller
class InvoiceDialogController {
  private static final Pattern PICK =
      Pattern.compile("pick_(\\d{1,3})_(price_[A-Za-z0-9_]{1,200})");

  private final Invoices invoices;
  private final InvoiceDialogPage page;
  private final DialogSubmits submits;
  private final Clock clock;

  InvoiceDialogController(
      Invoices invoices, InvoiceDialogPage page, DialogSubmits submits, Clock clock) {
    this.invoices = invoices;
    this.page = page;
    this.submits = submits;
    this.clock = clock;
  }

  @GetMapping("/invoices/new")
  String open(
      @RequestParam String object, @RequestParam("record_id") String recordId, Model model) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("object", object);
    form.put("record_id", recordId);
    form.put("currency", "usd");
    form.put("days_until_due", "30");
    form.put("quantity_0", "1");
    form.put(DialogSubmits.FIELD, DialogSubmits.newKey());
    return page.render(Dialog.of(form), model);
  }

  @PostMapping("/invoices/new")
  String submit(
      @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
    Map<String, String> form = new LinkedHashMap<>(params);
    form.remove("_csrf");
    String op = form.remove("op");
    if ("add_line".equals(op)) {
      return page.render(Dialog.of(LineRows.withNewRow(form)), model);
    }
    if (op != null && op.matches("remove_line_\\d{1,3}")) {
      int row = Integer.parseInt(op.substring("remove_line_".length()));
      return page.render(Dialog.of(LineRows.withoutRow(form, row)), model);
    }
    Matcher pick = op == null ? null : PICK.matcher(op);
    if (pick != null && pick.matches()) {
      return page.render(
          Dialog.of(page.pick(form, Integer.parseInt(pick.group(1)), pick.group(2))), model);
    }
    if (op != null) {
      // "preview", the default button: Enter in a field redraws the dialog, never creates.
      return page.render(Dialog.of(form), model);
    }
    String billIn = form.remove("bill_in");
    String pendingAction = form.remove("pending_action");
    if (billIn != null && !billIn.isBlank()) {
      form.put("currency", billIn);
      form.put("action", pendingAction);
    }
    return create(form, model, redirect);
  }

  private String create(Map<String, String> form, Model model, RedirectAttributes redirect) {
    InvoiceForm input = new InvoiceForm(form);
    InvoiceBody body = input.body();
    Dialog dialog = Dialog.of(form);
    try {
      CreateInvoice request =
          InvoiceRequests.validate(body, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
      if (!input.errors().isEmpty()) {
        return page.render(dialog.errors(input.mapErrors(Map.of())), model);
      }
      Created created = submits.create(request, form.get(DialogSubmits.FIELD), body);
      MirroredInvoice invoice = created.invoice();
      redirect.addFlashAttribute("created", request.action().slug());
      redirect.addFlashAttribute("replayed", created.replayed());
      redirect.addFlashAttribute("emailedTo", invoice.links().customerEmail().orElse(null));
      return "redirect:/invoices/" + invoice.id().value();
    } catch (ValidationFailure e) {
      return page.render(dialog.errors(input.mapErrors(e.fieldErrors())), model);
    } catch (InvoiceConflict e) {
      return page.render(conflict(dialog, e), model);
    } catch (InvoicingFailure | ProviderNotConnected | AttioException | AttioNotConnected e) {
      return page.render(dialog.problem(Problem.of(InvoiceFailures.describe(e))), model);
    }
  }

  private Dialog conflict(Dialog dialog, InvoiceConflict e) {
    return switch (e.reason()) {
      case CURRENCY_MISMATCH -> {
        String customer = e.details().get("customer_currency");
        yield dialog.choice(
            new InvoiceDialogPage.CurrencyChoice(
                customer, null, dialog.form().get("action"), pricedOtherwise(dialog, customer)));
      }
      case IDEMPOTENCY_KEY_REUSED -> {
        // The operator came back to a dialog that already created an invoice and changed it:
        // show that invoice, and give the form a new key so that submitting again is a choice.
        String id = e.details().get("invoice_id");
        String number =
            invoices
                .get(CurrentActor.get().workspaceId(), new InvoiceId(id))
                .flatMap(i -> i.invoice().number())
                .orElse("a draft");
        dialog.form().put(DialogSubmits.FIELD, DialogSubmits.newKey());
        yield dialog.problem(
            new Problem(
                "This dialog already created an invoice ("
                    + number
                    + ") with other values. Submit again to create a second invoice.",
                "/invoices/" + id,
                "Open the invoice it created"));
      }
      case IDEMPOTENCY_KEY_IN_PROGRESS ->
          dialog.problem(
              new Problem(
                  "Your first click is still creating this invoice; it will be listed under"
                      + " Invoices in a moment.",
                  "/invoices",
                  "Go to Invoices"));
    };
  }

  /** Catalog rows whose price (as the picker reported it) is not in the customer's currency. */
  private static long pricedOtherwise(Dialog dialog, String currency) {
    Map<String, String> form = dialog.form();
    return LineRows.of(form).stream()
        .filter(
            row -> form.get("price_id_" + row) != null && !form.get("price_id_" + row).isBlank())
        .map(row -> form.get("price_currency_" + row))
        .filter(c -> c != null && !c.isBlank() && !c.equalsIgnoreCase(currency))
        .count();
  }
}
