package dev.invoicebridge.sandbox.attio;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** {@link AttioSandboxControl} over one servlet's fault queue, limiter and webhook delivery. */
final class ServletControl implements AttioSandboxControl {
  private final FaultInjector faults;
  private final RateLimiter limiter;
  private final WebhookDelivery delivery;
  private final Consumer<Boolean> reset;

  ServletControl(
      FaultInjector faults,
      RateLimiter limiter,
      WebhookDelivery delivery,
      Consumer<Boolean> reset) {
    this.faults = faults;
    this.limiter = limiter;
    this.delivery = delivery;
    this.reset = reset;
  }

  @Override
  public void failNext(int count, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("a server error fault needs a 5xx status, got " + status);
    }
    faults.add(
        new FaultInjector.Fault(FaultInjector.Kind.SERVER_ERROR, status, Duration.ZERO), count);
  }

  @Override
  public void hangNext(int count, Duration hang) {
    faults.add(new FaultInjector.Fault(FaultInjector.Kind.TIMEOUT, 504, hang), count);
  }

  @Override
  public void loseAnswerNext(int count, Duration hang) {
    faults.add(new FaultInjector.Fault(FaultInjector.Kind.LOST_ANSWER, 504, hang), count);
  }

  @Override
  public void rateLimitNext(int count) {
    faults.add(new FaultInjector.Fault(FaultInjector.Kind.RATE_LIMIT, 429, Duration.ZERO), count);
  }

  @Override
  public void clearFaults() {
    faults.clear();
  }

  @Override
  public void rateLimits(double readsPerSecond, double writesPerSecond) {
    limiter.limits(readsPerSecond, writesPerSecond);
  }

  @Override
  public void reset(boolean demo) {
    reset.accept(demo);
  }

  @Override
  public List<WebhookAttempt> webhookAttempts() {
    return delivery.attempts();
  }
}
