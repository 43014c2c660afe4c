package dev.invoicebridge.invoicing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.sandboxmode.SandboxAccounts;
import dev.invoicebridge.support.SandboxApp;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.workspace.Workspaces;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In sandbox mode the adapter works against the Stripe sandbox the service mounts itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeSandboxModeTest {
  static final Path DATA = SandboxApp.newDataDir();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("invoicebridge.data-dir", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired SandboxAccounts accounts;
  @Autowired Workspaces workspaces;

  @Test
  void the_mounted_sandbox_serves_the_demo_catalog_to_the_adapter() {
    String key =
        accounts
            .ensure(workspaces.bySlug(Workspaces.DEFAULT_SLUG).orElseThrow().id())
            .stripeSecretKey();
    StripeInvoicing stripe =
        StripeInvoicing.connect(
            StripeSettings.of(
                new Secret(key), URI.create("http://127.0.0.1:" + port + "/sandbox/stripe")));

    // Listing with expand[]=data.product also proves Tomcat accepts stripe-java's query keys.
    assertThat(stripe.catalog().activePrices(Optional.empty(), 10).items())
        .extracting(CatalogPrice::productName)
        .containsExactlyInAnyOrder(
            "Consulting hour", "Implementation package", "Support plan (month)");
    assertThat(stripe.permissions().missing()).isEmpty();
  }
}
