package dev.invoicebridge.invoicing.quickbooks;

import dev.invoicebridge.quickbooks.HttpQuickBooksClient;
import dev.invoicebridge.quickbooks.QuickBooksClientOptions;
import dev.invoicebridge.quickbooks.QuickBooksException;
import dev.invoicebridge.quickbooks.RealmId;
import dev.invoicebridge.quickbooks.oauth.OAuthTokens;
import dev.invoicebridge.quickbooks.oauth.QuickBooksOAuthClient;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import dev.invoicebridge.sandboxmode.SandboxMode;
import dev.invoicebridge.security.CurrentActor;
import dev.invoicebridge.workspace.WorkspaceId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Admin page to connect QuickBooks through Intuit's OAuth consent (the emulator's in sandbox mode):
 * a state bound to the session guards the callback, which stores the tokens and realm.
 */
@Controller
@RequestMapping("/settings/quickbooks")
class QuickBooksConnectController {
  private static final Logger log = LoggerFactory.getLogger(QuickBooksConnectController.class);
  private static final String STATE = "quickbooks.oauth.state";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final QuickBooksConnector connector;
  private final SandboxMode sandboxMode;

  QuickBooksConnectController(QuickBooksConnector connector, SandboxMode sandboxMode) {
    this.connector = connector;
    this.sandboxMode = sandboxMode;
  }

  @GetMapping
  String page(Model model, HttpServletRequest request) {
    WorkspaceId workspace = CurrentActor.get().workspaceId();
    Optional<QuickBooksOAuthClient> oauth = connector.oauth(origin(request));
    Optional<RealmId> realm = connector.store(workspace).realm();
    model.addAttribute("section", "settings");
    model.addAttribute("sandbox", sandboxMode.enabled());
    model.addAttribute("actor", CurrentActor.get());
    model.addAttribute("configured", oauth.isPresent());
    model.addAttribute("realmId", realm.map(RealmId::value).orElse(null));
    if (oauth.isPresent() && realm.isPresent()) {
      QuickBooksTokens tokens = connector.tokens(oauth.get(), workspace, realm.get());
      String companyName =
          tokens.reconnectRequiredSince().isPresent()
              ? null
              : companyName(oauth.get(), tokens, realm.get());
      // Read after the company check: a refused refresh marks the connection just now.
      Optional<Instant> dead = tokens.reconnectRequiredSince();
      model.addAttribute("tokens", tokens.current().orElse(null));
      model.addAttribute("companyName", companyName);
      model.addAttribute("reconnectRequiredSince", dead.orElse(null));
      model.addAttribute(
          "status",
          dead.isPresent() ? "reconnect" : companyName != null ? "connected" : "unreachable");
    }
    return "quickbooks";
  }

  /**
   * Starts the consent: a GET, because CSP's form-action would block a POST redirected to Intuit.
   */
  @GetMapping("/connect")
  String connect(HttpServletRequest request, HttpSession session, RedirectAttributes redirect) {
    Optional<QuickBooksOAuthClient> oauth = connector.oauth(origin(request));
    if (oauth.isEmpty()) {
      redirect.addFlashAttribute(
          "notice", "Set INVOICEBRIDGE_QUICKBOOKS_CLIENT_ID and _SECRET first.");
      return "redirect:/settings/quickbooks";
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String state = HexFormat.of().formatHex(bytes);
    session.setAttribute(STATE, state);
    return "redirect:" + oauth.get().authorizationUrl(state);
  }

  @GetMapping("/callback")
  String callback(
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String realmId,
      @RequestParam(required = false) String error,
      HttpServletRequest request,
      HttpSession session,
      RedirectAttributes redirect) {
    Object expected = session.getAttribute(STATE);
    session.removeAttribute(STATE);
    if (!(expected instanceof String s)
        || state == null
        || !MessageDigest.isEqual(
            s.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
      redirect.addFlashAttribute(
          "notice", "The QuickBooks answer did not match this session; try again.");
      return "redirect:/settings/quickbooks";
    }
    if (error != null || code == null || realmId == null) {
      redirect.addFlashAttribute(
          "notice", "QuickBooks was not connected (" + (error == null ? "no code" : error) + ").");
      return "redirect:/settings/quickbooks";
    }
    QuickBooksOAuthClient oauth = connector.oauth(origin(request)).orElseThrow();
    try {
      OAuthTokens tokens = oauth.exchangeCode(code, new RealmId(realmId));
      QuickBooksTokens.connect(connector.store(CurrentActor.get().workspaceId()), tokens);
      redirect.addFlashAttribute("notice", "QuickBooks connected.");
    } catch (QuickBooksException e) {
      log.warn(
          "QuickBooks code exchange failed: HTTP {} code {} intuit_tid {}",
          e.statusCode(),
          e.code(),
          e.intuitTid());
      redirect.addFlashAttribute(
          "notice", "QuickBooks refused the connection (" + e.code() + "); try again.");
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("notice", "QuickBooks answered with an invalid company id.");
    }
    return "redirect:/settings/quickbooks";
  }

  @PostMapping("/disconnect")
  String disconnect(HttpServletRequest request, RedirectAttributes redirect) {
    WorkspaceId workspace = CurrentActor.get().workspaceId();
    Optional<RealmId> realm = connector.store(workspace).realm();
    Optional<QuickBooksOAuthClient> oauth = connector.oauth(origin(request));
    if (realm.isPresent() && oauth.isPresent()) {
      connector.tokens(oauth.get(), workspace, realm.get()).disconnect();
      redirect.addFlashAttribute("notice", "QuickBooks disconnected.");
    }
    return "redirect:/settings/quickbooks";
  }

  private static String companyName(
      QuickBooksOAuthClient oauth, QuickBooksTokens tokens, RealmId realm) {
    try {
      // A person waits for this page: a short deadline, never Intuit's throttling minute.
      return new HttpQuickBooksClient(
              oauth.endpoints().api(), realm, tokens, QuickBooksClientOptions.interactive())
          .companyInfo()
          .companyName();
    } catch (QuickBooksException.ReconnectRequired e) {
      return null;
    } catch (QuickBooksException e) {
      log.warn(
          "QuickBooks company check failed: HTTP {} code {} intuit_tid {}",
          e.statusCode(),
          e.code(),
          e.intuitTid());
      return null;
    }
  }

  private static URI origin(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).build().toUri();
  }
}
