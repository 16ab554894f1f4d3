package io.fazhi.ingest.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens that passed verification, kept until the earlier of their own {@code exp} and {@code maxAge} after
 * they were verified, at most {@code maxEntries} of them (least recently used go first; 0 keeps none). Keyed by the
 * whole token, signature included, so an altered token is never answered from here; a token that fails
 * verification is never kept.
 */
final class VerifiedTokens {
    /** The full check of a token: signature, issuer, expiry; throws for a token that does not verify. */
    @FunctionalInterface
    interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, JsonWebToken> verified;

    VerifiedTokens(int maxEntries, Duration maxAge, Ticker ticker, Clock clock) {
        this.verified = maxEntries <= 0
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .ticker(ticker)
                        .expireAfter(Expiry.creating((String token, JsonWebToken jwt) -> lifetime(jwt, maxAge, clock)))
                        .recordStats()
                        .build();
    }

    /** The token's verified claims: from memory when it verified before and is still valid, else from verifier. */
    JsonWebToken get(String token, Verifier verifier) throws ParseException {
        if (verified == null) {
            return verifier.verify(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = verifier.verify(token); // throws for a token that does not verify: nothing is kept
        verified.put(token, jwt);
        return jwt;
    }

    /** The cache, for its hit and miss meters; empty when turned off. */
    Optional<Cache<String, JsonWebToken>> cache() {
        return Optional.ofNullable(verified);
    }

    /** How long a verified token may be answered from memory: until its expiry, at most {@code maxAge}. */
    static Duration lifetime(JsonWebToken jwt, Duration maxAge, Clock clock) {
        if (!(jwt.getClaim(Claims.exp.name()) instanceof Number exp)) {
            return maxAge; // the verifier requires exp; without one, the maximum age alone bounds it
        }
        Duration left = Duration.ofMillis(Math.max(0, exp.longValue() * 1000 - clock.millis()));
        return left.compareTo(maxAge) < 0 ? left : maxAge;
    }
}
