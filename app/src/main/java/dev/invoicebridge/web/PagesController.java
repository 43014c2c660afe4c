package dev.invoicebridge.web;

import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login and the operator's sections. */
@Controller
class PagesController {
  private final Connections connections;

  PagesController(Connections connections) {
    this.connections = connections;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/records";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/invoices")
  String invoices(Model model) {
    model.addAttribute("section", "invoices");
    model.addAttribute("connections", connections.list(CurrentActor.get().workspaceId()));
    return "invoices";
  }
}
