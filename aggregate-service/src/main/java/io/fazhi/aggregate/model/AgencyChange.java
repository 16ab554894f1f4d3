package io.fazhi.aggregate.model;

import java.math.BigDecimal;

/** What to add to an agency cell (negative to take away); {@code reports} is its reference count. */
public record AgencyChange(
        AgencyCellKey key, int reports, int observations, BigDecimal total, int nonAdditive, int lowerBounds) {}
