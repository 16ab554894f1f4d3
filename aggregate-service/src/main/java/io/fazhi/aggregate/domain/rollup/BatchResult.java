package io.fazhi.aggregate.domain.rollup;

import io.fazhi.aggregate.model.RevisionKey;
import java.util.List;

/**
 * What applying a batch did.
 *
 * @param applied events applied for the first time
 * @param duplicates events recognised as applied before (redeliveries, replays)
 * @param completed revisions whose last section arrived in this batch
 * @param aggregated the complete revisions the batch touched, new or redelivered: AGGREGATED is sent for each, once
 *     the transaction committed
 */
public record BatchResult(int applied, int duplicates, int completed, List<RevisionKey> aggregated) {}
