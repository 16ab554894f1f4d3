package io.fazhi.deploy.load;

/**
 * One distinct report of a load run, as uploaded: an operator's backfill (no agency), so every distinct text is a
 * report of its own, with the city and year it counts under.
 *
 * @param idempotencyKey the client's Idempotency-Key, the same on every retry of this upload
 * @param district       null: the extractor infers it from the text (as it does in extract-service)
 */
public record GeneratedReport(String idempotencyKey, String text, String city, String district, int year) {

    /** The (city, year) slice the report counts in. */
    public String slice() {
        return city + "|" + year;
    }
}
