package dev.invoicebridge.web;

import dev.invoicebridge.invoicing.InvoiceId;
import dev.invoicebridge.invoicing.Invoices;
import dev.invoicebridge.invoicing.MirroredInvoice;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The invoice list and one invoice; the create dialog is {@link InvoiceDialogController}. */
@Controller
class InvoicesController {
  private final Invoices invoices;

  InvoicesController(Invoices invoices) {
    this.invoices = invoices;
  }

  /** One invoice as the pages show it. */
  record InvoiceRow(
      String id,
      String number,
      String status,
      String total,
      String remaining,
      LocalDate dueDate,
      String record,
      String hostedUrl,
      String billedTo) {
    static InvoiceRow of(MirroredInvoice m) {
      var i = m.invoice();
      return new InvoiceRow(
          m.id().value(),
          i.number().orElse("Draft"),
          i.status(),
          Money.format(i.amounts().total(), i.currency()),
          Money.format(i.amounts().remaining(), i.currency()),
          m.dueDate().orElse(null),
          m.source().map(s -> s.object() + " / " + s.recordId()).orElse("created in Stripe"),
          i.hostedUrl().map(Object::toString).orElse(null),
          m.links().customerEmail().orElse(null));
    }

    public boolean draft() {
      return "draft".equals(status);
    }

    /** The status pill's style: settled, closed or still to be paid. */
    public String statusStyle() {
      return switch (status) {
        case "paid" -> "ok";
        case "void", "uncollectible" -> "bad";
        case "draft" -> "draft";
        default -> "open";
      };
    }
  }

  @GetMapping("/invoices")
  String list(@RequestParam(defaultValue = "0") int offset, Model model) {
    model.addAttribute("section", "invoices");
    List<InvoiceRow> rows =
        invoices.list(workspace(), 50, Math.max(0, offset)).stream().map(InvoiceRow::of).toList();
    model.addAttribute("invoices", rows);
    return "invoices";
  }

  /** One invoice; right after the dialog created it, flash attributes say what was done. */
  @GetMapping("/invoices/{id}")
  String show(@PathVariable String id, Model model) {
    model.addAttribute("section", "invoices");
    MirroredInvoice invoice =
        parse(id)
            .flatMap(i -> invoices.get(workspace(), i))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("invoice", InvoiceRow.of(invoice));
    return "invoice";
  }

  private static Optional<InvoiceId> parse(String id) {
    try {
      return Optional.of(new InvoiceId(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static WorkspaceId workspace() {
    return CurrentActor.get().workspaceId();
  }
}
