package io.fazhi.aggregate.model;

/**
 * A revision whose last section just arrived: a candidate to become its report's current revision.
 *
 * @param arrival the order in which extractions were first seen: of two of the same revision, the later counts
 * @param member what it adds to its slice summary when it counts; null for a withdrawn revision
 */
public record CompletedRevision(RevisionKey key, long arrival, boolean withdrawn, SliceMember member) {}
