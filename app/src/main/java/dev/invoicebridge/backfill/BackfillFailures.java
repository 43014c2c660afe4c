package dev.invoicebridge.backfill;

import dev.invoicebridge.attio.AttioAuthException;
import dev.invoicebridge.attio.AttioException;
import dev.invoicebridge.attio.AttioRateLimitedException;
import dev.invoicebridge.attio.AttioTransientException;
import dev.invoicebridge.attio.AttioValidationException;
import dev.invoicebridge.connection.AttioClients.AttioNotConnected;
import dev.invoicebridge.invoicing.InvoicingFailure;
import dev.invoicebridge.invoicing.ProviderDirectory.ProviderNotConnected;

/**
 * What a backfill does with each failure, decided in one place, and how it is told: in our words,
 * with the provider's error code at most, never a message that could carry a key.
 */
final class BackfillFailures {
  private BackfillFailures() {}

  /** Attio refused this one invoice's values: count it as failed and go on with the others. */
  static boolean aboutOneInvoice(Throwable e) {
    return e instanceof AttioValidationException
        || e instanceof InvoicingFailure f && f.kind() == InvoicingFailure.Kind.INVALID;
  }

  /** Retrying cannot help until an admin acts (connect, reconnect, grant a permission). */
  static boolean permanent(Throwable e) {
    if (e instanceof InvoicingFailure f) {
      return f.kind() == InvoicingFailure.Kind.AUTHENTICATION
          || f.kind() == InvoicingFailure.Kind.PERMISSION;
    }
    return e instanceof ProviderNotConnected
        || e instanceof Backfills.SyncIsOff
        || e instanceof AttioNotConnected
        || e instanceof AttioAuthException;
  }

  static String describe(Throwable e) {
    return switch (e) {
      case ProviderNotConnected n -> n.getMessage();
      case Backfills.SyncIsOff off -> off.getMessage();
      case AttioNotConnected n -> n.getMessage();
      case InvoicingFailure f -> stripe(f);
      case AttioAuthException a ->
          "Attio rejected this workspace's API token; an admin should reconnect Attio.";
      case AttioRateLimitedException r -> "Attio kept rate limiting the writes.";
      case AttioTransientException t -> "Attio could not be reached or failed.";
      case AttioException a -> "Attio refused a request (" + a.code() + ").";
      case null -> "The run stopped without a reason.";
      default -> "The run failed unexpectedly (" + e.getClass().getSimpleName() + ").";
    };
  }

  private static String stripe(InvoicingFailure f) {
    String code = f.providerCode().map(c -> " (" + c + ")").orElse("");
    return switch (f.kind()) {
      case AUTHENTICATION -> "Stripe rejected the API key; an admin should reconnect Stripe.";
      case PERMISSION ->
          "Stripe's key lacks a permission"
              + f.param().map(p -> " (" + p + ")").orElse("")
              + "; an admin should grant it.";
      case RATE_LIMITED -> "Stripe kept rate limiting the invoice list.";
      case UNAVAILABLE -> "Stripe could not be reached or failed" + code + ".";
      case INVALID, NOT_FOUND, CONFLICT, SIGNATURE -> "Stripe refused the request" + code + ".";
    };
  }
}
