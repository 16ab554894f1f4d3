package io.fazhi.ingest.api;

import io.fazhi.ingest.domain.Caller;
import io.fazhi.problems.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of this request, from its verified token: groups {@code operator} or {@code agency}; an agency token
 * names its agency in the {@code agency} claim.
 */
@RequestScoped
public class Callers {
    public static final String AGENCY_CLAIM = "agency";

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public Callers(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public Caller current() {
        String subject = identity.getPrincipal() == null
                ? "anonymous"
                : identity.getPrincipal().getName();
        if (identity.hasRole(Caller.OPERATOR)) {
            return new Caller(subject, true, null);
        }
        Object agency = jwt.getClaim(AGENCY_CLAIM);
        String name =
                agency == null ? null : agency.toString().replace("\"", "").strip();
        if (!identity.hasRole(Caller.AGENCY) || name == null || name.isEmpty()) {
            throw new ProblemException(403, "the token names no agency");
        }
        return new Caller(subject, false, name);
    }
}
