package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

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
  void two_instances_racing_on_one_email_are_deduplicated_by_the_idempotency_key()
      throws Exception {
    CustomerDetails bob = new CustomerDetails("bob@two.example", "Bob", Optional.empty());
    // Two adapters share no lock, like two service instances: the deterministic key decides.
    List<StripeCustomers> instances =
        List.of(rig.invoicing().customers(), rig.invoicing().customers());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<StripeCustomer>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
      for (int i = 0; i < 10; i++) {
        StripeCustomers instance = instances.get(i % 2);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return instance.findOrCreate(bob);
                }));
      }
      start.countDown();
      for (Future<StripeCustomer> f : results) {
        f.get();
      }
    }
    assertThat(customerCount("bob@two.example")).isEqualTo(1);
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
