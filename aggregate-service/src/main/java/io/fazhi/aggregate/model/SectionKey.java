package io.fazhi.aggregate.model;

/** One section of one extraction: the identity of the section event that carries it. */
public record SectionKey(RevisionKey revision, int index) {}
