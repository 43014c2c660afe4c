package dev.invoicebridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicebridge.support.MutableClock;
import dev.invoicebridge.support.TestDatabases;
import dev.invoicebridge.workspace.Workspace;
import dev.invoicebridge.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class ApiTokensTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void an_issued_token_authenticates_until_revoked_and_only_its_hash_is_stored(
      TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    Workspace ws = new Workspaces(jdbc, clock).ensureDefault("Test");
    ApiTokens tokens = new ApiTokens(jdbc, clock);

    ApiTokens.Issued issued = tokens.issue(ws.id(), "ci pipeline", Role.OPERATOR, "admin");

    assertThat(issued.plaintext()).startsWith("ib_").hasSizeGreaterThan(40);
    assertThat(tokens.authenticate(issued.plaintext()))
        .get()
        .satisfies(t -> assertThat(t.scope()).isEqualTo(Role.OPERATOR))
        .satisfies(t -> assertThat(t.workspaceId()).isEqualTo(ws.id()));
    String stored = jdbc.sql("select token_hash from api_token").query(String.class).single();
    assertThat(stored)
        .isNotEqualTo(issued.plaintext())
        .doesNotContain(issued.plaintext().substring(3));
    assertThat(issued.toString()).doesNotContain(issued.plaintext());

    tokens.revoke(ws.id(), issued.token().id());
    assertThat(tokens.authenticate(issued.plaintext())).isEmpty();
    assertThat(tokens.list(ws.id()))
        .singleElement()
        .satisfies(t -> assertThat(t.active()).isFalse());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void last_use_is_recorded_at_most_once_a_minute(TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    Workspace ws = new Workspaces(jdbc, clock).ensureDefault("Test");
    ApiTokens tokens = new ApiTokens(jdbc, clock);
    ApiTokens.Issued issued = tokens.issue(ws.id(), "t", Role.ADMIN, "admin");

    tokens.authenticate(issued.plaintext());
    Instant first = tokens.list(ws.id()).getFirst().lastUsedAt().orElseThrow();
    clock.advance(Duration.ofSeconds(30));
    tokens.authenticate(issued.plaintext());
    assertThat(tokens.list(ws.id()).getFirst().lastUsedAt()).contains(first);
    clock.advance(Duration.ofSeconds(31));
    tokens.authenticate(issued.plaintext());
    assertThat(tokens.list(ws.id()).getFirst().lastUsedAt()).contains(clock.instant());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void invalid_tokens_and_users_are_refused_field_by_field_and_nothing_is_written(
      TestDatabases.Kind kind) {
    JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
    Workspace ws = new Workspaces(jdbc, clock).ensureDefault("Test");
    ApiTokens tokens = new ApiTokens(jdbc, clock);
    UserAccounts users =
        new UserAccounts(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock);

    assertThatThrownBy(() -> tokens.issue(ws.id(), " ", null, "admin"))
        .isInstanceOfSatisfying(
            ValidationFailure.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("name", "scope"));
    assertThatThrownBy(() -> users.create(ws.id(), "x", "short", Role.OPERATOR))
        .isInstanceOfSatisfying(
            ValidationFailure.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("username", "password"));
    users.create(ws.id(), "alice", "a-long-enough-password", Role.OPERATOR);
    assertThatThrownBy(() -> users.create(ws.id(), "alice", "another-long-password", Role.ADMIN))
        .isInstanceOfSatisfying(
            ValidationFailure.class,
            e -> assertThat(e.fieldErrors()).containsEntry("username", "is already taken"));

    assertThat(tokens.list(ws.id())).isEmpty();
    assertThat(users.list(ws.id())).extracting(UserAccount::username).containsExactly("alice");
    assertThat(users.passwordMatches("alice", "a-long-enough-password")).isTrue();
  }
}
