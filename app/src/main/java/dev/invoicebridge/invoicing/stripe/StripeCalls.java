package dev.invoicebridge.invoicing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Runs stripe-java calls with our retry rules and turns their exceptions into ours. */
final class StripeCalls {
  /** One call to stripe-java. */
  @FunctionalInterface
  interface StripeCall<T> {
    T call(StripeClient client) throws StripeException;
  }

  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final StripeClient client;
  private final RetryPolicy retries;
  private final Pause pause;

  StripeCalls(StripeSettings settings, Pause pause) {
    int timeout = (int) settings.timeout().toMillis();
    this.client =
        StripeClient.builder()
            .setApiKey(settings.apiKey().reveal())
            .setApiBase(settings.apiBase().toString().replaceAll("/+$", ""))
            .setConnectTimeout(timeout)
            .setReadTimeout(timeout)
            // Every retry rule is in RetryPolicy; stripe-java must not retry on its own.
            .setMaxNetworkRetries(0)
            .build();
    this.retries = new RetryPolicy(settings.maxAttempts());
    this.pause = pause;
  }

  StripeClient client() {
    return client;
  }

  <T> T call(StripeCall<T> call) {
    AtomicReference<StripeFailure> last = new AtomicReference<>();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.call(client);
      } catch (StripeException e) {
        last.set(StripeErrors.map(e));
      }
      Optional<Duration> wait = retries.backoff(last.get(), attempt);
      if (wait.isEmpty()) {
        throw last.get();
      }
      try {
        pause.pause(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw last.get();
      }
    }
  }

  /**
   * Whether Stripe answered from its idempotency store instead of running the call: the object may
   * have changed, or been deleted, since the first call made it.
   */
  static boolean replayed(StripeObject answer) {
    return answer.getLastResponse() != null
        && answer
            .getLastResponse()
            .headers()
            .firstValue("Idempotent-Replayed")
            .map("true"::equalsIgnoreCase)
            .orElse(false);
  }

  /** Options carrying a deterministic idempotency key. */
  static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }
}
