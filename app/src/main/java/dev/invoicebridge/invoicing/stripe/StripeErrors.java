package dev.invoicebridge.invoicing.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import dev.invoicebridge.invoicing.stripe.StripeFailure.Details;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place where stripe-java's exceptions become {@link StripeFailure}s. */
final class StripeErrors {
  // Matches both "Having the 'rak_x_read' permission" and "Enabling \"X Write\" ('x_write')".
  private static final Pattern PERMISSION =
      Pattern.compile("'(rak_[a-z_]+|[a-z_]+_(?:read|write))'");
  private static final Set<String> STATE_CODES =
      Set.of("invoice_not_editable", "resource_already_exists");

  private StripeErrors() {}

  static StripeFailure map(StripeException e) {
    Details details =
        new Details(
            e.getCode(), e.getStatusCode() == null ? 0 : e.getStatusCode(), e.getRequestId());
    String message = e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage();
    String param = e.getStripeError() == null ? null : e.getStripeError().getParam();
    return switch (e) {
      // PermissionException extends AuthenticationException, so it must come first.
      case PermissionException p ->
          new StripeFailure.Permission(message, details, permission(message), e);
      case AuthenticationException a -> new StripeFailure.Authentication(message, details, e);
      case RateLimitException r -> new StripeFailure.RateLimited(message, details, e);
      // The same key with other parameters: the earlier call won; this one conflicts with it.
      case IdempotencyException i -> new StripeFailure.StateConflict(message, details, e);
      case InvalidRequestException i -> invalidRequest(message, details, param, e);
      case ApiConnectionException c -> new StripeFailure.Connection(message, details, e);
      default ->
          details.status() == 409
              ? new StripeFailure.StateConflict(message, details, e)
              : new StripeFailure.ServerError(message, details, e);
    };
  }

  private static StripeFailure invalidRequest(
      String message, Details details, String param, StripeException e) {
    if ("resource_missing".equals(details.code())) {
      return new StripeFailure.NotFound(message, details, param, e);
    }
    if (details.code() != null && STATE_CODES.contains(details.code())) {
      return new StripeFailure.StateConflict(message, details, e);
    }
    return new StripeFailure.InvalidRequest(message, details, param, e);
  }

  private static String permission(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = PERMISSION.matcher(message);
    String found = null;
    // The key itself is quoted first ('rk_test_...'); the permission is the last quoted id.
    while (m.find()) {
      found = m.group(1);
    }
    return found;
  }
}
