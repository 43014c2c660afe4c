package dev.invoicebridge.web;

import dev.invoicebridge.sandboxmode.SandboxMode;
import dev.invoicebridge.security.Actor;
import dev.invoicebridge.security.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs: the sandbox banner and who is logged in. */
@ControllerAdvice(basePackages = "dev.invoicebridge.web")
class WebModel {
  private final SandboxMode sandboxMode;

  WebModel(SandboxMode sandboxMode) {
    this.sandboxMode = sandboxMode;
  }

  @ModelAttribute("sandbox")
  boolean sandbox() {
    return sandboxMode.enabled();
  }

  @ModelAttribute("actor")
  Actor actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal())
        ? CurrentActor.get()
        : null;
  }
}
