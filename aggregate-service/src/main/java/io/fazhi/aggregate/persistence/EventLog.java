package io.fazhi.aggregate.persistence;

import static io.fazhi.aggregate.persistence.SqlRunner.texts;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the events applied, recorded in the transaction that applies them: a redelivered or replayed event is
 * recognised and changes nothing. Two transactions recording the same id wait for each other; the second sees it
 * recorded.
 */
@ApplicationScoped
public class EventLog {
    private final SqlRunner sql;

    public EventLog(SqlRunner sql) {
        this.sql = sql;
    }

    /** Records the ids; returns those that were not recorded before. */
    public Set<String> recordNew(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.query(
                "recording event ids",
                "INSERT INTO processed_event (event_id) SELECT DISTINCT e FROM unnest(?::text[]) AS e ORDER BY e"
                        + " ON CONFLICT DO NOTHING RETURNING event_id",
                rs -> rs.getString(1),
                texts(eventIds)));
    }
}
