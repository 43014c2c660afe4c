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
    Set<String> spellings =
        new LinkedHashSet<>(List.of(details.normalizedEmail(), details.email()));
    List<Customer> found = new ArrayList<>();
    for (String email : spellings) {
      found.addAll(
          calls
              .call(
                  c ->
                      c.v1()
                          .customers()
                          .list(
                              CustomerListParams.builder().setEmail(email).setLimit(100L).build()))
              .getData());
    }
    return found.stream().min(preference(details)).map(StripeCustomers::toCustomer);
  }

  /** The existing customer for the email, or a new one; never two for one email. */
  public StripeCustomer findOrCreate(CustomerDetails details) {
    ReentrantLock lock = locks[Math.floorMod(details.normalizedEmail().hashCode(), STRIPES)];
    lock.lock();
    try {
      return findByEmail(details).orElseGet(() -> createOrAdopt(details));
    } finally {
      lock.unlock();
    }
  }

  /** Changes the customer's name and email (stored lower-cased, as on create). */
  public StripeCustomer update(StripeCustomerId id, CustomerDetails details) {
    CustomerUpdateParams.Builder params =
        CustomerUpdateParams.builder().setEmail(details.normalizedEmail()).setName(details.name());
    details.crmRecordId().ifPresent(r -> params.putMetadata(CRM_RECORD_KEY, r));
    return toCustomer(calls.call(c -> c.v1().customers().update(id.value(), params.build())));
  }

  /** The currency Stripe fixed for the customer at its first invoice, if any yet. */
  public Optional<String> currency(StripeCustomerId id) {
    return Optional.ofNullable(
        calls.call(c -> c.v1().customers().retrieve(id.value())).getCurrency());
  }

  public StripeCustomer retrieve(StripeCustomerId id) {
    return toCustomer(calls.call(c -> c.v1().customers().retrieve(id.value())));
  }

  private StripeCustomer createOrAdopt(CustomerDetails details) {
    try {
      return create(details);
    } catch (StripeFailure.StateConflict e) {
      // Another process used this email's key with other details first: its customer stands.
      return findByEmail(details).orElseThrow(() -> e);
    }
  }

  private StripeCustomer create(CustomerDetails details) {
    CustomerCreateParams.Builder params =
        CustomerCreateParams.builder().setEmail(details.normalizedEmail()).setName(details.name());
    details.crmRecordId().ifPresent(r -> params.putMetadata(CRM_RECORD_KEY, r));
    String key = IdempotencyKeys.customer(details.normalizedEmail());
    return toCustomer(
        calls.call(c -> c.v1().customers().create(params.build(), StripeCalls.idempotent(key))));
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
