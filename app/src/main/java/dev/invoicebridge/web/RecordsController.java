package dev.invoicebridge.web;

import dev.invoicebridge.attio.AttioAuthException;
import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.attio.AttioNotFoundException;
import dev.invoicebridge.attio.AttioRateLimitedException;
import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.records.RecordBrowser;
import dev.invoicebridge.records.RecordBrowser.ObjectSummary;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.workspace.WorkspaceId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The record browser: an object's records live from Attio, with search and paging. */
@Controller
class RecordsController {
  static final int PAGE_SIZE = 25;

  private final Connections connections;
  private final RecordBrowser browser;

  RecordsController(Connections connections, RecordBrowser browser) {
    this.connections = connections;
    this.browser = browser;
  }

  @GetMapping("/records")
  String records(
      @RequestParam(defaultValue = "people") String object,
      @RequestParam(name = "q", defaultValue = "") String query,
      @RequestParam(defaultValue = "0") int offset,
      Model model) {
    WorkspaceId workspace = CurrentActor.get().workspaceId();
    model.addAttribute("section", "records");
    model.addAttribute("object", object);
    model.addAttribute("q", query);
    var attio = connections.get(workspace, ConnectionKind.ATTIO).orElse(null);
    model.addAttribute("attio", attio);
    if (attio == null) {
      return "records";
    }
    try {
      List<ObjectSummary> objects = browser.objects(workspace);
      model.addAttribute("objects", objects);
      model.addAttribute(
          "current",
          objects.stream().filter(o -> o.slug().equals(object)).findFirst().orElse(null));
      String search = query.length() > 256 ? query.substring(0, 256) : query;
      model.addAttribute(
          "page", browser.list(workspace, object, search, PAGE_SIZE, Math.max(0, offset)));
    } catch (AttioException e) {
      model.addAttribute("error", describe(e));
    }
    return "records";
  }

  private static String describe(AttioException e) {
    return switch (e) {
      case AttioNotFoundException n -> "Attio has no object with this slug.";
      case AttioAuthException a ->
          "Attio rejected the API token. An admin can reconnect Attio under Settings.";
      case AttioRateLimitedException r -> "Attio is busy (rate limit). Try again in a moment.";
      default -> "Attio could not answer just now. Try again in a moment.";
    };
  }
}
