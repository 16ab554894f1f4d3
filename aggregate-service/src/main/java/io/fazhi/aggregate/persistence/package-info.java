/**
 * PostgreSQL access in plain JDBC on the service's pool: facts written with COPY, set-based statements for the
 * incremental rollups, the full recompute, and the read queries. Every statement binds its values; none is built
 * from input.
 */
package io.fazhi.aggregate.persistence;
