package dev.tollgate.adapters.slack;

import dev.tollgate.activities.db.RegistryDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * {@link SlackThreads} in the registry database's {@code slack_thread} table (migration V3), shared
 * by every worker process, so a run's thread survives a worker restart and a second worker.
 */
public final class JdbcSlackThreads implements SlackThreads {
  private final DataSource db;

  public JdbcSlackThreads(DataSource db) {
    this.db = db;
  }

  @Override
  public Root root(String workflowId) {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT channel, ts FROM slack_thread WHERE workflow_id = ?")) {
      q.setString(1, workflowId);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? new Root(r.getString(1), r.getString(2)) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the Slack thread of " + workflowId, e);
    }
  }

  @Override
  public void remember(String workflowId, String channel, String ts) {
    // INSERT ... WHERE NOT EXISTS is portable (H2, PostgreSQL); a concurrent insert that slips
    // between the check and the write hits the primary key, and the row already there wins.
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "INSERT INTO slack_thread (workflow_id, channel, ts, created_at) SELECT ?, ?, ?, ?"
                    + " WHERE NOT EXISTS (SELECT 1 FROM slack_thread WHERE workflow_id = ?)")) {
      q.setString(1, workflowId);
      q.setString(2, channel);
      q.setString(3, ts);
      q.setTimestamp(4, Timestamp.from(Instant.now()));
      q.setString(5, workflowId);
      q.executeUpdate();
    } catch (SQLException e) {
      if (RegistryDatabase.isDuplicateKey(e)) return;
      throw new IllegalStateException("cannot record the Slack thread of " + workflowId, e);
    }
  }
}
