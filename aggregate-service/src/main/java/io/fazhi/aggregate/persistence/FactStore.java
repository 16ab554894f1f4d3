package io.fazhi.aggregate.persistence;

import static io.fazhi.aggregate.persistence.SqlRunner.ints;
import static io.fazhi.aggregate.persistence.SqlRunner.texts;

import io.fazhi.aggregate.model.MetricRow;
import io.fazhi.aggregate.model.RevisionKey;
import io.fazhi.aggregate.model.SectionKey;
import io.fazhi.aggregate.model.SectionRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * Writes the facts of a batch. A section's row is also the record that its event was applied (its key is the event's
 * id): the sections are inserted first, in key order, and those stored before are skipped ({@code ON CONFLICT DO
 * NOTHING}), so a redelivered or replayed event changes nothing. Two transactions inserting the same section wait for
 * each other; the second finds it stored. Then the metrics of the new sections are written with COPY: two round trips
 * per batch, whatever its size.
 */
@ApplicationScoped
public class FactStore {
    private static final String INSERT_SECTIONS = """
            INSERT INTO section_fact (report_id, revision, extractor_version, section_index, heading, level, path,
                category, text_offset)
            SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::int[], ?::text[], ?::int[], ?::text[], ?::text[],
                ?::int[])
            ORDER BY 1, 2, 3, 4
            ON CONFLICT DO NOTHING
            RETURNING report_id, revision, extractor_version, section_index""";
    private static final String COPY_METRICS = "COPY metric_fact (report_id, revision, extractor_version,"
            + " section_index, position, category, value, unit, rollup_unit, unit_kind, approx, label, indicator,"
            + " surface, sentence, text_offset) FROM STDIN";

    private final SqlRunner sql;

    public FactStore(SqlRunner sql) {
        this.sql = sql;
    }

    /**
     * Inserts the sections not stored before and the metrics of those sections.
     *
     * @return the keys of the sections inserted: the events applied now
     */
    public Set<SectionKey> insertNew(List<SectionRow> sections, List<MetricRow> metrics) {
        if (sections.isEmpty()) {
            return Set.of();
        }
        Set<SectionKey> inserted = new HashSet<>(sql.query(
                "writing sections",
                INSERT_SECTIONS,
                rs -> new SectionKey(new RevisionKey(rs.getString(1), rs.getInt(2), rs.getString(3)), rs.getInt(4)),
                texts(sections.stream().map(r -> r.key().reportId()).toList()),
                ints(sections.stream().map(r -> r.key().revision()).toList()),
                texts(sections.stream().map(r -> r.key().extractorVersion()).toList()),
                ints(sections.stream().map(SectionRow::index).toList()),
                texts(sections.stream().map(SectionRow::heading).toList()),
                ints(sections.stream().map(SectionRow::level).toList()),
                texts(sections.stream().map(SectionRow::path).toList()),
                texts(sections.stream().map(SectionRow::category).toList()),
                ints(sections.stream().map(SectionRow::offset).toList())));
        CopyRows m = new CopyRows();
        for (MetricRow r : metrics) {
            if (!inserted.contains(new SectionKey(r.key(), r.sectionIndex()))) {
                continue;
            }
            m.field(r.key().reportId())
                    .field(r.key().revision())
                    .field(r.key().extractorVersion())
                    .field(r.sectionIndex())
                    .field(r.position())
                    .field(r.category())
                    .field(r.value())
                    .field(r.unit())
                    .field(r.rollupUnit())
                    .field(r.unitKind())
                    .field(r.approx())
                    .field(r.label())
                    .field(r.indicator())
                    .field(r.surface())
                    .field(r.sentence())
                    .field(r.offset())
                    .endRow();
        }
        if (m.rows() > 0) {
            sql.withConnection("writing metrics", c -> {
                try {
                    return c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_METRICS, new StringReader(m.text()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // an I/O failure is transient: the batch is retried
                }
            });
        }
        return inserted;
    }
}
