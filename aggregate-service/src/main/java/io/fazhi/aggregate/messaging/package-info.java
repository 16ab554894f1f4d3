/**
 * Kafka: section events consumed in batches (one transaction per batch, poison records dead-lettered alone,
 * failures of the infrastructure retried) and AGGREGATED statuses published once a batch committed.
 */
package io.fazhi.aggregate.messaging;
