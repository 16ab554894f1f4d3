package io.fazhi.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The local run's token issuer: an RSA key pair generated on first start under {@code <data>/jwt/} (never
 * committed), whose public key ingest-service verifies tokens with, and RS256 tokens signed with its private key.
 * In production the city's identity provider issues the tokens instead.
 */
public final class LocalKeys {
    /** The issuer ingest-service expects (mp.jwt.verify.issuer). */
    public static final String ISSUER = "https://fazhi.local/issuer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalKeys() {}

    public static Path publicKey(Path dataDir) {
        return dataDir.resolve("jwt").resolve("public-key.pem");
    }

    private static Path privateKey(Path dataDir) {
        return dataDir.resolve("jwt").resolve("private-key.pem");
    }

    /** Generates the key pair unless it exists; returns the public key file. */
    public static synchronized Path ensure(Path dataDir) {
        Path pub = publicKey(dataDir);
        Path priv = privateKey(dataDir);
        if (Files.isRegularFile(pub) && Files.isRegularFile(priv)) {
            return pub;
        }
        try {
            Files.createDirectories(pub.getParent());
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return pub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String operatorToken(Path dataDir, Duration valid) {
        return token(dataDir, "local-operator", List.of("operator"), null, valid);
    }

    public static String agencyToken(Path dataDir, String agency, Duration valid) {
        return token(dataDir, "agency:" + agency, List.of("agency"), agency, valid);
    }

    /** A signed JWT (RS256) with issuer, subject, upn, groups, the agency claim, iat and exp. */
    public static String token(Path dataDir, String subject, List<String> groups, String agency, Duration valid) {
        ensure(dataDir);
        try {
            ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
            long now = Instant.now().getEpochSecond();
            ObjectNode claims = JSON.createObjectNode()
                    .put("iss", ISSUER)
                    .put("sub", subject)
                    .put("upn", subject)
                    .put("iat", now)
                    .put("exp", now + valid.toSeconds());
            groups.forEach(claims.putArray("groups")::add);
            if (agency != null) {
                claims.put("agency", agency);
            }
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(readPrivateKey(privateKey(dataDir)));
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
