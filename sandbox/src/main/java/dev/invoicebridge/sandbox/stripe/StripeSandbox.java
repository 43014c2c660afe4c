package dev.invoicebridge.sandbox.stripe;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One emulated Stripe test-mode account: its objects, keys, limits, faults and webhooks. The
 * servlet feeds it HTTP calls; tests and the control endpoints steer it through its public methods.
 */
public final class StripeSandbox implements AutoCloseable {
  private final Supplier<String> secretKey;
  private final String accountId;
  private final StripeStore store;
  private final EventLog events;
  private final Router router = new Router();
  private final Permissions permissions = new Permissions();
  private final IdempotencyKeys idempotency;
  private final RateLimiter rateLimiter;
  private final Faults faults = new Faults();
  private final WebhookDelivery delivery;
  private final CatalogApi catalog;
  private final InvoiceLifecycle lifecycle;
  private final WebhookEndpointsApi endpoints;
  private final AtomicLong apiCalls = new AtomicLong();
  private volatile Duration timeoutDelay = Duration.ofSeconds(35);

  /**
   * @param secretKey the account's secret key ({@code sk_test_...}), read at request time
   * @param accountId the emulated account's id ({@code acct_...})
   * @param clock the source of every timestamp: created, event times, signatures, rate windows
   */
  public StripeSandbox(Supplier<String> secretKey, String accountId, Clock clock) {
    this.secretKey = secretKey;
    this.accountId = accountId;
    this.store = new StripeStore(clock);
    this.events = new EventLog(store);
    this.idempotency = new IdempotencyKeys(clock);
    this.rateLimiter = new RateLimiter(clock, RateLimiter.TEST_MODE_PER_SECOND);
    this.delivery = new WebhookDelivery(clock);
    this.catalog = new CatalogApi(store, events);
    this.lifecycle = new InvoiceLifecycle(store, events, accountId);
    this.endpoints = new WebhookEndpointsApi(store);
    new CustomersApi(store, events).register(router);
    catalog.register(router);
    new InvoicesApi(store, events).register(router);
    new InvoiceItemsApi(store, events, catalog).register(router);
    lifecycle.register(router);
    endpoints.register(router);
    events.register(router);
    router.add("GET", "/v1/account", Permissions.Resource.ACCOUNT, Allowed.NONE, c -> account());
  }

  String accountId() {
    return accountId;
  }

  Supplier<String> secretKey() {
    return secretKey;
  }

  Router router() {
    return router;
  }

  Permissions permissions() {
    return permissions;
  }

  IdempotencyKeys idempotency() {
    return idempotency;
  }

  RateLimiter rateLimiter() {
    return rateLimiter;
  }

  Faults faults() {
    return faults;
  }

  Duration timeoutDelay() {
    return timeoutDelay;
  }

  StripeStore store() {
    return store;
  }

  /**
   * Runs a handler under the account's lock, all or nothing: a handler that throws leaves no
   * object, line or event behind (unless its error says the changes stand). Then hands the call's
   * events to webhook delivery.
   */
  Map<String, Object> execute(Call call, Router.Handler handler) {
    try {
      synchronized (store) {
        store.begin();
        try {
          Map<String, Object> body = handler.handle(call);
          Expander.expand(body, call.params().strings("expand"), store);
          store.commit();
          return body;
        } catch (StripeApiException e) {
          if (e.keepsChanges()) {
            store.commit();
          } else {
            undo(call);
          }
          throw e;
        } catch (RuntimeException e) {
          undo(call);
          throw e;
        }
      }
    } finally {
      if (!call.events().isEmpty()) {
        delivery.deliver(call.events(), events::subscribers, endpoints::secret);
      }
    }
  }

  private void undo(Call call) {
    store.rollback();
    call.discardEvents();
  }

  /** How many /v1 calls reached the sandbox, whatever their outcome. */
  public long apiCalls() {
    return apiCalls.get();
  }

  long countCall() {
    return apiCalls.incrementAndGet();
  }

  public void resetApiCalls() {
    apiCalls.set(0);
  }

  /** Creates or replaces a restricted key with permissions such as {@code invoice_write}. */
  public void grantRestrictedKey(String key, Set<String> permissionIds) {
    permissions.grant(key, permissionIds);
  }

  /** Read and write operations allowed per second each; 0 turns the limit off. */
  public void rateLimitPerSecond(int limit) {
    rateLimiter.perSecond(limit);
  }

  public void injectFaults(StripeFault fault, int count) {
    faults.inject(fault, count);
  }

  /** How long a {@link StripeFault#TIMEOUT} holds the call before answering 500. */
  public void timeoutDelay(Duration delay) {
    this.timeoutDelay = delay;
  }

  /** Adds a product with a one-time default price; returns the price id. */
  public String seedPrice(String productName, String currency, long unitAmount) {
    Call call = new Call(new Params(Map.of()), List.of(), null, null);
    return (String)
        execute(
                call,
                c -> {
                  Map<String, Object> product =
                      catalog.product(c, new Params(Map.of("name", productName)));
                  Map<String, Object> price =
                      catalog.price(
                          c,
                          new Params(Map.of("currency", currency)),
                          (String) product.get("id"),
                          true,
                          Optional.of(unitAmount));
                  product.put("default_price", price.get("id"));
                  return price;
                })
            .get("id");
  }

  /** The customer paid the invoice (as on the hosted page): it becomes paid, with its events. */
  public void markPaid(String invoiceId) {
    invoiceTransition(invoiceId, (c, inv) -> lifecycle.settle(c, inv));
  }

  /** A collection attempt failed: invoice.payment_failed, the invoice stays open. */
  public void paymentFailed(String invoiceId) {
    invoiceTransition(invoiceId, (c, inv) -> lifecycle.paymentFailed(c, inv));
  }

  /** Test switches: deliver every event twice, or each call's events in reverse order. */
  public void webhookSwitches(boolean duplicates, boolean outOfOrder, Duration retryBase) {
    webhookSwitches(
        new WebhookSwitches(duplicates, outOfOrder, false, 0, Optional.empty(), false, retryBase));
  }

  /** Test switches for webhook delivery; turning the hold off releases what it held. */
  public void webhookSwitches(WebhookSwitches switches) {
    delivery.switches(switches);
  }

  public WebhookSwitches webhookSwitches() {
    return delivery.switches();
  }

  /** Delivers every held event as one batch; returns the number of deliveries, copies included. */
  public int releaseWebhooks() {
    return delivery.release();
  }

  public WebhookBacklog webhookBacklog() {
    return delivery.backlog();
  }

  public List<WebhookAttempt> webhookAttempts() {
    return delivery.attempts();
  }

  private void invoiceTransition(
      String invoiceId, java.util.function.BiConsumer<Call, Map<String, Object>> transition) {
    Call call = new Call(new Params(Map.of()), List.of(invoiceId), null, null);
    execute(
        call,
        c -> {
          Map<String, Object> inv = store.get("invoice", invoiceId, "invoice");
          if (!Set.of("open", "uncollectible").contains((String) inv.get("status"))) {
            throw StripeApiException.transition(Refusals.pay((String) inv.get("status")));
          }
          transition.accept(c, inv);
          return store.render(inv);
        });
  }

  private Map<String, Object> account() {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("id", accountId);
    body.put("object", "account");
    body.put("business_profile", Map.of("name", "Invoicebridge Sandbox Ltd"));
    body.put("charges_enabled", true);
    body.put("country", "US");
    body.put("default_currency", "usd");
    body.put("details_submitted", true);
    body.put("email", "billing@sandbox.invoicebridge.dev");
    body.put("payouts_enabled", true);
    body.put("type", "standard");
    return body;
  }

  @Override
  public void close() {
    delivery.close();
  }
}
