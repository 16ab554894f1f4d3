/**
 * Maintaining the rollups: section events become facts, a completed revision becomes its report's current one, and
 * the difference between its contributions and those of the revision it replaces is added to the rollup cells,
 * the agency cells and the slice summaries, all in the transaction of one batch. The arithmetic is plain code with
 * tests of its own; the full recompute stays for repairs.
 */
package io.fazhi.aggregate.domain.rollup;
