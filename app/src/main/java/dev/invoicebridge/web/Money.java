package dev.invoicebridge.web;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Amounts between the providers' minor units and what people read and type. */
final class Money {
  private Money() {}

  /** {@code 25000, "usd"} becomes {@code "USD 250.00"}. */
  static String format(long minor, String currency) {
    return currency.toUpperCase(Locale.ROOT)
        + " "
        + BigDecimal.valueOf(minor).movePointLeft(digits(currency)).toPlainString();
  }

  /** {@code "150.5", "usd"} becomes {@code 15050}; {@link ArithmeticException} if too precise. */
  static long minorUnits(String typed, String currency) {
    return new BigDecimal(typed.strip()).movePointRight(digits(currency)).longValueExact();
  }

  static int digits(String currency) {
    try {
      return Math.max(
          0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
    } catch (IllegalArgumentException | NullPointerException e) {
      return 2;
    }
  }
}
