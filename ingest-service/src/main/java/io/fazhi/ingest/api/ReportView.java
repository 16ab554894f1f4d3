package io.fazhi.ingest.api;

import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.ingest.persistence.RevisionEntity;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report's current revision (or one revision, in its history) as the API shows it. */
@Schema(name = "Report", example = """
        {"id": "3f1c2a9e-5b0d-4c7a-9e2f-0a1b2c3d4e5f", "status": "AGGREGATED", "revision": 2,
         "agency": "江门市新会区科工商务局", "city": "江门市", "district": "新会区", "year": 2019,
         "title": "江门市新会区科工商务局2019年法治政府建设年度报告", "published": "2020-03-25",
         "textChars": 6120, "sections": 14, "metrics": 37, "extractorVersion": "2.1.0",
         "compliance": {"measuresAndResults": true, "shortcomings": true, "leadersDuties": true,
                        "nextYearPlans": true, "otherMatters": false},
         "complete": false, "warnings": ["uploaded year 2019 differs from the title's 2020"],
         "receivedAt": "2026-01-05T08:00:00Z", "updatedAt": "2026-01-05T08:00:03Z"}""")
public record ReportView(
        String id,

        @Schema(description = "RECEIVED, EXTRACTED, AGGREGATED, or FAILED with the reason")
        Status status,

        String reason,

        @Schema(description = "1 for the first text, one more for each corrected text of the same agency and year")
        int revision,

        String agency,
        String city,
        String district,
        Integer year,
        String title,
        String published,
        String sourceUrl,
        int textChars,

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

        @Schema(description = "the token subject that uploaded this revision")
        String uploadedBy,

        Instant receivedAt,
        Instant updatedAt) {

    static ReportView of(RevisionEntity r) {
        return new ReportView(
                r.reportId,
                r.status,
                r.statusReason,
                r.revision,
                r.agency,
                r.city,
                r.district,
                r.year,
                r.title,
                r.published,
                r.sourceUrl,
                r.textChars,
                r.sections,
                r.metrics,
                r.extractorVersion,
                r.compliance,
                r.compliance == null ? null : r.compliance.complete(),
                r.warnings == null ? List.of() : r.warnings,
                r.uploadedBy,
                r.receivedAt,
                r.updatedAt);
    }
}
