package dev.invoicebridge.sync;

import dev.invoicebridge.security.ValidationFailure;
import dev.invoicebridge.vault.Secret;
import java.util.regex.Pattern;

/**
 * The shape of a pasted Stripe API key, checked before Stripe is asked. Messages name the field and
 * what is wrong, never the key or a part of it.
 */
final class StripeKeys {
  /** The request field the key arrives in. */
  static final String FIELD = "secret_key";

  private static final Pattern KEY = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9]{8,240}");
  private static final String WANTED = "paste a secret key (sk_…) or a restricted key (rk_…)";

  private StripeKeys() {}

  /** The key without the whitespace pasting adds; a {@link ValidationFailure} if it is no key. */
  static Secret parse(String pasted) {
    String key = pasted == null ? "" : pasted.strip();
    if (key.isEmpty()) {
      throw new ValidationFailure(FIELD, "is required: " + WANTED + " from the Stripe Dashboard");
    }
    if (key.startsWith("pk_")) {
      throw new ValidationFailure(
          FIELD, "is a publishable key, which cannot create invoices; " + WANTED);
    }
    if (key.startsWith("whsec_")) {
      throw new ValidationFailure(FIELD, "is a webhook signing secret, not an API key; " + WANTED);
    }
    if (!KEY.matcher(key).matches()) {
      throw new ValidationFailure(
          FIELD,
          "must start with sk_test_, sk_live_, rk_test_ or rk_live_, followed by letters and"
              + " digits only");
    }
    return new Secret(key);
  }
}
