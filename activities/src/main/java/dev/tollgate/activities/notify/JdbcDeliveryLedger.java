package dev.tollgate.activities.notify;

import dev.tollgate.stages.PipelineEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The ledger in the registry database ({@code notification_delivery}, migration V3): shared by
 * every worker, so a retry that lands on another worker skips what the first one delivered. The
 * window between a sink's delivery and its row is the one place an event can still go out twice
 * (the worker dies in between); Slack's and the webhook's receivers see the event's number to tell.
 */
public final class JdbcDeliveryLedger implements DeliveryLedger {
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource db;

  public JdbcDeliveryLedger(DataSource db) {
    this.db = db;
  }

  @Override
  public boolean delivered(PipelineEvent event, String sink) {
    if (event.seq() <= 0) return false;
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT 1 FROM notification_delivery WHERE run_id = ? AND seq = ? AND sink = ?")) {
      bind(q, event, sink);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the notification ledger: " + e.getMessage(), e);
    }
  }

  @Override
  public void record(PipelineEvent event, String sink) {
    if (event.seq() <= 0) return;
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "INSERT INTO notification_delivery (run_id, seq, sink, delivered_at)"
                    + " VALUES (?, ?, ?, ?)")) {
      bind(q, event, sink);
      q.setTimestamp(4, Timestamp.from(Instant.now()));
      q.executeUpdate();
    } catch (SQLException e) {
      // Two attempts raced and both delivered: the row exists, which is all the ledger needs.
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) return;
      throw new IllegalStateException("cannot write the notification ledger: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement q, PipelineEvent event, String sink)
      throws SQLException {
    q.setString(1, event.runId());
    q.setInt(2, event.seq());
    q.setString(3, sink);
  }
}
