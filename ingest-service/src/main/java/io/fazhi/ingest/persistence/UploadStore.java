package io.fazhi.ingest.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Native SQL where ORM would cost round trips: the content-addressed uploads (insert once, on conflict nothing)
 * and the Idempotency-Keys. Callers run these inside their transaction.
 */
@ApplicationScoped
public class UploadStore {
    private final EntityManager em;

    public UploadStore(EntityManager em) {
        this.em = em;
    }

    /** Stores the original upload unless the same bytes are stored already. */
    public void putBlob(String sha256, String contentType, byte[] bytes) {
        em.createNativeQuery("INSERT INTO upload_blob (sha256, content_type, size, bytes, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sha256) DO NOTHING")
                .setParameter(1, sha256)
                .setParameter(2, contentType)
                .setParameter(3, (long) bytes.length)
                .setParameter(4, bytes)
                .setParameter(5, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** Removes an upload that no revision references any more (after a failed publication). */
    public void deleteBlobIfUnreferenced(String sha256) {
        if (sha256 == null) {
            return;
        }
        em.createNativeQuery("DELETE FROM upload_blob b WHERE b.sha256 = ?1 AND NOT EXISTS "
                        + "(SELECT 1 FROM report_revision v WHERE v.blob_sha256 = b.sha256)")
                .setParameter(1, sha256)
                .executeUpdate();
    }

    public record Blob(String contentType, byte[] bytes) {}

    public Optional<Blob> blob(String sha256) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT content_type, bytes FROM upload_blob WHERE sha256 = ?1")
                .setParameter(1, sha256)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Blob((String) r[0], (byte[]) r[1]));
    }

    public record IdempotentRequest(String fingerprint, String reportId, int revision) {}

    public Optional<IdempotentRequest> idempotencyKey(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint, report_id, revision FROM idempotency_key "
                        + "WHERE caller = ?1 AND key = ?2")
                .setParameter(1, caller)
                .setParameter(2, key)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new IdempotentRequest((String) r[0], (String) r[1], ((Number) r[2]).intValue()));
    }

    /** Records the key; false when another request recorded it first. */
    public boolean putIdempotencyKey(String caller, String key, String fingerprint, String reportId, int revision) {
        return em.createNativeQuery("INSERT INTO idempotency_key (caller, key, fingerprint, report_id, revision, "
                                + "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (caller, key) DO NOTHING")
                        .setParameter(1, caller)
                        .setParameter(2, key)
                        .setParameter(3, fingerprint)
                        .setParameter(4, reportId)
                        .setParameter(5, revision)
                        .setParameter(6, Timestamp.from(Instant.now()))
                        .executeUpdate()
                == 1;
    }
}
