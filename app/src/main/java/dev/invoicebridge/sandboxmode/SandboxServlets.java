package dev.invoicebridge.sandboxmode;

import dev.invoicebridge.sandbox.SandboxCredentials;
import dev.invoicebridge.sandbox.attio.AttioSandboxServlet;
import dev.invoicebridge.sandbox.attio.AttioWorkspace;
import dev.invoicebridge.sandbox.quickbooks.QuickBooksSandboxServlet;
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
  ServletRegistrationBean<StripeSandboxServlet> stripeSandbox(SandboxAccounts accounts) {
    return mount(
        new StripeSandboxServlet(
            credential(accounts, SandboxCredentials::stripeSecretKey),
            SandboxAccounts.STRIPE_ACCOUNT_ID),
        "stripe");
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
