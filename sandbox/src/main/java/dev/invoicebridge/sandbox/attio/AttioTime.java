package dev.invoicebridge.sandbox.attio;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Attio's timestamps: UTC with nine fractional digits, such as 2022-11-21T13:22:49.061281000Z. */
final class AttioTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AttioTime() {}

  static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }
}
