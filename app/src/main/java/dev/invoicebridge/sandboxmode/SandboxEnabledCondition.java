package dev.invoicebridge.sandboxmode;

import dev.invoicebridge.config.InvoicebridgeProperties.SandboxSwitch;
import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Mounts the emulators only in sandbox mode, decided exactly as {@link SandboxMode} does. */
final class SandboxEnabledCondition implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment env = context.getEnvironment();
    SandboxSwitch sandboxSwitch =
        SandboxSwitch.valueOf(
            env.getProperty("invoicebridge.sandbox.enabled", "auto")
                .trim()
                .toUpperCase(Locale.ROOT));
    return SandboxMode.decide(
        sandboxSwitch,
        env.getProperty("invoicebridge.attio.api-token"),
        env.getProperty("invoicebridge.stripe.secret-key"),
        env.getProperty("invoicebridge.quickbooks.client-id"));
  }
}
