package dev.invoicebridge.invoicing.stripe;

import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Customers, found by email and created at most once per email. Case: the email is stored
 * lower-cased; lookups try the lower-cased form and, if the caller's spelling differs, that exact
 * spelling too (customers created in the Dashboard keep their case). Among several matches the one
 * linked to the CRM record wins, then the oldest.
 */
public final class StripeCustomers {
  static final String CRM_RECORD_KEY = "attio_record_id";
  private static final int STRIPES = 64;
  // Deletions of one email's customer within a day before the key turns random.
  private static final int MAX_GENERATIONS = 5;

  private final StripeCalls calls;
  // Creates for one email are serialized in this process; the idempotency key covers the rest.
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  StripeCustomers(StripeCalls calls) {
    this.calls = calls;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** The customer for this email, if Stripe has one (strongly consistent list filter). */
  public Optional<StripeCustomer> findByEmail(CustomerDetails details) {
    return matches(details).stream().min(preference(details)).map(StripeCustomers::toCustomer);
  }

  /** The existing customer for the email, or a new one; never two for one email. */
  public StripeCustomer findOrCreate(CustomerDetails details) {
    ReentrantLock lock = lock(details);
    lock.lock();
    try {
      return findByEmail(details).orElseGet(() -> createOrAdopt(details));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Changes the customer's name and email (stored lower-cased, as on create). Refused with a {@link
   * StripeFailure.StateConflict} when another customer already has that email: one email, one
   * customer.
   */
  public StripeCustomer update(StripeCustomerId id, CustomerDetails details) {
    ReentrantLock lock = lock(details);
    lock.lock();
    try {
      Optional<Customer> other =
          matches(details).stream().filter(c -> !id.value().equals(c.getId())).findFirst();
      if (other.isPresent()) {
        throw StripeFailure.stateConflict(
            "Another Stripe customer ("
                + other.get().getId()
                + ") already has this email; change that one, or use another email.");
      }
      CustomerUpdateParams.Builder params =
          CustomerUpdateParams.builder()
              .setEmail(details.normalizedEmail())
              .setName(details.name());
      details.crmRecordId().ifPresent(r -> params.putMetadata(CRM_RECORD_KEY, r));
      return toCustomer(calls.call(c -> c.v1().customers().update(id.value(), params.build())));
    } finally {
      lock.unlock();
    }
  }

  /** The currency Stripe fixed for the customer at its first invoice, if any yet. */
  public Optional<String> currency(StripeCustomerId id) {
    return Optional.ofNullable(
        calls.call(c -> c.v1().customers().retrieve(id.value())).getCurrency());
  }

  public StripeCustomer retrieve(StripeCustomerId id) {
    return toCustomer(calls.call(c -> c.v1().customers().retrieve(id.value())));
  }

  /** Every customer with the email, in our spelling and the caller's. */
  private List<Customer> matches(CustomerDetails details) {
    Set<String> spellings =
        new LinkedHashSet<>(List.of(details.normalizedEmail(), details.email()));
    List<Customer> found = new ArrayList<>();
    for (String email : spellings) {
      CustomerListParams params =
          CustomerListParams.builder().setEmail(email).setLimit(100L).build();
      found.addAll(calls.call(c -> c.v1().customers().list(params)).getData());
    }
    return found;
  }

  private ReentrantLock lock(CustomerDetails details) {
    return locks[Math.floorMod(details.normalizedEmail().hashCode(), STRIPES)];
  }

  private StripeCustomer createOrAdopt(CustomerDetails details) {
    try {
      return create(details);
    } catch (StripeFailure.StateConflict e) {
      // Another process used this email's key with other details first: its customer stands.
      return findByEmail(details).orElseThrow(() -> e);
    }
  }

  /**
   * Creates the customer under the email's key. Stripe replays that key's first answer for 24
   * hours, even after the customer it made was deleted, so a replay is checked: a customer that is
   * gone (or no longer has the email) is made again under the next generation of the key.
   */
  private StripeCustomer create(CustomerDetails details) {
    CustomerCreateParams.Builder builder =
        CustomerCreateParams.builder().setEmail(details.normalizedEmail()).setName(details.name());
    details.crmRecordId().ifPresent(r -> builder.putMetadata(CRM_RECORD_KEY, r));
    CustomerCreateParams params = builder.build();
    for (int generation = 1; ; generation++) {
      String key =
          generation <= MAX_GENERATIONS
              ? IdempotencyKeys.customer(details.normalizedEmail(), generation)
              : IdempotencyKeys.customer(details.normalizedEmail() + "|" + UUID.randomUUID(), 1);
      Customer made =
          calls.call(c -> c.v1().customers().create(params, StripeCalls.idempotent(key)));
      if (!StripeCalls.replayed(made) || stillHolds(made.getId(), details)) {
        return toCustomer(made);
      }
    }
  }

  private boolean stillHolds(String id, CustomerDetails details) {
    try {
      Customer now = calls.call(c -> c.v1().customers().retrieve(id));
      return !Boolean.TRUE.equals(now.getDeleted())
          && details.normalizedEmail().equals(now.getEmail());
    } catch (StripeFailure.NotFound gone) {
      return false;
    }
  }

  private static Comparator<Customer> preference(CustomerDetails details) {
    Comparator<Customer> linked =
        Comparator.comparing(
            c ->
                !(details.crmRecordId().isPresent()
                    && details.crmRecordId().get().equals(metadata(c).get(CRM_RECORD_KEY))));
    return linked
        .thenComparing(c -> c.getCreated() == null ? 0L : c.getCreated())
        .thenComparing(Customer::getId);
  }

  private static java.util.Map<String, String> metadata(Customer c) {
    return c.getMetadata() == null ? java.util.Map.of() : c.getMetadata();
  }

  static StripeCustomer toCustomer(Customer c) {
    return new StripeCustomer(
        new StripeCustomerId(c.getId()), c.getEmail(), c.getName(), metadata(c));
  }
}
