package dev.invoicebridge.sandboxmode;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.config.InvoicebridgeProperties.SandboxSwitch;
import org.springframework.stereotype.Component;

/** Whether this instance runs in sandbox mode: the emulators mounted and connected. */
@Component
public class SandboxMode {
  private final boolean enabled;

  public SandboxMode(InvoicebridgeProperties properties) {
    this.enabled = decide(properties);
  }

  public boolean enabled() {
    return enabled;
  }

  /** AUTO means: on exactly when no real credential is configured. */
  static boolean decide(InvoicebridgeProperties p) {
    return decide(
        p.sandbox().enabled(),
        p.attio().apiToken(),
        p.stripe().secretKey(),
        p.quickbooks().clientId());
  }

  static boolean decide(
      SandboxSwitch sandboxSwitch, String attioToken, String stripeKey, String qbClientId) {
    return switch (sandboxSwitch) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> blank(attioToken) && blank(stripeKey) && blank(qbClientId);
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
