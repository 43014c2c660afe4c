package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.quickbooks.oauth.InMemoryOAuthTokenStore;
import dev.invoicebridge.quickbooks.oauth.QuickBooksTokens;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerAndItemTest {
  static QuickBooksSandboxFixture qbo;
  static QuickBooksTokens tokens;
  static HttpQuickBooksClient client;

  @BeforeAll
  static void start() {
    qbo = new QuickBooksSandboxFixture();
    tokens = qbo.connectedTokens(new InMemoryOAuthTokenStore());
    client = qbo.client(tokens);
  }

  @AfterAll
  static void stop() {
    qbo.close();
  }

  @Test
  void find_or_create_reuses_the_customer_found_by_email() {
    Customer first =
        client.findOrCreateCustomer(
            new NewCustomer("Amy's Bird Sanctuary", null, "amy@birds.example", null));
    Customer again =
        client.findOrCreateCustomer(
            new NewCustomer("Amy Lauterbach", null, "amy@birds.example", null));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(first.currency()).isEqualTo("USD");
    assertThat(client.findCustomerByDisplayName("Amy's Bird Sanctuary")).contains(first);
  }

  @Test
  void find_or_create_adopts_the_customer_holding_the_display_name() {
    Customer holder =
        client.createCustomer(new NewCustomer("King's Groceries", "King Groceries", null, null));

    Customer found =
        client.findOrCreateCustomer(
            new NewCustomer("King's Groceries", null, "ap@king.example", null));

    assertThat(found.id()).isEqualTo(holder.id());
  }

  @Test
  void concurrent_find_or_create_never_duplicates() throws Exception {
    List<Customer> results =
        TokenRefreshTest.concurrently(
            8,
            () ->
                client.findOrCreateCustomer(
                    new NewCustomer("Concurrent Co", null, "billing@concurrent.example", null)));

    assertThat(results).extracting(Customer::id).containsOnly(results.getFirst().id());
    assertThat(client.findCustomerByEmail("billing@concurrent.example")).isPresent();
  }

  @Test
  void concurrent_callers_with_different_names_for_one_email_make_one_customer() throws Exception {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    List<Customer> results =
        TokenRefreshTest.concurrently(
            8,
            () -> {
              int i = n.incrementAndGet();
              String email = i % 2 == 0 ? "Racer@Race.example" : " racer@race.example";
              return client.findOrCreateCustomer(new NewCustomer("Racer " + i, null, email, null));
            });

    assertThat(results).extracting(Customer::id).containsOnly(results.getFirst().id());
    assertThat(customersWithEmail("racer@race.example")).isEqualTo(1);
  }

  @Test
  void the_create_requestid_depends_on_the_email_alone_so_instances_racing_collapse() {
    NewCustomer one = new NewCustomer("Jane Doe", null, "Jane@Doe.example", null);
    NewCustomer other = new NewCustomer("J. Doe", "Doe Inc", "jane@doe.example ", null);

    assertThat(Customers.requestId(one, one.displayName(), 0))
        .isEqualTo(Customers.requestId(other, other.displayName(), 0))
        .isNotEqualTo(Customers.requestId(one, one.displayName(), 1));
  }

  @Test
  void a_name_held_by_a_vendor_gets_the_attio_suffix_and_is_found_again() {
    qbo.seed("vendors", "{\"DisplayName\":\"Held Supplies\"}");

    Customer created =
        client.findOrCreateCustomer(
            new NewCustomer("Held Supplies", null, "ap@held.example", null));
    Customer again =
        client.findOrCreateCustomer(
            new NewCustomer("Held Supplies", null, "AP@held.example", null));

    assertThat(created.displayName()).isEqualTo("Held Supplies (Attio)");
    assertThat(created.email()).isEqualTo("ap@held.example");
    assertThat(again.id()).isEqualTo(created.id());
  }

  @Test
  void a_name_held_by_an_employee_or_another_customers_email_gets_a_suffix() {
    qbo.seed("employees", "{\"DisplayName\":\"Twin Co\"}");
    Customer other =
        client.createCustomer(new NewCustomer("Twin Co (Attio)", null, "other@twin.example", null));

    Customer ours =
        client.findOrCreateCustomer(new NewCustomer("Twin Co", null, "ours@twin.example", null));

    assertThat(ours.id()).isNotEqualTo(other.id());
    assertThat(ours.displayName()).isEqualTo("Twin Co (Attio 2)");
    assertThat(ours.email()).isEqualTo("ours@twin.example");
  }

  @Test
  void an_inactive_customer_with_the_email_is_reactivated_and_can_be_invoiced() {
    String seeded =
        qbo.seed(
                "customers",
                "{\"DisplayName\":\"Dormant Ltd\",\"PrimaryEmailAddr\":{\"Address\":\"dormant@x.example\"},\"Active\":false}")
            .path("Customer")
            .path("Id")
            .asString();

    Customer found =
        client.findOrCreateCustomer(
            new NewCustomer("Dormant Again", null, "dormant@x.example", null));
    Item item = client.findOrCreateServiceItem("Wake-up call");
    Invoice invoice =
        client.createInvoice(
            QuickBooksSandboxFixture.oneLine(found.id(), item.id(), null), "dormant-1");

    assertThat(found.id().value()).isEqualTo(seeded);
    assertThat(found.active()).isTrue();
    assertThat(invoice.customerId()).isEqualTo(found.id());
  }

  @Test
  void an_inactive_name_holder_without_an_email_is_adopted_and_reactivated() {
    qbo.seed("customers", "{\"DisplayName\":\"Sleeping Beauty Inc\",\"Active\":false}");

    Customer found =
        client.findOrCreateCustomer(
            new NewCustomer("Sleeping Beauty Inc", null, "rose@beauty.example", null));

    assertThat(found.displayName()).isEqualTo("Sleeping Beauty Inc");
    assertThat(found.active()).isTrue();
  }

  private int customersWithEmail(String email) {
    return qbo.query(
            "select count(*) from Customer where PrimaryEmailAddr = '"
                + email
                + "' and Active in (true, false)",
            tokens)
        .path("QueryResponse")
        .path("totalCount")
        .asInt();
  }

  @Test
  void a_taken_display_name_is_a_duplicate_name_error_with_intuits_code() {
    client.createCustomer(new NewCustomer("Cool Cars", null, null, null));

    assertThatThrownBy(
            () -> client.createCustomer(new NewCustomer("Cool Cars", null, "x@y.example", null)))
        .isInstanceOf(QuickBooksException.DuplicateName.class)
        .satisfies(
            e -> {
              QuickBooksException q = (QuickBooksException) e;
              assertThat(q.code()).isEqualTo("6240");
              assertThat(q.statusCode()).isEqualTo(400);
              assertThat(q.intuitTid()).isNotBlank();
            });
  }

  @Test
  void a_foreign_currency_without_multicurrency_is_a_validation_error() {
    assertThatThrownBy(() -> client.createCustomer(new NewCustomer("Euro GmbH", null, null, "EUR")))
        .isInstanceOf(QuickBooksException.Validation.class)
        .satisfies(e -> assertThat(((QuickBooksException) e).code()).isEqualTo("6000"));
  }

  @Test
  void preferences_report_currency_settings() {
    Preferences prefs = client.preferences();

    assertThat(prefs.multiCurrencyEnabled()).isFalse();
    assertThat(prefs.homeCurrency()).isEqualTo("USD");
    assertThat(prefs.customTxnNumbers()).isTrue();
  }

  @Test
  void service_items_are_found_or_created_once_with_an_income_account() {
    Item created = client.findOrCreateServiceItem("Consulting");
    Item found = client.findOrCreateServiceItem("Consulting");

    assertThat(found.id()).isEqualTo(created.id());
    assertThat(created.type()).isEqualTo("Service");
    assertThat(created.incomeAccountId()).isNotBlank();
  }
}
