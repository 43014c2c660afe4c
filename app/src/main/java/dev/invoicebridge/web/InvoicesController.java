package dev.invoicebridge.web;

import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.connection.AttioClients.AttioNotConnected;
import dev.invoicebridge.invoicing.CreateInvoice;
import dev.invoicebridge.invoicing.InvoiceConflict;
import dev.invoicebridge.invoicing.InvoiceId;
import dev.invoicebridge.invoicing.InvoiceRequests;
import dev.invoicebridge.invoicing.Invoices;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.MirroredInvoice;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import dev.invoicebridge.invoicing.RecordRef;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.workspace.WorkspaceId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The invoice list, one invoice, and the create-invoice dialog opened from a record. */
@Controller
class InvoicesController {
  private final Invoices invoices;
  private final Clock clock;

  InvoicesController(Invoices invoices, Clock clock) {
    this.invoices = invoices;
    this.clock = clock;
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
      String hostedUrl) {
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
          i.hostedUrl().map(Object::toString).orElse(null));
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

  @GetMapping("/invoices/new")
  String dialog(
      @RequestParam String object, @RequestParam("record_id") String recordId, Model model) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("object", object);
    form.put("record_id", recordId);
    form.put("currency", "usd");
    form.put("days_until_due", "30");
    return render(form, Map.of(), null, model);
  }

  @PostMapping("/invoices/new")
  String create(@RequestParam Map<String, String> fields, Model model) {
    InvoiceForm form = new InvoiceForm(fields);
    var body = form.body();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    try {
      CreateInvoice request = InvoiceRequests.validate(body, today);
      if (!form.errors().isEmpty()) {
        return render(fields, form.mapErrors(Map.of()), null, model);
      }
      MirroredInvoice created = invoices.create(workspace(), request, Optional.empty()).invoice();
      return "redirect:/invoices/" + created.id().value();
    } catch (ValidationFailure e) {
      return render(fields, form.mapErrors(e.fieldErrors()), null, model);
    } catch (InvoiceConflict e) {
      return render(fields, Map.of(), e.getMessage(), model);
    } catch (InvoicingFailure e) {
      return render(fields, Map.of(), describe(e), model);
    }
  }

  private String render(
      Map<String, String> form, Map<String, String> errors, String failure, Model model) {
    model.addAttribute("section", "records");
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("failure", failure);
    model.addAttribute("rows", IntStream.range(0, InvoiceForm.ROWS).boxed().toList());
    try {
      RecordRef record = new RecordRef(form.get("object"), form.get("record_id"));
      model.addAttribute("choices", invoices.choices(workspace(), record, Provider.STRIPE));
    } catch (ValidationFailure e) {
      model.addAttribute("failure", "This record cannot be read from Attio.");
    } catch (AttioException | AttioNotConnected | ProviderNotConnected | InvoicingFailure e) {
      model.addAttribute("failure", "Attio or Stripe could not answer just now; try again.");
    }
    return "invoice-new";
  }

  private static String describe(InvoicingFailure e) {
    return switch (e.kind()) {
      case INVALID, NOT_FOUND ->
          "Stripe refused the invoice"
              + e.param().map(p -> " (" + p + ")").orElse("")
              + "; check the lines and the currency.";
      case AUTHENTICATION, PERMISSION ->
          "Stripe rejected this workspace's key; an admin should check the Stripe connection.";
      case RATE_LIMITED, UNAVAILABLE, CONFLICT, SIGNATURE ->
          "Stripe could not complete the invoice just now; try again.";
    };
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
