package dev.invoicebridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.TestProperties;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationCheckTest {
  @Test
  void defaults_are_valid() {
    assertThat(ConfigurationCheck.problems(TestProperties.defaults(Path.of("data")))).isEmpty();
  }

  @Test
  void every_bad_setting_is_named_by_its_environment_variable() {
    InvoicebridgeProperties d =
        TestProperties.withKeys(Path.of("data"), "not-a-key", List.of("short"));
    InvoicebridgeProperties bad =
        new InvoicebridgeProperties(
            d.dataDir(),
            URI.create("relative/path"),
            d.instanceName(),
            d.workspaceName(),
            new InvoicebridgeProperties.Database("jdbc:mysql://db/x", "", ""),
            new InvoicebridgeProperties.Security(
                "admin", "", "not-a-key", null, List.of("short"), false),
            d.sandbox(),
            d.attio(),
            new InvoicebridgeProperties.Stripe("pk_test_publishable", d.stripe().apiBase()),
            new InvoicebridgeProperties.QuickBooks("client", "", d.quickbooks().environment()),
            d.jobs());

    assertThat(ConfigurationCheck.problems(bad))
        .anySatisfy(p -> assertThat(p).startsWith("INVOICEBRIDGE_DATABASE_URL"))
        .anySatisfy(p -> assertThat(p).startsWith("INVOICEBRIDGE_PUBLIC_URL"))
        .anySatisfy(p -> assertThat(p).startsWith("INVOICEBRIDGE_SECURITY_MASTER_KEY"))
        .anySatisfy(p -> assertThat(p).startsWith("INVOICEBRIDGE_SECURITY_PREVIOUS_MASTER_KEYS"))
        .anySatisfy(p -> assertThat(p).contains("INVOICEBRIDGE_SECURITY_ADMIN_PASSWORD"))
        .anySatisfy(p -> assertThat(p).startsWith("INVOICEBRIDGE_STRIPE_SECRET_KEY"))
        .anySatisfy(p -> assertThat(p).contains("INVOICEBRIDGE_QUICKBOOKS_CLIENT_SECRET"))
        .noneSatisfy(p -> assertThat(p).contains("pk_test_publishable"));
  }

  @Test
  void the_default_data_directory_is_beside_the_maven_wrapper_whatever_the_working_directory(
      @org.junit.jupiter.api.io.TempDir Path repo) throws Exception {
    java.nio.file.Files.createFile(repo.resolve("mvnw"));
    java.nio.file.Files.createDirectories(repo.resolve(".mvn"));
    Path module = java.nio.file.Files.createDirectories(repo.resolve("app/src"));

    assertThat(InvoicebridgeEnvironment.defaultDataDir(module)).isEqualTo(repo.resolve("data"));
    assertThat(InvoicebridgeEnvironment.defaultDataDir(repo)).isEqualTo(repo.resolve("data"));
  }

  @Test
  void json_log_format_switches_console_logs_to_structured_ecs_and_data_dir_is_only_a_fallback() {
    org.springframework.mock.env.MockEnvironment env =
        new org.springframework.mock.env.MockEnvironment();
    env.setProperty("invoicebridge.log-format", "json");
    env.setProperty("invoicebridge.data-dir", "/srv/invoicebridge");

    new InvoicebridgeEnvironment()
        .postProcessEnvironment(env, new org.springframework.boot.SpringApplication());

    assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(env.getProperty("invoicebridge.data-dir")).isEqualTo("/srv/invoicebridge");
  }
}
