package io.fazhi.ingest.persistence;

import io.fazhi.contracts.ReportInfo;
import io.fazhi.contracts.ReportStatusChanged.Status;
import java.time.Instant;
import java.util.List;

/**
 * One revision of a report as stored: what was uploaded (or merged, split, restored, withdrawn), what was published,
 * and what the pipeline reported for it. The text itself is read only where it is needed.
 *
 * @param owner the agency whose report it is, '' for a backfill without agency
 * @param origin upload | merge | split | restore | withdraw
 * @param originReport merge: the report merged in; split: the report it was split off
 * @param movedTo the report this revision's text belongs to now, when merged away or split off
 * @param mergedInto the report this revision's report was merged into, when it was
 * @param publishedAt when the broker acknowledged its ReportSubmitted; null while it waits in the outbox
 */
public record StoredRevision(
        String reportId,
        int revision,
        String owner,
        String uploadedBy,
        String contentSha256,
        String blobSha256,
        int textChars,
        String agency,
        String city,
        String district,
        Integer year,
        String title,
        String published,
        String sourceUrl,
        Status status,
        String statusReason,
        String extractorVersion,
        Integer sections,
        Integer metrics,
        ReportInfo.Compliance compliance,
        List<String> warnings,
        boolean withdrawn,
        String origin,
        String originReport,
        String movedTo,
        String mergedInto,
        Instant receivedAt,
        Instant updatedAt,
        Instant publishedAt) {}
