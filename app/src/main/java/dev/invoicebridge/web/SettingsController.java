package dev.invoicebridge.web;

import dev.invoicebridge.connection.ConnectionKind;
import dev.invoicebridge.connection.Connections;
import dev.invoicebridge.jobs.ConnectionCheckJobs.ConnectionCheckScheduler;
import dev.invoicebridge.security.Actor;
import dev.invoicebridge.security.ApiTokens;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.security.Role;
import dev.invoicebridge.security.UserAccounts;
import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.vault.MasterKeyring;
import dev.invoicebridge.workspace.Workspace;
import dev.invoicebridge.workspace.Workspaces;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin settings: connections with health, Stripe and sync, API tokens, users. */
@Controller
@RequestMapping("/settings")
class SettingsController {
  private final Workspaces workspaces;
  private final Connections connections;
  private final ApiTokens tokens;
  private final UserAccounts users;
  private final SettingsServices services;

  /** Less-used collaborators, grouped to keep the constructor small. */
  @org.springframework.stereotype.Component
  record SettingsServices(
      MasterKeyring keys, ConnectionCheckScheduler checks, StripePanel stripePanel) {}

  SettingsController(
      Workspaces workspaces,
      Connections connections,
      ApiTokens tokens,
      UserAccounts users,
      SettingsServices services) {
    this.workspaces = workspaces;
    this.connections = connections;
    this.tokens = tokens;
    this.users = users;
    this.services = services;
  }

  @GetMapping
  String settings(Model model) {
    Actor actor = CurrentActor.get();
    model.addAttribute("section", "settings");
    Workspace workspace = workspaces.byId(actor.workspaceId()).orElseThrow();
    model.addAttribute("workspace", workspace);
    services.stripePanel().addTo(model, workspace);
    model.addAttribute("connections", connections.list(actor.workspaceId()));
    model.addAttribute("tokens", tokens.list(actor.workspaceId()));
    model.addAttribute("users", users.list(actor.workspaceId()));
    model.addAttribute("masterKeyId", services.keys().currentKeyId());
    return "settings";
  }

  @PostMapping("/tokens")
  String createToken(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String scope,
      RedirectAttributes redirect) {
    Actor actor = CurrentActor.get();
    try {
      Role role = parseRole("scope", scope);
      ApiTokens.Issued issued = tokens.issue(actor.workspaceId(), name, role, actor.name());
      redirect.addFlashAttribute("newToken", issued.plaintext());
      redirect.addFlashAttribute("newTokenName", issued.token().name());
    } catch (ValidationFailure e) {
      redirect.addFlashAttribute("tokenErrors", e.fieldErrors());
      redirect.addFlashAttribute("tokenName", name);
    }
    return "redirect:/settings#tokens";
  }

  @PostMapping("/tokens/{id}/revoke")
  String revokeToken(@PathVariable String id, RedirectAttributes redirect) {
    tokens.revoke(CurrentActor.get().workspaceId(), id);
    redirect.addFlashAttribute("notice", "Token revoked.");
    return "redirect:/settings#tokens";
  }

  @PostMapping("/users")
  String createUser(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String role,
      RedirectAttributes redirect) {
    try {
      users.create(CurrentActor.get().workspaceId(), username, password, parseRole("role", role));
      redirect.addFlashAttribute("notice", "User " + username + " created.");
    } catch (ValidationFailure e) {
      redirect.addFlashAttribute("userErrors", e.fieldErrors());
      redirect.addFlashAttribute("userName", username);
    }
    return "redirect:/settings#users";
  }

  @PostMapping("/connections/{kind}/check")
  String check(@PathVariable String kind, RedirectAttributes redirect) {
    ConnectionKind parsed;
    try {
      parsed = ConnectionKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("notice", "Unknown connection " + kind + ".");
      return "redirect:/settings";
    }
    services.checks().schedule(CurrentActor.get().workspaceId(), parsed);
    redirect.addFlashAttribute(
        "notice", parsed.displayName() + " check started; refresh in a moment.");
    return "redirect:/settings#connections";
  }

  private static Role parseRole(String field, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "admin" -> Role.ADMIN;
      case "operator" -> Role.OPERATOR;
      default -> throw new ValidationFailure(Map.of(field, "must be admin or operator"));
    };
  }
}
