package io.fazhi.aggregate.model;

import java.util.List;

/** One page of results and how many there are over all pages. */
public record Page<T>(List<T> items, long total) {}
