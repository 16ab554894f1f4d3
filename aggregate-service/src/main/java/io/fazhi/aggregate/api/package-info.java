/**
 * The HTTP API: rollups, facts, cities, comparisons and indicators as JSON, CSV or .xlsx; the operator's recompute;
 * parameter parsing (400 naming the parameter), 503 while the database is away, and read access.
 */
package io.fazhi.aggregate.api;
