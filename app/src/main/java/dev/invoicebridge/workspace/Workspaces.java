package dev.invoicebridge.workspace;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds and creates workspaces; a single-workspace install uses the one with slug "default". */
@Service
public class Workspaces {
  public static final String DEFAULT_SLUG = "default";

  private final JdbcClient jdbc;
  private final Clock clock;

  public Workspaces(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The default workspace, created on first use; safe when several instances start at once. */
  public Workspace ensureDefault(String name) {
    return bySlug(DEFAULT_SLUG).orElseGet(() -> create(DEFAULT_SLUG, name));
  }

  public Optional<Workspace> bySlug(String slug) {
    return jdbc.sql("select id, slug, name, created_at from workspace where slug = ?")
        .param(slug)
        .query(Workspaces::map)
        .optional();
  }

  public Optional<Workspace> byId(WorkspaceId id) {
    return jdbc.sql("select id, slug, name, created_at from workspace where id = ?")
        .param(id.value())
        .query(Workspaces::map)
        .optional();
  }

  public List<Workspace> all() {
    return jdbc.sql("select id, slug, name, created_at from workspace order by created_at")
        .query(Workspaces::map)
        .list();
  }

  /** Creates a workspace, or returns the existing one when another instance won the race. */
  public Workspace create(String slug, String name) {
    if (!slug.matches("^[a-z0-9][a-z0-9-]{0,62}$")) {
      throw new IllegalArgumentException("slug must be lower-case letters, digits and dashes");
    }
    Workspace workspace = new Workspace(WorkspaceId.random(), slug, name, clock.instant());
    try {
      jdbc.sql("insert into workspace (id, slug, name, created_at) values (?, ?, ?, ?)")
          .params(workspace.id().value(), slug, name, Timestamp.from(workspace.createdAt()))
          .update();
      return workspace;
    } catch (DuplicateKeyException e) {
      return bySlug(slug).orElseThrow(() -> e);
    }
  }

  private static Workspace map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Workspace(
        new WorkspaceId(rs.getString("id")),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getTimestamp("created_at").toInstant());
  }
}
