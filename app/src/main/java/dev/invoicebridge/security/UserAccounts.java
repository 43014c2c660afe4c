package dev.invoicebridge.security;

import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** UI users: created by admins (or bootstrapped), passwords stored as bcrypt hashes. */
@Service
public class UserAccounts implements UserDetailsService {
  static final int MIN_PASSWORD_LENGTH = 12;

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final Clock clock;

  public UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.clock = clock;
  }

  /** Creates a user after checking every field; nothing is written when a field is invalid. */
  public UserAccount create(WorkspaceId workspace, String username, String password, Role role) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (username == null || !username.matches("^[A-Za-z0-9._@-]{3,100}$")) {
      errors.put("username", "must be 3-100 letters, digits, dots, dashes, underscores or @");
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      errors.put("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
    } else if (password.length() > 72) {
      errors.put("password", "must be at most 72 characters");
    }
    if (role == null) {
      errors.put("role", "must be admin or operator");
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    UserAccount account =
        new UserAccount(UUID.randomUUID().toString(), workspace, username, role, clock.instant());
    try {
      jdbc.sql(
              "insert into app_user (id, workspace_id, username, password_hash, role, created_at)"
                  + " values (?, ?, ?, ?, ?, ?)")
          .params(
              account.id(),
              workspace.value(),
              username,
              encoder.encode(password),
              role.name(),
              Timestamp.from(account.createdAt()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new ValidationFailure("username", "is already taken");
    }
    return account;
  }

  public void setPassword(String username, String password) {
    jdbc.sql("update app_user set password_hash = ? where username = ?")
        .params(encoder.encode(password), username)
        .update();
  }

  public boolean passwordMatches(String username, String password) {
    return jdbc.sql("select password_hash from app_user where username = ?")
        .param(username)
        .query(String.class)
        .optional()
        .map(hash -> encoder.matches(password, hash))
        .orElse(false);
  }

  public List<UserAccount> list(WorkspaceId workspace) {
    return jdbc.sql(
            "select id, workspace_id, username, role, created_at from app_user"
                + " where workspace_id = ? order by username")
        .param(workspace.value())
        .query(UserAccounts::map)
        .list();
  }

  public Optional<UserAccount> byUsername(String username) {
    return jdbc.sql(
            "select id, workspace_id, username, role, created_at from app_user where username = ?")
        .param(username)
        .query(UserAccounts::map)
        .optional();
  }

  public long count() {
    return jdbc.sql("select count(*) from app_user").query(Long.class).single();
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql(
            "select id, workspace_id, username, role, created_at, password_hash from app_user"
                + " where username = ?")
        .param(username)
        .query((rs, row) -> new LoginUser(map(rs, row), rs.getString("password_hash")))
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }

  private static UserAccount map(ResultSet rs, int row) throws SQLException {
    return new UserAccount(
        rs.getString("id"),
        new WorkspaceId(rs.getString("workspace_id")),
        rs.getString("username"),
        Role.valueOf(rs.getString("role")),
        rs.getTimestamp("created_at").toInstant());
  }

  /** The principal of a UI session. */
  static final class LoginUser extends User implements CurrentActor.HasActor {
    private static final long serialVersionUID = 1L;

    private final Actor actor;

    LoginUser(UserAccount account, String passwordHash) {
      super(account.username(), passwordHash, account.role().authorities());
      this.actor = new Actor(account.workspaceId(), account.username(), account.role());
    }

    @Override
    public Actor actor() {
      return actor;
    }

    @Override
    public boolean equals(Object other) {
      return super.equals(other);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }
}
