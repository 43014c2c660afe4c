package dev.invoicebridge.attio;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook target for tests: keeps each delivery and answers with scripted statuses. */
final class WebhookReceiver extends HttpServlet {
  @Serial private static final long serialVersionUID = 1L;

  /** One delivery as received. */
  record Delivery(byte[] body, Map<String, String> headers) {}

  private final transient BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final transient ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

  /** The next deliveries are answered with these statuses, then 200. */
  void answer(Integer... next) {
    statuses.addAll(List.of(next));
  }

  Delivery next(Duration wait) throws InterruptedException {
    Delivery d = deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (d == null) {
      throw new AssertionError("no webhook delivery within " + wait);
    }
    return d;
  }

  Delivery poll() {
    return deliveries.poll();
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] body = req.getInputStream().readAllBytes();
    deliveries.add(
        new Delivery(
            body,
            Map.of(
                "Attio-Signature", String.valueOf(req.getHeader("Attio-Signature")),
                "X-Attio-Signature", String.valueOf(req.getHeader("X-Attio-Signature")),
                "Idempotency-Key", String.valueOf(req.getHeader("Idempotency-Key")))));
    Integer status = statuses.poll();
    resp.setStatus(status == null ? 200 : status);
  }
}
