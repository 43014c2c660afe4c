package dev.invoicebridge.web;

import dev.invoicebridge.invoicing.CreateInvoice;
import dev.invoicebridge.invoicing.InvoiceBody;
import dev.invoicebridge.invoicing.InvoiceConflict;
import dev.invoicebridge.invoicing.Invoices;
import dev.invoicebridge.invoicing.Invoices.Created;
import dev.invoicebridge.invoicing.Invoices.IdempotencyKey;
import dev.invoicebridge.security.CurrentActor;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Makes the dialog's submit idempotent. Each opened dialog carries a key of its own; a submit
 * creates under that key and a digest of the request, so a double click, a browser resubmit or a
 * retry after a failure ends at the same invoice, created once.
 */
@Component
class DialogSubmits {
  static final String FIELD = "idempotency_key";

  /** A double click's second request waits this long for the first one to finish. */
  static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);

  private static final Duration PAUSE = Duration.ofMillis(200);
  private static final Pattern KEY =
      Pattern.compile("dialog-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Invoices invoices;

  DialogSubmits(Invoices invoices) {
    this.invoices = invoices;
  }

  static String newKey() {
    return "dialog-" + UUID.randomUUID();
  }

  /**
   * Creates the invoice once per dialog and request. A second submit that arrives while the first
   * is still running waits for it (the browser shows the second response), then answers with the
   * same invoice.
   */
  Created create(CreateInvoice request, String key, InvoiceBody body) {
    Optional<IdempotencyKey> idempotency =
        key != null && KEY.matcher(key).matches()
            ? Optional.of(IdempotencyKey.of(key, "web-dialog|" + body))
            : Optional.empty();
    long attempts = WAIT_FOR_FIRST.toMillis() / PAUSE.toMillis();
    for (long attempt = 1; ; attempt++) {
      try {
        return invoices.create(CurrentActor.get().workspaceId(), request, idempotency);
      } catch (InvoiceConflict e) {
        if (e.reason() != InvoiceConflict.Reason.IDEMPOTENCY_KEY_IN_PROGRESS
            || attempt >= attempts
            || !pause()) {
          throw e;
        }
      }
    }
  }

  /** A short wait between looks at the first request; false when the thread is interrupted. */
  private static boolean pause() {
    try {
      Thread.sleep(PAUSE);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
