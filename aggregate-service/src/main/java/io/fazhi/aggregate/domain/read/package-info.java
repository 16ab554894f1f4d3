/**
 * Reading the rollups: cells, facts, cities, and the comparison of a city's agencies or districts on one indicator
 * with the previous year beside each figure.
 */
package io.fazhi.aggregate.domain.read;
