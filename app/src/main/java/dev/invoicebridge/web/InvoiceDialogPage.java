package dev.invoicebridge.web;

import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.connection.AttioClients.AttioNotConnected;
import dev.invoicebridge.invoicing.Invoices;
import dev.invoicebridge.invoicing.Invoices.DialogChoices;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.Provider;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import dev.invoicebridge.invoicing.RecipientChoice;
import dev.invoicebridge.invoicing.RecordRef;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the create dialog's model: the form as typed, its rows, messages, and who to bill. */
@Component
class InvoiceDialogPage {
  /** Fields whose message is shown beside their input; any other goes above the form. */
  private static final Set<String> BESIDE_INPUT =
      Set.of("recipient_record_id", "currency", "due_date", "days_until_due");

  /** Matches listed on a row that has search text but no chosen price (for no JavaScript). */
  static final int MATCHES = 5;

  private final Invoices invoices;
  private final CatalogSearch catalog;

  InvoiceDialogPage(Invoices invoices, CatalogSearch catalog) {
    this.invoices = invoices;
    this.catalog = catalog;
  }

  /** The form with a listed match chosen on its row (the no-JavaScript picker). */
  Map<String, String> pick(Map<String, String> form, int row, String priceId) {
    try {
      return catalog.pick(form, row, priceId);
    } catch (InvoicingFailure | ProviderNotConnected e) {
      return form;
    }
  }

  /** A message above the form, with an optional link (to an invoice already created). */
  record Problem(String message, String linkHref, String linkText) {
    static Problem of(String message) {
      return new Problem(message, null, null);
    }
  }

  /**
   * Stripe already bills the customer in another currency: the dialog offers to bill in that one.
   *
   * @param action what the operator asked for, repeated when they accept
   * @param linesToReplace catalog lines priced in the requested currency, which must be replaced
   */
  record CurrencyChoice(String customerCurrency, String email, String action, long linesToReplace) {
    public String code() {
      return customerCurrency.toUpperCase(Locale.ROOT);
    }

    CurrencyChoice billing(String email) {
      return new CurrencyChoice(customerCurrency, email, action, linesToReplace);
    }
  }

  /** Everything the dialog shows. */
  record Dialog(
      Map<String, String> form,
      Map<String, String> errors,
      Problem problem,
      CurrencyChoice currencyChoice) {
    static Dialog of(Map<String, String> form) {
      return new Dialog(form, Map.of(), null, null);
    }

    Dialog errors(Map<String, String> errors) {
      return new Dialog(form, errors, problem, currencyChoice);
    }

    Dialog problem(Problem problem) {
      return new Dialog(form, errors, problem, currencyChoice);
    }

    Dialog choice(CurrencyChoice choice) {
      return new Dialog(form, errors, problem, choice);
    }
  }

  String render(Dialog dialog, Model model) {
    model.addAttribute("section", "records");
    model.addAttribute("form", dialog.form());
    model.addAttribute("errors", dialog.errors());
    model.addAttribute("otherErrors", otherErrors(dialog.errors()));
    model.addAttribute("problem", dialog.problem());
    model.addAttribute("currencyChoice", dialog.currencyChoice());
    List<Integer> rows = LineRows.of(dialog.form());
    model.addAttribute("rows", rows);
    model.addAttribute("nextRow", LineRows.next(rows));
    String object = dialog.form().get("object");
    String recordId = dialog.form().get("record_id");
    if (object == null || recordId == null) {
      model.addAttribute("problem", Problem.of("Open this dialog from a record under Records."));
      return "invoice-new";
    }
    try {
      DialogChoices choices =
          invoices.choices(
              CurrentActor.get().workspaceId(), new RecordRef(object, recordId), Provider.STRIPE);
      model.addAttribute("choices", choices);
      model.addAttribute("matches", catalog.matches(dialog.form(), MATCHES));
      if (dialog.currencyChoice() != null) {
        String billed = billed(choices, dialog.form().get("recipient_record_id"));
        model.addAttribute("currencyChoice", dialog.currencyChoice().billing(billed));
      }
    } catch (ValidationFailure | IllegalArgumentException e) {
      model.addAttribute("problem", Problem.of("This record cannot be read from Attio."));
    } catch (InvoicingFailure | ProviderNotConnected | AttioException | AttioNotConnected e) {
      model.addAttribute("problem", Problem.of(InvoiceFailures.describe(e)));
    }
    return "invoice-new";
  }

  /** The email of the person the form bills: the one picked, or the only one. */
  private static String billed(DialogChoices choices, String picked) {
    return choices.people().stream()
        .filter(p -> p.recordId().equals(picked) || choices.people().size() == 1)
        .map(RecipientChoice::email)
        .findFirst()
        .orElse(null);
  }

  /** Messages of fields that have no input of their own in the dialog, in words. */
  private static List<String> otherErrors(Map<String, String> errors) {
    return errors.entrySet().stream()
        .filter(e -> !BESIDE_INPUT.contains(e.getKey()) && !e.getKey().startsWith("line_"))
        .map(e -> label(e.getKey()) + e.getValue())
        .toList();
  }

  private static String label(String field) {
    return switch (field) {
      case "lines" -> "";
      case "record", "record.object", "record.record_id" -> "The record: ";
      case "action" -> "The button: ";
      default -> field.replace('_', ' ') + ": ";
    };
  }
}
