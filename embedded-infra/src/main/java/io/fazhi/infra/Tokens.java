package io.fazhi.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Test resource and token mint: an RSA key pair made for this test JVM (nothing committed), its public key given
 * to the service as mp.jwt.verify.publickey.location, and tokens signed with its private key.
 */
public class Tokens implements QuarkusTestResourceLifecycleManager {
    public static final String ISSUER = "https://fazhi.test/issuer";
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static Path publicKey;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (publicKey == null) {
                publicKey = Files.createTempFile("fazhi-test-jwt", ".pem");
                publicKey.toFile().deleteOnExit();
                Files.writeString(
                        publicKey,
                        "-----BEGIN PUBLIC KEY-----\n"
                                + Base64.getMimeEncoder(64, "\n".getBytes())
                                        .encodeToString(KEYS.getPublic().getEncoded())
                                + "\n-----END PUBLIC KEY-----\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("mp.jwt.verify.publickey.location", publicKey.toUri().toString(), "mp.jwt.verify.issuer", ISSUER);
    }

    @Override
    public void stop() {}

    public static String operator() {
        return "Bearer "
                + Jwt.issuer(ISSUER)
                        .subject("op-test")
                        .groups(Set.of("operator"))
                        .expiresIn(3600)
                        .sign(KEYS.getPrivate());
    }

    /** A token with the given roles (the "groups" claim) and no agency. */
    public static String withRoles(String... roles) {
        return "Bearer "
                + Jwt.issuer(ISSUER)
                        .subject("user-test")
                        .groups(Set.of(roles))
                        .expiresIn(3600)
                        .sign(KEYS.getPrivate());
    }

    public static String agency(String name) {
        return "Bearer "
                + Jwt.issuer(ISSUER)
                        .subject("agency-" + Math.abs(name.hashCode()))
                        .groups(Set.of("agency"))
                        .claim("agency", name)
                        .expiresIn(3600)
                        .sign(KEYS.getPrivate());
    }

    /** A well-formed token signed by someone else's key. */
    public static String forged() {
        return "Bearer "
                + Jwt.issuer(ISSUER)
                        .subject("mallory")
                        .groups(Set.of("operator"))
                        .expiresIn(3600)
                        .sign(OTHER_KEYS.getPrivate());
    }

    public static String expired() {
        long past = System.currentTimeMillis() / 1000 - 7200;
        return "Bearer "
                + Jwt.issuer(ISSUER)
                        .subject("late")
                        .groups(Set.of("operator"))
                        .issuedAt(past - 60)
                        .expiresAt(past)
                        .sign(KEYS.getPrivate());
    }

    public static String wrongIssuer() {
        return "Bearer "
                + Jwt.issuer("https://evil.example")
                        .subject("x")
                        .groups(Set.of("operator"))
                        .expiresIn(3600)
                        .sign(KEYS.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
