package io.fazhi.ingest.api;

import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.ingest.domain.Accepted;
import io.fazhi.ingest.persistence.StoredRevision;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report's current revision (or one revision, in its history) as the API shows it; with an upload's outcome. */
@Schema(name = "Report", example = """
        {"id": "3f1c2a9e-5b0d-4c7a-9e2f-0a1b2c3d4e5f", "status": "AGGREGATED", "revision": 2,
         "agency": "江门市新会区科工商务局", "city": "江门市", "district": "新会区", "year": 2019,
         "title": "江门市新会区科工商务局2019年法治政府建设年度报告", "published": "2020-03-25",
         "textChars": 6120, "sections": 14, "metrics": 37, "extractorVersion": "2.1.0",
         "compliance": {"measuresAndResults": true, "shortcomings": true, "leadersDuties": true,
                        "nextYearPlans": true, "otherMatters": false},
         "complete": false, "warnings": ["uploaded year 2019 differs from the title's 2020"],
         "origin": "upload", "withdrawn": false, "queued": false,
         "receivedAt": "2026-01-05T08:00:00Z", "updatedAt": "2026-01-05T08:00:03Z"}""")
public record ReportView(
        String id,

        @Schema(description = "RECEIVED, EXTRACTED, AGGREGATED, or FAILED with the reason")
        Status status,

        String reason,

        @Schema(
                description = "1 for the first text, one more for each later text of the same agency and year, merge, "
                        + "split or withdrawal")
        Integer revision,

        String agency,
        String city,
        String district,
        Integer year,
        String title,
        String published,
        String sourceUrl,
        Integer textChars,

        @Schema(description = "sections found by the extractor")
        Integer sections,

        @Schema(description = "metrics found by the extractor")
        Integer metrics,

        String extractorVersion,

        @Schema(description = "which of the five required parts the report contains")
        ReportInfo.Compliance compliance,

        @Schema(description = "whether all five required parts are present")
        Boolean complete,

        @Schema(description = "conflicts between uploaded values and the text")
        List<String> warnings,

        @Schema(description = "the token subject that uploaded (or corrected) this revision")
        String uploadedBy,

        @Schema(description = "upload | merge | split | restore | withdraw")
        String origin,

        @Schema(description = "this revision takes the report out of every rollup (merged away, or withdrawn)")
        Boolean withdrawn,

        @Schema(description = "the report this one was merged into; it answers for this one")
        String mergedInto,

        @Schema(description = "the report this revision's text belongs to now (merged away, or split off)")
        String movedTo,

        @Schema(description = "stored, but not yet acknowledged by the message broker (it will be)")
        Boolean queued,

        @Schema(description = "uploads only: new, revision or duplicate")
        String outcome,

        @Schema(
                description = "uploads only: the report this upload is a copy of (the same text, or the same report in "
                        + "another form from someone else); nothing was counted twice")
        String duplicateOf,

        Instant receivedAt,
        Instant updatedAt) {

    static ReportView of(StoredRevision r) {
        return of(r, null, null);
    }

    static ReportView of(Accepted a) {
        String outcome = switch (a.outcome()) {
            case ACCEPTED -> "new";
            case REVISION -> "revision";
            default -> "duplicate";
        };
        if (a.report() == null) {
            // another agency's report: the caller learns only which report it duplicates
            return new ReportView(
                    a.reportId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    outcome,
                    a.duplicateOf(),
                    null,
                    null);
        }
        return of(a.report(), outcome, a.duplicateOf());
    }

    private static ReportView of(StoredRevision r, String outcome, String duplicateOf) {
        return new ReportView(
                r.reportId(),
                r.status(),
                r.statusReason(),
                r.revision(),
                r.agency(),
                r.city(),
                r.district(),
                r.year(),
                r.title(),
                r.published(),
                r.sourceUrl(),
                r.textChars(),
                r.sections(),
                r.metrics(),
                r.extractorVersion(),
                r.compliance(),
                r.compliance() == null ? null : r.compliance().complete(),
                r.warnings() == null ? List.of() : r.warnings(),
                r.uploadedBy(),
                r.origin(),
                r.withdrawn(),
                r.mergedInto(),
                r.movedTo(),
                r.publishedAt() == null,
                outcome,
                duplicateOf,
                r.receivedAt(),
                r.updatedAt());
    }
}
