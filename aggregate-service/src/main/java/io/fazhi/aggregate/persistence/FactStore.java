package io.fazhi.aggregate.persistence;

import io.fazhi.aggregate.model.MetricRow;
import io.fazhi.aggregate.model.SectionRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.postgresql.PGConnection;

/** Writes the facts of a batch (sections and metrics) with COPY: one round trip per table, whatever the size. */
@ApplicationScoped
public class FactStore {
    private static final String COPY_SECTIONS = "COPY section_fact (report_id, revision, extractor_version,"
            + " section_index, heading, level, path, category, text_offset) FROM STDIN";
    private static final String COPY_METRICS = "COPY metric_fact (report_id, revision, extractor_version,"
            + " section_index, position, category, value, unit, rollup_unit, unit_kind, approx, label, indicator,"
            + " surface, sentence, text_offset) FROM STDIN";

    private final SqlRunner sql;

    public FactStore(SqlRunner sql) {
        this.sql = sql;
    }

    public void write(List<SectionRow> sections, List<MetricRow> metrics) {
        CopyRows s = new CopyRows();
        for (SectionRow r : sections) {
            s.field(r.key().reportId())
                    .field(r.key().revision())
                    .field(r.key().extractorVersion())
                    .field(r.index())
                    .field(r.heading())
                    .field(r.level())
                    .field(r.path())
                    .field(r.category())
                    .field(r.offset())
                    .endRow();
        }
        CopyRows m = new CopyRows();
        for (MetricRow r : metrics) {
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
        sql.withConnection("writing facts", c -> {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try {
                if (s.rows() > 0) {
                    copy.copyIn(COPY_SECTIONS, new StringReader(s.text()));
                }
                if (m.rows() > 0) {
                    copy.copyIn(COPY_METRICS, new StringReader(m.text()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // an I/O failure is transient: the batch is retried
            }
            return null;
        });
    }
}
