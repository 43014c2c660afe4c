package dev.invoicebridge.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicebridge.support.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class WorkspacesTest {
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void the_default_workspace_is_created_once_and_others_live_beside_it(TestDatabases.Kind kind) {
    Workspaces workspaces =
        new Workspaces(JdbcClient.create(TestDatabases.migrated(kind)), Clock.systemUTC());

    Workspace first = workspaces.ensureDefault("Mine");
    Workspace again = workspaces.ensureDefault("Ignored");
    Workspace acme = workspaces.create("acme", "Acme Inc");
    Workspace acmeAgain = workspaces.create("acme", "Acme Inc");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.name()).isEqualTo("Mine");
    assertThat(acmeAgain.id()).isEqualTo(acme.id());
    assertThat(workspaces.all()).extracting(Workspace::slug).containsExactly("default", "acme");
  }
}
