package dev.invoicebridge.invoicing.quickbooks;

import dev.invoicebridge.quickbooks.RealmId;
import dev.invoicebridge.quickbooks.oauth.OAuthTokenStore;
import dev.invoicebridge.quickbooks.oauth.OAuthTokens;
import dev.invoicebridge.quickbooks.oauth.StoredTokens;
import dev.invoicebridge.vault.Secret;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One workspace's QuickBooks tokens in the database, shared by every instance: expiries and the
 * version in {@code quickbooks_token}, the tokens sealed in the vault, both written in one
 * transaction that only commits if the version is still the expected one.
 */
public final class JdbcQuickBooksTokenStore implements OAuthTokenStore {
  static final String SECRET_NAME = "quickbooks.oauth_tokens";

  private final WorkspaceId workspace;
  private final JdbcClient jdbc;
  private final SecretVault vault;
  private final TransactionTemplate tx;
  private final Clock clock;

  /** The store's collaborators, grouped to keep constructors small. */
  public record Storage(JdbcClient jdbc, SecretVault vault, TransactionTemplate tx, Clock clock) {}

  public JdbcQuickBooksTokenStore(WorkspaceId workspace, Storage storage) {
    this.workspace = workspace;
    this.jdbc = storage.jdbc();
    this.vault = storage.vault();
    this.tx = storage.tx();
    this.clock = storage.clock();
  }

  private record Row(
      String realmId,
      long version,
      Instant accessExpires,
      Instant refreshExpires,
      Instant hardExpires,
      Instant leaseUntil,
      Instant reconnectRequired) {}

  @Override
  public Optional<StoredTokens> load(RealmId realm) {
    // Row first, then the sealed tokens: the tokens read are never older than the version read,
    // so a compare-and-swap based on this read can never write back stale tokens.
    Optional<Row> row =
        jdbc.sql(
                "select realm_id, version, access_expires_at, refresh_expires_at,"
                    + " refresh_hard_expires_at, refresh_lease_until, reconnect_required_at"
                    + " from quickbooks_token"
                    + " where workspace_id = ? and realm_id = ?")
            .params(workspace.value(), realm.value())
            .query(JdbcQuickBooksTokenStore::row)
            .optional();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Optional<Secret> sealed = vault.get(workspace, SECRET_NAME);
    if (sealed.isEmpty()) {
      return Optional.empty();
    }
    String[] pair = sealed.get().reveal().split("\n", 2);
    Row r = row.get();
    OAuthTokens tokens =
        new OAuthTokens(
            realm, pair[0], r.accessExpires(), pair[1], r.refreshExpires(), r.hardExpires());
    return Optional.of(
        new StoredTokens(r.version(), tokens, r.leaseUntil(), r.reconnectRequired()));
  }

  @Override
  public boolean compareAndSet(long expectedVersion, OAuthTokens tokens, Instant leaseUntil) {
    Boolean written =
        tx.execute(
            status -> {
              boolean ok =
                  expectedVersion == 0
                      ? insert(tokens, leaseUntil)
                      : update(expectedVersion, tokens, leaseUntil);
              if (ok) {
                vault.put(
                    workspace,
                    SECRET_NAME,
                    new Secret(tokens.accessToken() + "\n" + tokens.refreshToken()));
              }
              return ok;
            });
    return Boolean.TRUE.equals(written);
  }

  @Override
  public boolean markReconnectRequired(RealmId realm, long expectedVersion, Instant since) {
    return jdbc.sql(
                "update quickbooks_token set version = version + 1, refresh_lease_until = null,"
                    + " reconnect_required_at = ?, updated_at = ?"
                    + " where workspace_id = ? and realm_id = ? and version = ?")
            .params(
                ts(since), ts(clock.instant()), workspace.value(), realm.value(), expectedVersion)
            .update()
        == 1;
  }

  @Override
  public void delete(RealmId realm) {
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("delete from quickbooks_token where workspace_id = ? and realm_id = ?")
              .params(workspace.value(), realm.value())
              .update();
          vault.delete(workspace, SECRET_NAME);
        });
  }

  /** The connected realm, if any: a workspace connects one QuickBooks company. */
  public Optional<RealmId> realm() {
    return jdbc.sql("select realm_id from quickbooks_token where workspace_id = ?")
        .param(workspace.value())
        .query(String.class)
        .optional()
        .map(RealmId::new);
  }

  private boolean insert(OAuthTokens t, Instant leaseUntil) {
    // A workspace holds one company: connecting another replaces the previous one.
    jdbc.sql("delete from quickbooks_token where workspace_id = ? and realm_id <> ?")
        .params(workspace.value(), t.realmId().value())
        .update();
    try {
      return jdbc.sql(
                  "insert into quickbooks_token (workspace_id, realm_id, version, access_expires_at,"
                      + " refresh_expires_at, refresh_hard_expires_at, refresh_lease_until, updated_at)"
                      + " values (?, ?, 1, ?, ?, ?, ?, ?)")
              .params(
                  workspace.value(),
                  t.realmId().value(),
                  ts(t.accessTokenExpiresAt()),
                  ts(t.refreshTokenExpiresAt()),
                  ts(t.refreshTokenHardExpiresAt()),
                  ts(leaseUntil),
                  ts(clock.instant()))
              .update()
          == 1;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  private boolean update(long expectedVersion, OAuthTokens t, Instant leaseUntil) {
    return jdbc.sql(
                "update quickbooks_token set version = version + 1, access_expires_at = ?,"
                    + " refresh_expires_at = ?, refresh_hard_expires_at = ?, refresh_lease_until = ?,"
                    + " reconnect_required_at = null, updated_at = ?"
                    + " where workspace_id = ? and realm_id = ? and version = ?")
            .params(
                ts(t.accessTokenExpiresAt()),
                ts(t.refreshTokenExpiresAt()),
                ts(t.refreshTokenHardExpiresAt()),
                ts(leaseUntil),
                ts(clock.instant()),
                workspace.value(),
                t.realmId().value(),
                expectedVersion)
            .update()
        == 1;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getString("realm_id"),
        rs.getLong("version"),
        instant(rs.getTimestamp("access_expires_at")),
        instant(rs.getTimestamp("refresh_expires_at")),
        instant(rs.getTimestamp("refresh_hard_expires_at")),
        instant(rs.getTimestamp("refresh_lease_until")),
        instant(rs.getTimestamp("reconnect_required_at")));
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
