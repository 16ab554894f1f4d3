package io.fazhi.ingest.domain;

/**
 * Who calls, from the verified token: an operator (any agency or none) or an agency (its own reports only). The role
 * and claim names are {@link io.fazhi.contracts.Roles}.
 *
 * @param subject the token's subject, recorded with each revision
 * @param agency the agency the token names (agency role), else null
 */
public record Caller(String subject, boolean operator, String agency) {

    /** The key Idempotency-Keys are scoped to. */
    public String idempotencyScope() {
        return operator ? "operator:" + subject : "agency:" + agency;
    }

    /** Whether this caller may see reports owned by {@code owner} (an agency's name, or '' for backfills). */
    public boolean maySee(String owner) {
        return operator || (agency != null && agency.equals(owner));
    }

    /** Refuses unless the caller is an operator. */
    public void requireOperator(String what) {
        if (!operator) {
            throw new DomainException.NotPermitted("only an operator may " + what);
        }
    }
}
