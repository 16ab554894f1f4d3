package io.fazhi.ingest.domain;

import java.time.Duration;
import java.util.List;

/**
 * Why the domain refuses a request, or cannot serve it now. Each kind says what was wrong in words a caller can act
 * on; the API maps the kinds to HTTP statuses (the domain knows none).
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound,
                DomainException.NotPermitted,
                DomainException.Conflict,
                DomainException.TooLarge,
                DomainException.UnusableContent,
                DomainException.UnsupportedFormat,
                DomainException.InvalidFields,
                DomainException.Unavailable {

    DomainException(String message) {
        super(message, null, false, false);
    }

    DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** No such report, revision, original upload or agency. */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The caller may not do this: another agency's report, an unregistered agency, a role without the right. */
    public static final class NotPermitted extends DomainException {
        public NotPermitted(String message) {
            super(message);
        }
    }

    /** The request contradicts what is stored: a reused Idempotency-Key, an agency registered otherwise, a merge. */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The upload, its text or its pages exceed the limits. */
    public static final class TooLarge extends DomainException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /** Well-formed, but holds nothing usable: no text, binary, not Chinese, a damaged or bombed document. */
    public static final class UnusableContent extends DomainException {
        public UnusableContent(String message) {
            super(message);
        }
    }

    /** A format or charset the service does not read. */
    public static final class UnsupportedFormat extends DomainException {
        public UnsupportedFormat(String message) {
            super(message);
        }
    }

    /** Fields that cannot be used, each with what is wrong with it. */
    public static final class InvalidFields extends DomainException {
        /** One field and what is wrong with it. */
        public record Field(String name, String message) {}

        private final List<Field> fields;

        public InvalidFields(List<Field> fields) {
            super("the request has invalid fields");
            this.fields = List.copyOf(fields);
        }

        public InvalidFields(String field, String message) {
            this(List.of(new Field(field, message)));
        }

        public List<Field> fields() {
            return fields;
        }
    }

    /** The database is away: nothing was stored, the caller may try again after {@link #retryAfter()}. */
    public static final class Unavailable extends DomainException {
        private final Duration retryAfter;

        public Unavailable(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
