package io.fazhi.ingest.api;

import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged.Status;
import io.fazhi.ingest.persistence.ReportEntity;
import java.time.Instant;
import java.util.List;

/** A report's status as the API shows it. */
public record ReportView(
        String id,
        Status status,
        String reason,
        int revision,
        String agency,
        String city,
        String district,
        Integer year,
        String title,
        String published,
        String sourceUrl,
        Integer sections,
        Integer metrics,
        String extractorVersion,
        ReportInfo.Compliance compliance,
        List<String> warnings,
        Instant receivedAt,
        Instant updatedAt) {

    static ReportView of(ReportEntity r) {
        return new ReportView(r.id, r.status, r.statusReason, r.revision, r.agency, r.city, r.district, r.year,
                r.title, r.published, r.sourceUrl, r.sections, r.metrics, r.extractorVersion, r.compliance,
                r.warnings == null ? List.of() : r.warnings, r.receivedAt, r.updatedAt);
    }
}
