package dev.invoicebridge.web;

import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pieces of the create dialog fetched while the operator works in it: catalog search results for a
 * line's price picker, and a new empty line row.
 */
@Controller
class InvoiceDialogParts {
  static final int RESULTS = 20;

  private final CatalogSearch catalog;

  InvoiceDialogParts(CatalogSearch catalog) {
    this.catalog = catalog;
  }

  /**
   * Active catalog prices whose product name contains {@code q} (all of the catalog is searched,
   * not only its first page), as listbox options; prices in another currency than the invoice's are
   * flagged.
   */
  @GetMapping("/invoices/catalog")
  String catalog(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String currency,
      @RequestParam(defaultValue = "0") int row,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("q", q.strip());
    model.addAttribute("row", Math.clamp(row, 0, LineRows.MAX_INDEX));
    model.addAttribute("currency", currency.strip());
    model.addAttribute("options", List.of());
    try {
      model.addAttribute("options", catalog.search(q, currency, RESULTS));
    } catch (InvoicingFailure e) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      model.addAttribute("error", "The catalog cannot be searched just now: " + brief(e));
    } catch (ProviderNotConnected e) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      model.addAttribute("error", e.getMessage());
    }
    return "invoice-parts :: catalog";
  }

  /** A new empty line row with index {@code next_row}, and the next index for the one after. */
  @GetMapping("/invoices/new/line")
  String line(
      @RequestParam(name = "next_row", defaultValue = "-1") int row,
      Model model,
      HttpServletResponse response) {
    if (row < 0 || row > LineRows.MAX_INDEX) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("error", "No more lines can be added to this invoice.");
      return "invoice-parts :: line-limit";
    }
    model.addAttribute("row", row);
    model.addAttribute("nextRow", row < LineRows.MAX_INDEX ? row + 1 : -1);
    model.addAttribute("form", Map.of("quantity_" + row, "1"));
    model.addAttribute("errors", Map.of());
    return "invoice-parts :: added-line";
  }

  private static String brief(InvoicingFailure e) {
    return switch (e.kind()) {
      case RATE_LIMITED, UNAVAILABLE, CONFLICT, SIGNATURE ->
          "Stripe is busy; keep typing to retry.";
      case AUTHENTICATION, PERMISSION -> "Stripe rejected this workspace's key.";
      case INVALID, NOT_FOUND -> "Stripe refused the search.";
    };
  }
}
