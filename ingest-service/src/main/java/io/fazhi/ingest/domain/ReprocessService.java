package io.fazhi.ingest.domain;

import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.contracts.ReportSubmitted;
import io.fazhi.ingest.messaging.ReportPublisher;
import io.fazhi.problems.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Re-extraction: publishes {@link ReportSubmitted} again for the current revision of every stored report (or those
 * of one city, one year), with its stored text. extract-service then stamps its current version, and
 * aggregate-service replaces that revision's previous extraction. Reads in pages by report id and publishes in small
 * batches, so memory stays bounded however many reports there are.
 */
@ApplicationScoped
public class ReprocessService {
    private static final Logger LOG = Logger.getLogger(ReprocessService.class);
    static final int PAGE = 200;
    static final int BATCH = 16;

    private final EntityManager em;
    private final ReportPublisher publisher;

    public ReprocessService(EntityManager em, ReportPublisher publisher) {
        this.em = em;
        this.publisher = publisher;
    }

    /** @param published reports sent again; skipped: revisions stored before the text was kept */
    public record Result(int published, int skipped) {}

    public Result reprocess(String city, Integer year) {
        int published = 0;
        String after = "";
        while (true) {
            List<String> ids = page(city, year, after);
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            for (int i = 0; i < ids.size(); i += BATCH) {
                published += batch(ids.subList(i, Math.min(ids.size(), i + BATCH)));
            }
        }
        int skipped = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) filtered(
                                        "SELECT count(*) FROM report r JOIN report_revision v ON v.report_id = r.id AND v.revision = r.revision"
                                                + " WHERE v.text IS NULL",
                                        city,
                                        year)
                                .getSingleResult())
                        .intValue());
        LOG.infof(
                "reprocessing city=%s year=%s: %d reports published again, %d without stored text",
                city, year, published, skipped);
        return new Result(published, skipped);
    }

    @SuppressWarnings("unchecked")
    private List<String> page(String city, Integer year, String after) {
        return QuarkusTransaction.requiringNew()
                .call(() -> filtered(
                                "SELECT r.id FROM report r JOIN report_revision v ON v.report_id = r.id AND v.revision = r.revision"
                                        + " WHERE v.text IS NOT NULL AND r.id > :after",
                                city,
                                year)
                        .setParameter("after", after)
                        .getResultList()
                        .stream()
                        .map(String::valueOf)
                        .toList());
    }

    private jakarta.persistence.Query filtered(String sql, String city, Integer year) {
        StringBuilder q = new StringBuilder(sql);
        if (city != null) {
            q.append(" AND v.city = :city");
        }
        if (year != null) {
            q.append(" AND v.year = :year");
        }
        if (sql.startsWith("SELECT r.id")) {
            q.append(" ORDER BY r.id LIMIT ").append(PAGE);
        }
        jakarta.persistence.Query query = em.createNativeQuery(q.toString());
        if (city != null) {
            query.setParameter("city", city);
        }
        if (year != null) {
            query.setParameter("year", year);
        }
        return query;
    }

    /** Marks a batch RECEIVED again and publishes it; on failure their previous status is put back. */
    private int batch(List<String> ids) {
        record Row(ReportSubmitted event, String status, String reason) {}
        List<Row> rows = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("SELECT v.report_id, v.revision, v.agency, v.city, v.district,"
                            + " v.year, v.title, v.published, v.source_url, v.text, v.status, v.status_reason"
                            + " FROM report r JOIN report_revision v ON v.report_id = r.id AND v.revision = r.revision"
                            + " WHERE r.id IN (:ids) FOR UPDATE OF v")
                    .setParameter("ids", ids)
                    .getResultList();
            List<Row> out = new ArrayList<>();
            for (Object[] f : found) {
                out.add(new Row(
                        new ReportSubmitted(
                                ReportSubmitted.SCHEMA_VERSION,
                                (String) f[0],
                                ((Number) f[1]).intValue(),
                                (String) f[2],
                                (String) f[3],
                                (String) f[4],
                                f[5] == null ? null : ((Number) f[5]).intValue(),
                                (String) f[6],
                                (String) f[7],
                                (String) f[8],
                                (String) f[9],
                                Instant.now(),
                                false),
                        (String) f[10],
                        (String) f[11]));
                setStatus((String) f[0], ((Number) f[1]).intValue(), Status.RECEIVED.name(), null);
            }
            return out;
        });
        try {
            publisher.publishAll(rows.stream().map(Row::event).toList());
            return rows.size();
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew()
                    .run(() -> rows.forEach(
                            r -> setStatus(r.event().reportId(), r.event().revision(), r.status(), r.reason())));
            throw new ProblemException(
                    503,
                    "the message broker did not acknowledge; reprocessing stopped, " + "run it again later",
                    Map.of("Retry-After", "10"));
        }
    }

    private void setStatus(String id, int revision, String status, String reason) {
        em.createNativeQuery("UPDATE report_revision SET status = ?1, status_reason = ?2, updated_at = ?3 "
                        + "WHERE report_id = ?4 AND revision = ?5")
                .setParameter(1, status)
                .setParameter(2, reason)
                .setParameter(3, Timestamp.from(Instant.now()))
                .setParameter(4, id)
                .setParameter(5, revision)
                .executeUpdate();
    }
}
