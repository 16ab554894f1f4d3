package io.fazhi.ingest.api;

import io.fazhi.contracts.Roles;
import io.fazhi.ingest.domain.Caller;
import io.fazhi.ingest.domain.DomainException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of this request, from its verified token: role {@link Roles#OPERATOR} or {@link Roles#AGENCY} (the
 * {@link Roles#GROUPS_CLAIM} claim); an agency token names its agency in the {@link Roles#AGENCY_CLAIM} claim.
 */
@RequestScoped
public class Callers {
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
        if (identity.hasRole(Roles.OPERATOR)) {
            return new Caller(subject, true, null);
        }
        Object agency = jwt.getClaim(Roles.AGENCY_CLAIM);
        String name =
                agency == null ? null : agency.toString().replace("\"", "").strip();
        if (!identity.hasRole(Roles.AGENCY) || name == null || name.isEmpty()) {
            throw new DomainException.NotPermitted("the token names no agency");
        }
        return new Caller(subject, false, name);
    }
}
