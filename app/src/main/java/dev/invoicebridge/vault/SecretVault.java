package dev.invoicebridge.vault;

import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Stores and reads a workspace's secrets, encrypted at rest; re-encrypts them on key rotation. */
@Service
public class SecretVault {
  private static final Logger log = LoggerFactory.getLogger(SecretVault.class);

  private final JdbcClient jdbc;
  private final MasterKeyring keys;
  private final Clock clock;

  public SecretVault(JdbcClient jdbc, MasterKeyring keys, Clock clock) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.clock = clock;
  }

  /** Stores {@code value} under {@code name}, replacing what was there. */
  public void put(WorkspaceId workspace, String name, Secret value) {
    MasterKey key = keys.current();
    String sealed = SecretCipher.seal(key, value.reveal(), slot(workspace, name));
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.sql(
                "update vault_secret set key_id = ?, ciphertext = ?, updated_at = ?"
                    + " where workspace_id = ? and name = ?")
            .params(key.id(), sealed, now, workspace.value(), name)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "insert into vault_secret (workspace_id, name, key_id, ciphertext, updated_at)"
                    + " values (?, ?, ?, ?, ?)")
            .params(workspace.value(), name, key.id(), sealed, now)
            .update();
      } catch (DuplicateKeyException raced) {
        put(workspace, name, value);
      }
    }
  }

  /**
   * Stores {@code value} unless a secret of that name exists, and returns the one that is stored,
   * so instances racing to generate the same secret all end up using one value.
   */
  public Secret putIfAbsent(WorkspaceId workspace, String name, Secret value) {
    MasterKey key = keys.current();
    try {
      jdbc.sql(
              "insert into vault_secret (workspace_id, name, key_id, ciphertext, updated_at)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              workspace.value(),
              name,
              key.id(),
              SecretCipher.seal(key, value.reveal(), slot(workspace, name)),
              Timestamp.from(clock.instant()))
          .update();
      return value;
    } catch (DuplicateKeyException exists) {
      return get(workspace, name).orElseThrow();
    }
  }

  public Optional<Secret> get(WorkspaceId workspace, String name) {
    return jdbc.sql(
            "select key_id, ciphertext from vault_secret where workspace_id = ? and name = ?")
        .params(workspace.value(), name)
        .query(
            (rs, row) -> open(workspace, name, rs.getString("key_id"), rs.getString("ciphertext")))
        .optional();
  }

  public boolean contains(WorkspaceId workspace, String name) {
    return jdbc.sql("select count(*) from vault_secret where workspace_id = ? and name = ?")
            .params(workspace.value(), name)
            .query(Long.class)
            .single()
        > 0;
  }

  public void delete(WorkspaceId workspace, String name) {
    jdbc.sql("delete from vault_secret where workspace_id = ? and name = ?")
        .params(workspace.value(), name)
        .update();
  }

  /**
   * Re-encrypts every secret sealed under a previous master key with the current one. Safe to run
   * on several instances at once: each row is only rewritten if its key id is still the old one.
   *
   * @return how many secrets were re-encrypted
   */
  public int rotate() {
    MasterKey current = keys.current();
    List<Row> stale =
        jdbc.sql(
                "select workspace_id, name, key_id, ciphertext from vault_secret where key_id <> ?")
            .param(current.id())
            .query(
                (rs, row) ->
                    new Row(
                        new WorkspaceId(rs.getString("workspace_id")),
                        rs.getString("name"),
                        rs.getString("key_id"),
                        rs.getString("ciphertext")))
            .list();
    int rotated = 0;
    for (Row row : stale) {
      Secret plain = open(row.workspace(), row.name(), row.keyId(), row.ciphertext());
      String sealed = SecretCipher.seal(current, plain.reveal(), slot(row.workspace(), row.name()));
      rotated +=
          jdbc.sql(
                  "update vault_secret set key_id = ?, ciphertext = ?, updated_at = ?"
                      + " where workspace_id = ? and name = ? and key_id = ?")
              .params(
                  current.id(),
                  sealed,
                  Timestamp.from(clock.instant()),
                  row.workspace().value(),
                  row.name(),
                  row.keyId())
              .update();
    }
    if (rotated > 0) {
      log.info("Re-encrypted {} secrets with master key {}", rotated, current.id());
    }
    return rotated;
  }

  private Secret open(WorkspaceId workspace, String name, String keyId, String ciphertext) {
    MasterKey key =
        keys.byId(keyId)
            .orElseThrow(
                () ->
                    new VaultException(
                        "secret '"
                            + name
                            + "' is sealed with master key "
                            + keyId
                            + ", which is not configured; add it to"
                            + " INVOICEBRIDGE_SECURITY_PREVIOUS_MASTER_KEYS"));
    return new Secret(SecretCipher.open(key, ciphertext, slot(workspace, name)));
  }

  private static String slot(WorkspaceId workspace, String name) {
    return workspace.value() + "/" + name;
  }

  private record Row(WorkspaceId workspace, String name, String keyId, String ciphertext) {}
}
