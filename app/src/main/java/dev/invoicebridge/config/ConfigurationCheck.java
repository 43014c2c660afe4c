package dev.invoicebridge.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/** Validates what bean validation cannot express, so a bad setting fails the start clearly. */
@Component
public class ConfigurationCheck {
  public ConfigurationCheck(InvoicebridgeProperties properties) {
    List<String> problems = problems(properties);
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
  }

  static List<String> problems(InvoicebridgeProperties p) {
    List<String> problems = new ArrayList<>();
    String url = p.database().url();
    if (url != null
        && !url.isBlank()
        && !url.startsWith("jdbc:postgresql:")
        && !url.startsWith("jdbc:h2:")) {
      problems.add(
          "INVOICEBRIDGE_DATABASE_URL must start with jdbc:postgresql: (or jdbc:h2: for the"
              + " embedded database)");
    }
    if (!p.publicUrl().isAbsolute()) {
      problems.add(
          "INVOICEBRIDGE_PUBLIC_URL must be an absolute URL such as https://billing.example.com");
    }
    String masterKey = p.security().masterKey();
    if (masterKey != null && !masterKey.isBlank() && !isKey(masterKey)) {
      problems.add(
          "INVOICEBRIDGE_SECURITY_MASTER_KEY must be 32 random bytes in base64 (openssl rand -base64 32)");
    }
    for (int i = 0; i < p.security().previousMasterKeys().size(); i++) {
      if (!isKey(p.security().previousMasterKeys().get(i))) {
        problems.add(
            "INVOICEBRIDGE_SECURITY_PREVIOUS_MASTER_KEYS entry "
                + (i + 1)
                + " is not 32 bytes in base64");
      }
    }
    String adminUser = p.security().adminUsername();
    String adminPassword = p.security().adminPassword();
    if (isSet(adminUser) != isSet(adminPassword)) {
      problems.add(
          "INVOICEBRIDGE_SECURITY_ADMIN_USERNAME and INVOICEBRIDGE_SECURITY_ADMIN_PASSWORD must be set together");
    }
    if (isSet(adminPassword) && adminPassword.length() < 12) {
      problems.add("INVOICEBRIDGE_SECURITY_ADMIN_PASSWORD must be at least 12 characters");
    }
    String stripeKey = p.stripe().secretKey();
    if (isSet(stripeKey) && !stripeKey.matches("^(sk|rk)_(test|live)_[A-Za-z0-9]+$")) {
      problems.add(
          "INVOICEBRIDGE_STRIPE_SECRET_KEY must be a Stripe secret (sk_...) or restricted (rk_...) key");
    }
    if (isSet(p.quickbooks().clientId()) != isSet(p.quickbooks().clientSecret())) {
      problems.add(
          "INVOICEBRIDGE_QUICKBOOKS_CLIENT_ID and INVOICEBRIDGE_QUICKBOOKS_CLIENT_SECRET must be set together");
    }
    if (p.jobs().connectionCheckInterval().toSeconds() < 1) {
      problems.add(
          "INVOICEBRIDGE_JOBS_CONNECTION_CHECK_INTERVAL must be at least 1 second (e.g. PT5M)");
    }
    return problems;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static boolean isKey(String base64) {
    try {
      return Base64.getDecoder().decode(base64.trim()).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
