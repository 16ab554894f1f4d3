package io.fazhi.kafka;

/**
 * A message no retry can process: unreadable, of a schema this service does not know, or violating a rule of the
 * data. The failure strategy {@link DeadLetterPoisonOnly} sends it to the channel's dead-letter topic.
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
