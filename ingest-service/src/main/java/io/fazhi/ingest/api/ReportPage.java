package io.fazhi.ingest.api;

import java.util.List;

/** One page of reports, newest first. */
public record ReportPage(List<ReportView> items, int page, int size, long total) {}
