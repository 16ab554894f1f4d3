package io.fazhi.aggregate.model;

/** Sections and metrics of one extraction that arrived in one batch. */
public record SectionCount(RevisionKey key, int sections, int metrics) {}
