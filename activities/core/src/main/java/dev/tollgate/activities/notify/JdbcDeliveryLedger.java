package dev.tollgate.activities.notify;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.stages.PipelineEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The ledger in the registry database ({@code notification_delivery}, migration V3): shared by
 * every worker, so a retry that lands on another worker skips what the first one delivered. The
 * window between a sink's delivery and its row is the one place an event can still go out twice
 * (the worker dies in between); Slack's and the webhook's receivers see the event's number to tell.
 */
public final class JdbcDeliveryLedger implements DeliveryLedger {
  private final DataSource db;

  public JdbcDeliveryLedger(DataSource db) {
    this.db = db;
  }

  @Override
  public Set<String> delivered(PipelineEvent event) {
    if (event.seq() <= 0) return Set.of();
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT sink FROM notification_delivery WHERE workflow_id = ? AND seq = ?")) {
      q.setString(1, event.workflowId());
      q.setInt(2, event.seq());
      Set<String> sinks = new HashSet<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) sinks.add(rs.getString(1));
      }
      return sinks;
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
                "INSERT INTO notification_delivery (workflow_id, seq, sink, delivered_at)"
                    + " VALUES (?, ?, ?, ?)")) {
      q.setString(1, event.workflowId());
      q.setInt(2, event.seq());
      q.setString(3, sink);
      q.setTimestamp(4, Timestamp.from(Instant.now()));
      q.executeUpdate();
    } catch (SQLException e) {
      // Two attempts raced and both delivered: the row exists, which is all the ledger needs.
      if (RegistryDatabase.isDuplicateKey(e)) return;
      throw new IllegalStateException("cannot write the notification ledger: " + e.getMessage(), e);
    }
  }
}
