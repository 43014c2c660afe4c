package dev.invoicebridge.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerAndItemTest {
  static QuickBooksSandboxFixture qbo;
  static HttpQuickBooksClient client;

  @BeforeAll
  static void start() {
    qbo = new QuickBooksSandboxFixture();
    client = qbo.connectedClient();
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
