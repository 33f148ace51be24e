package io.thumbler.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import io.thumbler.config.ConfigReader;

/**
 * The values of the {@code X-Origin-Secret} header that CloudFront adds to every origin request
 * ({@code THUMBLER_ORIGIN_SECRET}, comma-separated: during a rotation both the old and the new
 * value are accepted). Empty means the check is off.
 *
 * <p>Each value is compared in constant time, so response timing does not reveal how much
 * of a guess was right; every configured value is always compared.
 */
public final class OriginSecrets {

    public static final String HEADER = "X-Origin-Secret";
    static final String KEY = "thumbler.origin-secret";
    /** A secret shorter than this is guessable; CloudFront header values may be up to 1783 characters. */
    static final int MIN_LENGTH = 16;

    private final List<byte[]> secrets;

    OriginSecrets(List<String> values) {
        this.secrets = values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public static OriginSecrets read(ConfigReader config) {
        List<String> values = config.list(KEY);
        for (String v : values) {
            if (v.length() < MIN_LENGTH) {
                throw ConfigReader.invalid(KEY, "a secret of " + v.length() + " characters is too short to keep anyone out;"
                        + " use at least " + MIN_LENGTH + " (e.g. openssl rand -hex 32)");
            }
        }
        return new OriginSecrets(values);
    }

    /** Whether requests must carry the header at all. */
    public boolean enabled() {
        return !secrets.isEmpty();
    }

    /** Whether {@code presented} (the header's value, may be {@code null}) is one of the secrets. */
    public boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] secret : secrets) {
            match |= MessageDigest.isEqual(secret, given);
        }
        return match;
    }
}
