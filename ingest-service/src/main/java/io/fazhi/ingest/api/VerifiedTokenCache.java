package io.fazhi.ingest.api;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once, then answers from memory ({@link VerifiedTokens}) until it expires: a client that
 * uploads the reports of many offices sends the same token with every request, and checking its RS256 signature and
 * claims each time was about a tenth of an upload's CPU. A decorator of smallrye-jwt's parser, which the JWT
 * authentication mechanism calls for every request; its other methods pass through unchanged.
 *
 * <p>{@code fazhi.ingest.auth.token-cache.max-age} bounds how long a token signed with a key since removed from the
 * identity provider's JWKS keeps passing; {@code max-entries} 0 turns the cache off. Hits and misses are the
 * {@code cache.gets} meters tagged {@code cache=verified-tokens}.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {
    static final String METRICS_NAME = "verified-tokens";

    private final JWTParser verifier;
    private final VerifiedTokens tokens;

    @Inject
    protected VerifiedTokenCache(
            @Delegate @Any JWTParser verifier,
            @ConfigProperty(name = "fazhi.ingest.auth.token-cache.max-entries", defaultValue = "1000") int maxEntries,
            @ConfigProperty(name = "fazhi.ingest.auth.token-cache.max-age", defaultValue = "60s") Duration maxAge,
            MeterRegistry registry) {
        this.verifier = verifier;
        this.tokens = new VerifiedTokens(maxEntries, maxAge, Ticker.systemTicker(), Clock.systemUTC());
        tokens.cache().ifPresent(c -> CaffeineCacheMetrics.monitor(registry, c, METRICS_NAME));
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return tokens.get(token, verifier::parse);
    }
}
