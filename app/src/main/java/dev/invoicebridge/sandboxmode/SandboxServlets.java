package dev.invoicebridge.sandboxmode;

import dev.invoicebridge.sandbox.SandboxCredentials;
import dev.invoicebridge.sandbox.attio.AttioSandboxServlet;
import dev.invoicebridge.sandbox.attio.AttioWorkspace;
import dev.invoicebridge.sandbox.quickbooks.QuickBooksSandboxServlet;
import dev.invoicebridge.sandbox.stripe.StripeSandbox;
import dev.invoicebridge.sandbox.stripe.StripeSandboxServlet;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Mounts the three emulators on this server's port, under /sandbox/{attio,stripe,quickbooks}. */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxEnabledCondition.class)
class SandboxServlets {
  @Bean
  ServletRegistrationBean<AttioSandboxServlet> attioSandbox(SandboxAccounts accounts, Clock clock) {
    return mount(
        new AttioSandboxServlet(
            credential(accounts, SandboxCredentials::attioToken), AttioWorkspace.demo(), clock),
        "attio");
  }

  @Bean
  ServletRegistrationBean<StripeSandboxServlet> stripeSandbox(
      SandboxAccounts accounts, Clock clock) {
    StripeSandbox sandbox =
        new StripeSandbox(
            credential(accounts, SandboxCredentials::stripeSecretKey),
            SandboxAccounts.STRIPE_ACCOUNT_ID,
            clock);
    // A few demo products so the catalog picker has something to show.
    sandbox.seedPrice("Consulting hour", "usd", 15_000);
    sandbox.seedPrice("Implementation package", "usd", 250_000);
    sandbox.seedPrice("Support plan (month)", "usd", 49_900);
    return mount(new StripeSandboxServlet(sandbox), "stripe");
  }

  @Bean
  ServletRegistrationBean<QuickBooksSandboxServlet> quickBooksSandbox(
      SandboxAccounts accounts, Clock clock) {
    return mount(
        new QuickBooksSandboxServlet(
            credential(accounts, SandboxCredentials::quickBooksAccessToken),
            SandboxAccounts.QUICKBOOKS_REALM_ID,
            clock),
        "quickbooks");
  }

  private static <S extends jakarta.servlet.Servlet> ServletRegistrationBean<S> mount(
      S servlet, String name) {
    ServletRegistrationBean<S> registration =
        new ServletRegistrationBean<>(servlet, "/sandbox/" + name + "/*");
    registration.setName(name + "Sandbox");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /** Reads the credential at request time; before start-up completes nothing is accepted. */
  private static Supplier<String> credential(
      SandboxAccounts accounts, Function<SandboxCredentials, String> pick) {
    return () -> {
      SandboxCredentials c = accounts.current();
      return c == null ? "\u0000not-ready" : pick.apply(c);
    };
  }
}
