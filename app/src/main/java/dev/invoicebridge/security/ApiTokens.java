package dev.invoicebridge.security;

import dev.invoicebridge.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issues, lists, authenticates and revokes API tokens. A token is shown once, at creation; only its
 * SHA-256 hash is stored, which suffices because tokens carry 240 random bits.
 */
@Service
public class ApiTokens {
  private static final String PREFIX = "ib_";
  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS =
      "id, workspace_id, name, token_prefix, scope, created_by, created_at, last_used_at, revoked_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  public ApiTokens(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A freshly issued token: the only moment its plaintext exists outside the caller. */
  public record Issued(ApiToken token, String plaintext) {
    @Override
    public String toString() {
      return "Issued[" + token.prefix() + "…]";
    }
  }

  public Issued issue(WorkspaceId workspace, String name, Role scope, String createdBy) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (name == null || name.isBlank()) {
      errors.put("name", "must not be blank");
    } else if (name.length() > 100) {
      errors.put("name", "must be at most 100 characters");
    }
    if (scope == null) {
      errors.put("scope", "must be admin or operator");
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    byte[] random = new byte[30];
    RANDOM.nextBytes(random);
    String plaintext = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    ApiToken token =
        new ApiToken(
            UUID.randomUUID().toString(),
            workspace,
            name.strip(),
            plaintext.substring(0, 10),
            scope,
            createdBy,
            clock.instant(),
            Optional.empty(),
            Optional.empty());
    jdbc.sql(
            "insert into api_token (id, workspace_id, name, token_hash, token_prefix, scope,"
                + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            token.id(),
            workspace.value(),
            token.name(),
            hash(plaintext),
            token.prefix(),
            scope.name(),
            createdBy,
            Timestamp.from(token.createdAt()))
        .update();
    return new Issued(token, plaintext);
  }

  /** The active token matching {@code plaintext}, noting its use. */
  public Optional<ApiToken> authenticate(String plaintext) {
    if (plaintext == null || !plaintext.startsWith(PREFIX) || plaintext.length() > 100) {
      return Optional.empty();
    }
    Optional<ApiToken> token =
        jdbc.sql(
                "select " + COLUMNS + " from api_token where token_hash = ? and revoked_at is null")
            .param(hash(plaintext))
            .query(ApiTokens::map)
            .optional();
    token.ifPresent(this::noteUse);
    return token;
  }

  public List<ApiToken> list(WorkspaceId workspace) {
    return jdbc.sql(
            "select " + COLUMNS + " from api_token where workspace_id = ? order by created_at desc")
        .param(workspace.value())
        .query(ApiTokens::map)
        .list();
  }

  public Optional<ApiToken> get(WorkspaceId workspace, String id) {
    return jdbc.sql("select " + COLUMNS + " from api_token where workspace_id = ? and id = ?")
        .params(workspace.value(), id)
        .query(ApiTokens::map)
        .optional();
  }

  /** Revokes a token of this workspace; revoking twice is harmless. */
  public boolean revoke(WorkspaceId workspace, String id) {
    jdbc.sql(
            "update api_token set revoked_at = ? where workspace_id = ? and id = ? and revoked_at is null")
        .params(Timestamp.from(clock.instant()), workspace.value(), id)
        .update();
    return get(workspace, id).isPresent();
  }

  private void noteUse(ApiToken token) {
    Instant now = clock.instant();
    // One write per token per minute at most, so busy integrations do not hammer the table.
    if (token.lastUsedAt().map(t -> t.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true)) {
      jdbc.sql("update api_token set last_used_at = ? where id = ?")
          .params(Timestamp.from(now), token.id())
          .update();
    }
  }

  static String hash(String plaintext) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(plaintext.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiToken map(ResultSet rs, int row) throws SQLException {
    Timestamp lastUsed = rs.getTimestamp("last_used_at");
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new ApiToken(
        rs.getString("id"),
        new WorkspaceId(rs.getString("workspace_id")),
        rs.getString("name"),
        rs.getString("token_prefix"),
        Role.valueOf(rs.getString("scope")),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        Optional.ofNullable(lastUsed).map(Timestamp::toInstant),
        Optional.ofNullable(revoked).map(Timestamp::toInstant));
  }
}
