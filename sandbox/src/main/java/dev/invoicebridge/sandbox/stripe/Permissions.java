package dev.invoicebridge.sandbox.stripe;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Restricted keys ({@code rk_test_...}) and their permissions. Each resource has None, Read or
 * Write; GET needs read, POST and DELETE need write, and write implies read, as Stripe documents.
 */
final class Permissions {
  /** A resource as a restricted key's settings name it. */
  enum Resource {
    CUSTOMERS("customer", "Customers"),
    PRODUCTS("product", "Products"),
    PRICES("plan", "Prices"),
    INVOICES("invoice", "Invoices"),
    INVOICE_ITEMS("invoiceitem", "Invoice Items"),
    EVENTS("event", "Events"),
    WEBHOOK_ENDPOINTS("webhook_endpoint", "Webhook Endpoints"),
    ACCOUNT("account", "Account");

    private final String id;
    private final String dashboardName;

    Resource(String id, String dashboardName) {
      this.id = id;
      this.dashboardName = dashboardName;
    }

    String permission(boolean write) {
      return id + (write ? "_write" : "_read");
    }

    String dashboardName(boolean write) {
      return dashboardName + (write ? " Write" : " Read");
    }
  }

  private final Map<String, Set<String>> restrictedKeys = new ConcurrentHashMap<>();

  void grant(String key, Set<String> permissions) {
    if (!key.startsWith("rk_test_")) {
      throw StripeApiException.invalid("key", "Restricted test keys start with rk_test_.");
    }
    restrictedKeys.put(key, Set.copyOf(permissions));
  }

  boolean isRestrictedKey(String key) {
    return restrictedKeys.containsKey(key);
  }

  /** Stripe's 403 for a restricted key that lacks the permission, or none when it is allowed. */
  Optional<StripeApiException> check(String key, Resource resource, String method, String account) {
    Set<String> granted = restrictedKeys.get(key);
    if (granted == null) {
      return Optional.empty();
    }
    boolean write = !method.equals("GET");
    if (granted.contains(resource.permission(true))
        || (!write && granted.contains(resource.permission(false)))) {
      return Optional.empty();
    }
    if (resource == Resource.ACCOUNT) {
      return Optional.of(
          forbidden(
              key,
              account,
              "This is a restricted API key, but the required permissions are not available for"
                  + " use by restricted keys."));
    }
    return Optional.of(
        forbidden(
            key,
            account,
            "Enabling \""
                + resource.dashboardName(write)
                + "\" ('"
                + resource.permission(write)
                + "') permissions on this key would allow this request to continue."));
  }

  private static StripeApiException forbidden(String key, String account, String remedy) {
    // Stripe shows only the key's last six characters.
    String shown = key.substring(0, 8) + "***" + key.substring(Math.max(8, key.length() - 6));
    return StripeApiException.of(
        403,
        "invalid_request_error",
        null,
        "Permission denied. The provided key '"
            + shown
            + "' does not have the required permissions for this endpoint on account '"
            + account
            + "'. "
            + remedy);
  }
}
