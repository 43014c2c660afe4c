package dev.invoicebridge.connection;

import dev.invoicebridge.workspace.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sandbox connections an admin disconnected. Start-up connects every emulator in sandbox mode; one
 * the admin chose to disconnect must stay disconnected until they reconnect it.
 */
@Repository
public class SandboxOptOuts {
  private final JdbcClient jdbc;
  private final Clock clock;

  SandboxOptOuts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public boolean optedOut(WorkspaceId workspace, ConnectionKind kind) {
    return jdbc.sql("select count(*) from sandbox_opt_out where workspace_id = ? and kind = ?")
            .params(workspace.value(), kind.name())
            .query(Long.class)
            .single()
        > 0;
  }

  public void optOut(WorkspaceId workspace, ConnectionKind kind) {
    try {
      jdbc.sql("insert into sandbox_opt_out (workspace_id, kind, opted_out_at) values (?, ?, ?)")
          .params(workspace.value(), kind.name(), Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException already) {
      // Opted out before: nothing to add.
    }
  }

  public void optIn(WorkspaceId workspace, ConnectionKind kind) {
    jdbc.sql("delete from sandbox_opt_out where workspace_id = ? and kind = ?")
        .params(workspace.value(), kind.name())
        .update();
  }
}
