package io.fazhi.engine;

import java.util.List;

/**
 * A section of a report with the metrics in its own text (not its subsections'). The preamble (text before the
 * first heading) has no heading and level 0.
 */
public record Section(String heading, int level, String path, String category, int offset, List<Metric> metrics) {}
