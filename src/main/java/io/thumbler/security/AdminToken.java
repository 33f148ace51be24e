package io.thumbler.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <THUMBLER_ADMIN_TOKEN>}. Both sides are hashed before a
 * constant-time comparison, so neither the content nor the length of the token leaks through timing.
 */
public final class AdminToken {

    private final byte[] expectedHash;

    /** @param token the configured token, or empty when the admin endpoints are off */
    public AdminToken(Optional<String> token) {
        this.expectedHash = token.map(AdminToken::sha256).orElse(null);
    }

    public boolean configured() {
        return expectedHash != null;
    }

    /** @param authorization the header's value, or {@code null} */
    public boolean accepts(String authorization) {
        if (expectedHash == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(expectedHash, sha256(authorization.substring(7).trim()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
