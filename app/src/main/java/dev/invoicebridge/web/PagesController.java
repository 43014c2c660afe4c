package dev.invoicebridge.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Login and the operator's sections. */
@Controller
class PagesController {
  @GetMapping("/")
  String home() {
    return "redirect:/records";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
