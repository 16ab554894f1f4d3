package io.fazhi.contracts;

import java.util.List;

/**
 * The Kafka topics of the pipeline. Every record is keyed by its report id, so all events of one report
 * land on one partition and are consumed in order by one instance.
 */
public final class Topics {
    /** ingest-service -> extract-service: {@link ReportSubmitted}. */
    public static final String REPORTS = "reports.v1";
    /** extract-service -> aggregate-service: {@link SectionExtracted}, one per section. */
    public static final String SECTIONS = "sections.v1";
    /** every service -> ingest-service: {@link ReportStatusChanged}. */
    public static final String REPORT_STATUS = "report-status.v1";

    public static final String REPORTS_DLQ = REPORTS + ".dlq";
    public static final String SECTIONS_DLQ = SECTIONS + ".dlq";
    public static final String REPORT_STATUS_DLQ = REPORT_STATUS + ".dlq";

    /** Largest record the pipeline writes (a report near the 2 MB text limit, UTF-8, plus metadata). */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /** The topics with their partition counts, as local runs and tests create them. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(REPORTS, 6),
            new TopicSpec(SECTIONS, 6),
            new TopicSpec(REPORT_STATUS, 3),
            new TopicSpec(REPORTS_DLQ, 1),
            new TopicSpec(SECTIONS_DLQ, 1),
            new TopicSpec(REPORT_STATUS_DLQ, 1));

    public record TopicSpec(String name, int partitions) {}

    private Topics() {}
}
