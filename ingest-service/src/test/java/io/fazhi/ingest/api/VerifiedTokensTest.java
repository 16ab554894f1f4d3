package io.fazhi.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens: what it keeps, for how long, and what it never keeps. */
class VerifiedTokensTest {
    private static final Instant START = Instant.parse("2027-03-20T08:00:00Z");
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** Time for both the cache (a ticker) and the expiry arithmetic (a clock), moved by the test. */
    private final AtomicLong elapsedNanos = new AtomicLong();

    private final Ticker ticker = elapsedNanos::get;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return START.plusNanos(elapsedNanos.get());
        }
    };

    /** Verifies tokens of the form "valid:<exp seconds from START>" and rejects all others; counts its work. */
    private final CountingVerifier verifier = new CountingVerifier();

    private final VerifiedTokens cache = new VerifiedTokens(100, MAX_AGE, ticker, clock);

    private void advance(Duration d) {
        elapsedNanos.addAndGet(d.toNanos());
    }

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromMemory() throws Exception {
        JsonWebToken first = cache.get("valid:3600", verifier);
        assertSame(first, cache.get("valid:3600", verifier));
        assertSame(first, cache.get("valid:3600", verifier));
        assertEquals(1, verifier.verifications.get());
        cache.get("valid:3601", verifier); // another token: verified on its own
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void aTokenThatFailsVerificationIsNeverKept() {
        assertThrows(ParseException.class, () -> cache.get("forged", verifier));
        assertThrows(ParseException.class, () -> cache.get("forged", verifier));
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void aTokenIsNoLongerAnsweredFromMemoryOnceItExpires() throws Exception {
        cache.get("valid:30", verifier); // expires in 30 s, before the cache's own 60 s
        advance(Duration.ofSeconds(29));
        cache.get("valid:30", verifier);
        assertEquals(1, verifier.verifications.get());
        advance(Duration.ofSeconds(2)); // past its exp: the verifier is asked again (and would reject it)
        assertThrows(ParseException.class, () -> cache.get("valid:30", verifier));
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() throws Exception {
        cache.get("valid:3600", verifier);
        advance(MAX_AGE.minusSeconds(1));
        cache.get("valid:3600", verifier);
        assertEquals(1, verifier.verifications.get());
        advance(Duration.ofSeconds(2));
        cache.get("valid:3600", verifier);
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void lifetimeIsTheEarlierOfExpiryAndMaximumAge() {
        assertEquals(Duration.ofSeconds(10), VerifiedTokens.lifetime(token(10), MAX_AGE, clock));
        assertEquals(MAX_AGE, VerifiedTokens.lifetime(token(3600), MAX_AGE, clock));
        assertEquals(Duration.ZERO, VerifiedTokens.lifetime(token(-5), MAX_AGE, clock));
        assertEquals(MAX_AGE, VerifiedTokens.lifetime(new FakeToken(Map.of()), MAX_AGE, clock));
    }

    @Test
    void withNoRoomEveryTokenIsVerified() throws Exception {
        VerifiedTokens off = new VerifiedTokens(0, MAX_AGE, ticker, clock);
        off.get("valid:3600", verifier);
        off.get("valid:3600", verifier);
        assertEquals(2, verifier.verifications.get());
    }

    private JsonWebToken token(long expiresInSeconds) {
        return new FakeToken(Map.of("exp", START.getEpochSecond() + expiresInSeconds));
    }

    private final class CountingVerifier implements VerifiedTokens.Verifier {
        final AtomicLong verifications = new AtomicLong();

        @Override
        public JsonWebToken verify(String token) throws ParseException {
            verifications.incrementAndGet();
            if (!token.startsWith("valid:")) {
                throw new ParseException("not signed by the identity provider");
            }
            long expiresIn = Long.parseLong(token.substring("valid:".length()));
            JsonWebToken jwt = token(expiresIn);
            if (jwt.getExpirationTime() * 1000 <= clock.millis()) {
                throw new ParseException("expired");
            }
            return jwt;
        }
    }

    private record FakeToken(Map<String, Object> claims) implements JsonWebToken {
        FakeToken {
            claims = new HashMap<>(claims);
        }

        @Override
        public String getName() {
            return "caller";
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }
}
