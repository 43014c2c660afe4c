package dev.invoicebridge.sandbox.quickbooks;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The state of the emulated QuickBooks: the app registration, its sandbox companies, the OAuth
 * server, throttling, queued faults and webhooks. Serve it with {@link QuickBooksSandboxServlet}.
 */
public final class QuickBooksSandbox {
  private final Clock clock;
  private final SandboxSettings settings;
  private final Map<String, SandboxCompany> companies = new ConcurrentHashMap<>();
  private final OAuthServer oauth;
  private final Throttle throttle;
  private final FaultPlan faults = new FaultPlan();
  private final WebhookDispatcher webhooks;
  private final CallLog calls = new CallLog();

  public QuickBooksSandbox(SandboxSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = settings;
    this.oauth = new OAuthServer(settings, clock);
    this.throttle = new Throttle(settings.limits(), clock);
    this.webhooks = new WebhookDispatcher(settings.verifierToken(), clock);
  }

  /** Adds a sandbox company the consent page offers. */
  public SandboxCompany addCompany(String realmId, String name) {
    return companies.computeIfAbsent(realmId, r -> new SandboxCompany(r, name, clock));
  }

  /**
   * Registers a redirect URI for the emulated app, as an admin does in Intuit's developer portal:
   * the consent page only redirects to registered URIs. Intuit requires https; the emulator also
   * takes {@code http://localhost} and {@code http://127.0.0.1} for local development.
   */
  public void registerRedirectUri(URI uri) {
    oauth.registerRedirectUri(uri);
  }

  /** Changes the lifetimes of tokens issued from now on (also a control endpoint). */
  public void tokenLifetimes(SandboxSettings.TokenLifetimes lifetimes) {
    oauth.lifetimes(lifetimes);
  }

  /** Every Accounting API call answered, for tests and the {@code /_control/calls} endpoint. */
  public CallLog calls() {
    return calls;
  }

  /** Lets the service's sandbox mode use a token it generated itself (no expiry) for one realm. */
  public void acceptPreIssuedToken(Supplier<String> token, String realmId) {
    oauth.acceptPreIssued(token, realmId);
  }

  /** The emulated app registration: the service's sandbox mode connects with these credentials. */
  public SandboxSettings settings() {
    return settings;
  }

  /** How many refresh_token grants the token endpoint has honoured. */
  public int refreshGrants() {
    return oauth.refreshGrants();
  }

  public List<SandboxCompany> companies() {
    return companies.values().stream()
        .sorted(Comparator.comparing(SandboxCompany::realmId))
        .toList();
  }

  public Optional<SandboxCompany> company(String realmId) {
    return Optional.ofNullable(companies.get(realmId));
  }

  Clock clock() {
    return clock;
  }

  OAuthServer oauth() {
    return oauth;
  }

  Throttle throttle() {
    return throttle;
  }

  FaultPlan faults() {
    return faults;
  }

  WebhookDispatcher webhooks() {
    return webhooks;
  }
}
