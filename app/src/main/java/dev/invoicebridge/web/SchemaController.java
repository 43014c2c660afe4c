package dev.invoicebridge.web;

import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.connection.AttioClients.AttioNotConnected;
import dev.invoicebridge.schema.InvoiceField;
import dev.invoicebridge.schema.SchemaManager;
import dev.invoicebridge.schema.SchemaMapping;
import dev.invoicebridge.schema.SchemaReport;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.workspace.WorkspaceId;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page for the invoices schema in Attio: health, mapping, and "Save and set up". */
@Controller
@RequestMapping("/settings/schema")
class SchemaController {
  private final SchemaManager schema;

  SchemaController(SchemaManager schema) {
    this.schema = schema;
  }

  @GetMapping
  String page(Model model) {
    WorkspaceId workspace = CurrentActor.get().workspaceId();
    SchemaMapping mapping = schema.mapping(workspace);
    model.addAttribute("slugs", inputs(mapping));
    model.addAttribute("objectSlug", mapping.objectSlug());
    model.addAttribute("currencyCode", mapping.currencyCode());
    report(model, () -> schema.health(workspace));
    return render(model);
  }

  @PostMapping
  String save(
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    WorkspaceId workspace = CurrentActor.get().workspaceId();
    Map<String, String> slugs = new LinkedHashMap<>();
    for (InvoiceField field : InvoiceField.values()) {
      slugs.put(field.key(), form.getOrDefault("attr_" + field.key(), ""));
    }
    SchemaMapping mapping;
    try {
      mapping = SchemaMapping.parse(form.get("object_slug"), form.get("currency_code"), slugs);
    } catch (ValidationFailure e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", e.fieldErrors());
      model.addAttribute("slugs", slugs);
      model.addAttribute("objectSlug", form.getOrDefault("object_slug", ""));
      model.addAttribute("currencyCode", form.getOrDefault("currency_code", ""));
      return render(model);
    }
    if (report(model, () -> schema.ensure(workspace, mapping))) {
      SchemaReport result = (SchemaReport) model.getAttribute("report");
      redirect.addFlashAttribute("setupSummary", result.summary());
      return "redirect:/settings/schema";
    }
    model.addAttribute("slugs", slugs);
    model.addAttribute("objectSlug", mapping.objectSlug());
    model.addAttribute("currencyCode", mapping.currencyCode());
    response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
    return render(model);
  }

  private static String render(Model model) {
    model.addAttribute("section", "settings");
    model.addAttribute("fields", InvoiceField.values());
    return "schema";
  }

  /** Runs an Attio-backed step, putting its report or a plain-words failure in the model. */
  private static boolean report(Model model, Supplier<SchemaReport> step) {
    try {
      model.addAttribute("report", step.get());
      return true;
    } catch (AttioNotConnected e) {
      model.addAttribute("attioError", e.getMessage());
    } catch (AttioException e) {
      model.addAttribute(
          "attioError",
          "Attio could not answer (HTTP " + e.statusCode() + "); check the Attio connection.");
    }
    return false;
  }

  private static Map<String, String> inputs(SchemaMapping mapping) {
    Map<String, String> slugs = new LinkedHashMap<>();
    mapping.slugs().forEach((field, slug) -> slugs.put(field.key(), slug));
    return slugs;
  }
}
