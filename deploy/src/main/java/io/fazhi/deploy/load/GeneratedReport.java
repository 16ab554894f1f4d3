package io.fazhi.deploy.load;

/**
 * One distinct report of a run, as uploaded by an operator with its agency, city and year: a report of its own as
 * long as no other report has the same agency and year or a near-duplicate text (ingest-service's identity).
 *
 * @param idempotencyKey the client's Idempotency-Key, the same on every retry of this upload
 * @param agency         null: ingest-service and the extractor read it from the text
 * @param district       null: the extractor infers it from the text (as it does in extract-service)
 */
public record GeneratedReport(
        String idempotencyKey, String text, String agency, String city, String district, int year) {

    /** The (city, year) slice the report counts in. */
    public String slice() {
        return city + "|" + year;
    }
}
