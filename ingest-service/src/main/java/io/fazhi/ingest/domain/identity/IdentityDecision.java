package io.fazhi.ingest.domain.identity;

import java.util.List;
import java.util.Optional;

/**
 * Decides what an upload is, from what the store already holds. In this order:
 *
 * <ol>
 *   <li>the same Idempotency-Key: with the same request, the report it made; with another request, a conflict;
 *   <li>the same normalised text (any caller): that report, as a duplicate;
 *   <li>a near duplicate (sketch similarity at least {@link SimilaritySketch#SAME_REPORT}, and no two different
 *       years): of the same agency and year, a new revision of that report; else that report, as a duplicate;
 *   <li>the same agency and year: a new revision of that report (a corrected text);
 *   <li>otherwise a new report.
 * </ol>
 *
 * Plain Java: the rules are tested without a database.
 */
public final class IdentityDecision {
    private IdentityDecision() {}

    /** A stored report, as the decision needs it: its id and its identity. */
    public record Known(String reportId, String agencyKey, Integer year) {}

    /** A report holding a text whose sketch may be near the upload's. */
    public record Near(Known report, SimilaritySketch sketch) {}

    /**
     * What the store holds that may be this upload.
     *
     * @param keyFingerprint the fingerprint stored with the upload's Idempotency-Key, else null
     * @param keyReport the report that key answered, else null
     * @param exact the report holding the same normalised text, else null
     * @param sameIdentity the report of the upload's agency and year, else null
     * @param near reports sharing an LSH band with the upload
     */
    public record Found(String keyFingerprint, Known keyReport, Known exact, Known sameIdentity, List<Near> near) {}

    /** The outcome. */
    public sealed interface Decision {}

    /** An existing report; {@code duplicate}: the upload was recognised as a copy of it. */
    public record Existing(Known report, boolean duplicate) implements Decision {}

    /** The Idempotency-Key was used before with a different request. */
    public record KeyReused() implements Decision {}

    /** A new revision of this report. */
    public record NewRevision(Known report) implements Decision {}

    /** A new report. */
    public record NewReport() implements Decision {}

    public static Decision decide(Identity upload, SimilaritySketch sketch, String fingerprint, Found found) {
        if (found.keyReport() != null) {
            return fingerprint.equals(found.keyFingerprint())
                    ? new Existing(found.keyReport(), false)
                    : new KeyReused();
        }
        if (found.exact() != null) {
            return new Existing(found.exact(), true);
        }
        Optional<Known> near = nearest(upload, sketch, found.near());
        if (near.isPresent()) {
            Known report = near.get();
            return upload.sameAs(report.agencyKey(), report.year())
                    ? new NewRevision(report)
                    : new Existing(report, true);
        }
        if (found.sameIdentity() != null) {
            return new NewRevision(found.sameIdentity());
        }
        return new NewReport();
    }

    /** The most similar report at or above the threshold whose year does not contradict the upload's. */
    static Optional<Known> nearest(Identity upload, SimilaritySketch sketch, List<Near> candidates) {
        if (sketch == null) {
            return Optional.empty();
        }
        Known best = null;
        double bestSimilarity = SimilaritySketch.SAME_REPORT;
        for (Near n : candidates) {
            if (n.sketch() == null || !upload.yearCompatible(n.report().year())) {
                continue;
            }
            double s = sketch.similarity(n.sketch());
            if (s >= bestSimilarity) {
                best = n.report();
                bestSimilarity = s;
            }
        }
        return Optional.ofNullable(best);
    }
}
