package io.fazhi.aggregate.model;

/**
 * A report as it counts now, read under its row lock.
 *
 * @param current its current revision, null before its first one completed
 * @param arrival the arrival of the current revision (0 without one)
 * @param counted what it adds to its slice summary now; null when it does not count (none yet, or withdrawn)
 */
public record ReportState(String reportId, RevisionKey current, long arrival, SliceMember counted) {}
