package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StripePermissionProbeTest {
  private static StripeSandboxRig rig;

  @BeforeAll
  static void start() {
    rig = new StripeSandboxRig();
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void a_key_lacking_invoice_write_gets_exactly_that_permission_named() {
    String key = "rk_test_noinvoicewrite0001";
    rig.sandbox()
        .grantRestrictedKey(
            key,
            Set.of(
                "customer_write",
                "product_write",
                "plan_write",
                "invoiceitem_write",
                "invoice_read",
                "webhook_endpoint_write"));

    List<StripePermission> missing = rig.invoicing(key).permissions().missing();

    assertThat(missing).containsExactly(StripePermission.INVOICES_WRITE);
    assertThat(missing.getFirst().dashboardName()).isEqualTo("Invoices Write");
  }

  @Test
  void a_read_only_key_lacks_every_write_and_keeps_webhook_read() {
    String key = "rk_test_readonly00000002";
    rig.sandbox().grantRestrictedKey(key, Set.of("webhook_endpoint_read", "customer_read"));

    assertThat(rig.invoicing(key).permissions().missing())
        .containsExactly(
            StripePermission.CUSTOMERS_WRITE,
            StripePermission.PRODUCTS_WRITE,
            StripePermission.PRICES_WRITE,
            StripePermission.INVOICE_ITEMS_WRITE,
            StripePermission.INVOICES_WRITE,
            StripePermission.WEBHOOK_ENDPOINTS_WRITE);
  }

  @Test
  void the_secret_key_has_every_permission_and_probing_creates_nothing() {
    long before = SandboxHttp.list(rig, "/v1/customers?limit=100").size();

    assertThat(rig.invoicing().permissions().missing()).isEmpty();
    assertThat(SandboxHttp.list(rig, "/v1/customers?limit=100")).hasSize((int) before);
  }

  @Test
  void a_forbidden_call_fails_with_the_missing_permission_and_no_key_in_the_message() {
    String key = "rk_test_customersonly0003";
    rig.sandbox().grantRestrictedKey(key, Set.of("customer_read"));

    assertThatThrownBy(
            () ->
                rig.invoicing(key)
                    .customers()
                    .findOrCreate(new CustomerDetails("p@perm.example", "P", Optional.empty())))
        .isInstanceOfSatisfying(
            StripeFailure.Permission.class,
            e -> {
              assertThat(e.missingPermission()).contains("customer_write");
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.requestId()).isPresent();
              assertThat(e.getMessage())
                  .doesNotContain("customersonly0003")
                  .contains("rk_test_[redacted]");
            });
  }
}
