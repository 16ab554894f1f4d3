package io.fazhi.ingest.domain;

import io.fazhi.ingest.persistence.StorageException;
import io.fazhi.kafka.TransientFailures;
import java.time.Duration;

/** The database being away becomes {@link DomainException.Unavailable}: the caller is told to retry. */
final class StorageFailures {
    /** What a client is asked to wait before retrying. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private StorageFailures() {}

    /** {@code e} as Unavailable when a retry can outlast it, else itself. */
    static RuntimeException translate(RuntimeException e) {
        if (e instanceof StorageException && TransientFailures.isTransient(e)) {
            return new DomainException.Unavailable(
                    "the database is not available; nothing was stored, try again later", RETRY_AFTER, e);
        }
        return e;
    }
}
