package dev.invoicebridge.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.support.TestProperties;
import dev.invoicebridge.workspace.Workspace;
import dev.invoicebridge.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class SecretVaultTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
  @TempDir Path dataDir;

  private static String newKey() {
    return TestProperties.randomMasterKey();
  }

  private SecretVault vault(JdbcClient jdbc, String key, List<String> previous) {
    return new SecretVault(
        jdbc, new MasterKeyring(TestProperties.withKeys(dataDir, key, previous)), clock);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void secrets_are_stored_encrypted_and_read_back(TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    Workspace ws = new Workspaces(jdbc, clock).ensureDefault("Test");
    SecretVault vault = vault(jdbc, newKey(), List.of());

    vault.put(ws.id(), "stripe.credential", new Secret("sk_test_plaintext_value_123"));
    vault.put(ws.id(), "stripe.credential", new Secret("sk_test_replaced_value_456"));

    assertThat(vault.get(ws.id(), "stripe.credential"))
        .map(Secret::reveal)
        .contains("sk_test_replaced_value_456");
    List<String> stored =
        jdbc.sql("select ciphertext from vault_secret").query(String.class).list();
    assertThat(stored).hasSize(1);
    assertThat(stored.getFirst()).doesNotContain("sk_test").doesNotContain("replaced");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_ciphertext_moved_to_another_slot_does_not_open(TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    Workspace ws = new Workspaces(jdbc, clock).ensureDefault("Test");
    SecretVault vault = vault(jdbc, newKey(), List.of());
    vault.put(ws.id(), "attio.credential", new Secret("attio-token"));
    vault.put(ws.id(), "stripe.credential", new Secret("stripe-key"));
    jdbc.sql(
            "update vault_secret set ciphertext = (select ciphertext from vault_secret where name ="
                + " 'attio.credential') where name = 'stripe.credential'")
        .update();

    assertThatThrownBy(() -> vault.get(ws.id(), "stripe.credential"))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("integrity");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void rotation_reencrypts_every_secret_under_the_new_master_key(TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    Workspace ws = new Workspaces(jdbc, clock).ensureDefault("Test");
    String oldKey = newKey();
    String newKey = newKey();
    vault(jdbc, oldKey, List.of())
        .put(ws.id(), "stripe.credential", new Secret("sk_test_rotate_me"));
    vault(jdbc, oldKey, List.of()).put(ws.id(), "attio.credential", new Secret("attio_rotate_me"));

    SecretVault during = vault(jdbc, newKey, List.of(oldKey));
    assertThat(during.get(ws.id(), "stripe.credential"))
        .map(Secret::reveal)
        .contains("sk_test_rotate_me");
    assertThat(during.rotate()).isEqualTo(2);
    assertThat(during.rotate()).isZero();

    SecretVault after = vault(jdbc, newKey, List.of());
    assertThat(after.get(ws.id(), "attio.credential"))
        .map(Secret::reveal)
        .contains("attio_rotate_me");
    assertThatThrownBy(() -> vault(jdbc, oldKey, List.of()).get(ws.id(), "attio.credential"))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("INVOICEBRIDGE_SECURITY_PREVIOUS_MASTER_KEYS")
        .hasMessageNotContaining("attio_rotate_me");
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabases.Kind.class, names = "H2")
  void a_generated_key_file_is_readable_by_its_owner_only_and_reused(TestDatabases.Kind kind)
      throws Exception {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    Workspace ws = new Workspaces(jdbc, clock).ensureDefault("Test");
    vault(jdbc, "", List.of()).put(ws.id(), "attio.credential", new Secret("kept-across-restarts"));

    Path keyFile = dataDir.resolve("master.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(vault(jdbc, "", List.of()).get(ws.id(), "attio.credential"))
        .map(Secret::reveal)
        .contains("kept-across-restarts");
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabases.Kind.class, names = "H2")
  void a_secret_never_prints_itself(TestDatabases.Kind kind) {
    assertThat(new Secret("sk_live_do_not_print").toString()).isEqualTo("[redacted]");
  }
}
