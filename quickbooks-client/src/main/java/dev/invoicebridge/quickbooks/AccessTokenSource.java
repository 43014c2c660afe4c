package dev.invoicebridge.quickbooks;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the client gets OAuth access tokens for one company, and renews one QuickBooks rejected.
 */
public interface AccessTokenSource {
  /** A token to call the API with now; refreshes first when the stored one is about to expire. */
  String accessToken();

  /**
   * Called once after QuickBooks answered 401 to {@code rejected}: returns a token to retry with
   * (refreshing if nobody else has yet), or throws when the connection cannot be renewed.
   */
  String renewAfterRejection(String rejected);

  /** A fixed token that cannot be renewed, such as the sandbox's pre-issued one. */
  static AccessTokenSource fixed(Supplier<String> token) {
    Objects.requireNonNull(token, "token");
    return new AccessTokenSource() {
      @Override
      public String accessToken() {
        return token.get();
      }

      @Override
      public String renewAfterRejection(String rejected) {
        return null;
      }
    };
  }
}
