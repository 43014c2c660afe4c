package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.vault.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StripeCustomersTest {
  private static StripeSandboxRig rig;
  private static StripeCustomers customers;

  @BeforeAll
  static void start() {
    rig = new StripeSandboxRig();
    customers = rig.invoicing().customers();
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void twenty_concurrent_creates_for_one_email_make_one_customer() throws Exception {
    CustomerDetails jane = new CustomerDetails("jane@race.example", "Jane", Optional.of("rec-1"));
    CountDownLatch start = new CountDownLatch(1);
    List<Future<StripeCustomer>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
      for (int i = 0; i < 20; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return customers.findOrCreate(jane);
                }));
      }
      start.countDown();
      List<StripeCustomerId> ids = new ArrayList<>();
      for (Future<StripeCustomer> f : results) {
        ids.add(f.get().id());
      }
      assertThat(ids).containsOnly(ids.getFirst());
    }
    assertThat(customerCount("jane@race.example")).isEqualTo(1);
  }

  @Test
  void twenty_creates_from_two_instances_over_http_make_one_customer() throws Exception {
    CustomerDetails bob = new CustomerDetails("bob@two.example", "Bob", Optional.empty());
    // Two adapters share no lock, like two service instances: the deterministic key decides.
    // They pause between retries as in production, so a 409 (the other's create in flight)
    // clears before the retry.
    List<StripeCustomers> instances = List.of(instance(), instance());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<StripeCustomer>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
      for (int i = 0; i < 20; i++) {
        StripeCustomers instance = instances.get(i % 2);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return instance.findOrCreate(bob);
                }));
      }
      start.countDown();
      List<StripeCustomerId> ids = new ArrayList<>();
      for (Future<StripeCustomer> f : results) {
        ids.add(f.get().id());
      }
      assertThat(ids).hasSize(20).containsOnly(ids.getFirst());
    }
    assertThat(customerCount("bob@two.example")).isEqualTo(1);
  }

  @Test
  void a_customer_deleted_since_its_create_is_made_again_not_replayed() {
    CustomerDetails dora = new CustomerDetails("dora@deleted.example", "Dora", Optional.empty());
    StripeCustomer first = customers.findOrCreate(dora);
    SandboxHttp.send(
        rig,
        SandboxHttp.request(rig, "/v1/customers/" + first.id().value()).DELETE(),
        StripeSandboxRig.SECRET_KEY);

    // Another instance (no memory of the first) asks again within Stripe's 24 hours.
    StripeCustomer again = rig.invoicing().customers().findOrCreate(dora);
    StripeCustomer third = rig.invoicing().customers().findOrCreate(dora);

    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(SandboxHttp.get(rig, "/v1/customers/" + again.id().value()).body().has("deleted"))
        .isFalse();
    assertThat(third.id()).isEqualTo(again.id());
    assertThat(customerCount("dora@deleted.example")).isEqualTo(1);
  }

  @Test
  void an_update_to_an_email_another_customer_has_is_refused() {
    StripeCustomer taken =
        customers.findOrCreate(new CustomerDetails("taken@update.example", "T", Optional.empty()));
    StripeCustomer other =
        customers.findOrCreate(new CustomerDetails("other@update.example", "O", Optional.empty()));

    assertThatThrownBy(
            () ->
                customers.update(
                    other.id(), new CustomerDetails("Taken@Update.example", "O", Optional.empty())))
        .isInstanceOf(StripeFailure.StateConflict.class)
        .hasMessageContaining(taken.id().value());
    assertThat(customers.retrieve(other.id()).email()).isEqualTo("other@update.example");
    // Its own email, re-sent, is no conflict.
    assertThat(
            customers
                .update(
                    other.id(),
                    new CustomerDetails("other@update.example", "Olga", Optional.empty()))
                .name())
        .isEqualTo("Olga");
  }

  /** An adapter as a separate service instance would build it, pausing between retries. */
  private static StripeCustomers instance() {
    return StripeInvoicing.connect(
            StripeSettings.of(new Secret(StripeSandboxRig.SECRET_KEY), rig.baseUri()))
        .customers();
  }

  @Test
  void an_email_differing_only_in_case_finds_the_same_customer() {
    StripeCustomer created =
        customers.findOrCreate(
            new CustomerDetails("Ana.Lima@Case.example", "Ana", Optional.empty()));

    Optional<StripeCustomer> found =
        customers.findByEmail(
            new CustomerDetails("ana.lima@case.example", "Ana", Optional.empty()));

    assertThat(created.email()).isEqualTo("ana.lima@case.example");
    assertThat(found).map(StripeCustomer::id).contains(created.id());
  }

  @Test
  void the_email_filter_is_an_exact_match() {
    customers.findOrCreate(new CustomerDetails("exact@match.example", "E", Optional.empty()));

    assertThat(
            customers.findByEmail(new CustomerDetails("exact@match.exampl", "E", Optional.empty())))
        .isEmpty();
  }

  @Test
  void update_changes_name_and_email() {
    StripeCustomer c =
        customers.findOrCreate(new CustomerDetails("old@update.example", "Old", Optional.of("r9")));

    StripeCustomer updated =
        customers.update(
            c.id(), new CustomerDetails("New@Update.example", "New", Optional.of("r9")));

    assertThat(updated.name()).isEqualTo("New");
    assertThat(updated.email()).isEqualTo("new@update.example");
    assertThat(customers.retrieve(c.id()).metadata()).containsEntry("attio_record_id", "r9");
  }

  private static long customerCount(String email) {
    return SandboxHttp.list(rig, "/v1/customers?limit=100&email=" + email).size();
  }
}
