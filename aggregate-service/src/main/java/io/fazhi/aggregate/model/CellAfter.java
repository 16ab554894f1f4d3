package io.fazhi.aggregate.model;

import java.math.BigDecimal;

/** A rollup cell after a change was added: how many reports it holds and its extremes. */
public record CellAfter(CellKey cell, int reports, BigDecimal min, BigDecimal max) {}
