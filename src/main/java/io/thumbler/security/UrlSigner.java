package io.thumbler.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.thumbler.error.ThumblerException;

/**
 * Signs and verifies imgproxy URL paths.
 *
 * <p>The signature is computed over the path after the signature segment, leading {@code /}
 * included, byte for byte as this class is given it: no decoding or normalisation happens here.
 * The thumbnail endpoints give it the received path with imgproxy's proxy rewrites undone ({@code
 * transform.ProxyRewrites}) and parse that same text, so what was signed is exactly what is parsed.
 * Optional truncation ({@code signatureBytes} below 32) follows imgproxy's {@code
 * IMGPROXY_SIGNATURE_SIZE}: the digest is cut before encoding.
 */
public final class UrlSigner {

    /** The sizes imgproxy's {@code IMGPROXY_SIGNATURE_SIZE} accepts. */
    public static final int MIN_SIGNATURE_BYTES = 1;
    public static final int MAX_SIGNATURE_BYTES = 32;
    /**
     * Below this a valid signature for any path can be found by trying signatures against the
     * server: an n-byte signature is one of 2^(8n) values.
     */
    public static final int RECOMMENDED_MIN_SIGNATURE_BYTES = 16;

    private final List<SigningKey> keys;
    private final int signatureBytes;

    public UrlSigner(List<SigningKey> keys, int signatureBytes) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        if (signatureBytes < MIN_SIGNATURE_BYTES || signatureBytes > MAX_SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature size must be between " + MIN_SIGNATURE_BYTES + " and "
                    + MAX_SIGNATURE_BYTES + " bytes, not " + signatureBytes);
        }
        this.keys = List.copyOf(keys);
        this.signatureBytes = signatureBytes;
    }

    /** The signature of {@code path} with the first (current) key. */
    public String sign(String path) {
        return encode(digest(keys.get(0), path));
    }

    /**
     * Checks {@code signature} against every configured key in constant time per key.
     *
     * @throws ThumblerException 403 when no key produced this signature
     */
    public void verify(String signature, String path) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // Only the exact unpadded base64url form is accepted: '=' or '+' '/' variants of a valid
        // signature would otherwise be other spellings of one URL.
        if (!encode(given).equals(signature)) {
            throw invalid();
        }
        boolean match = false;
        for (SigningKey key : keys) {
            match |= MessageDigest.isEqual(digest(key, path), given);
        }
        if (!match) {
            throw invalid();
        }
    }

    private static ThumblerException invalid() {
        return ThumblerException.forbidden("invalid signature: the signature segment does not match the path (check the key, the salt and the exact path that was signed)");
    }

    private byte[] digest(SigningKey key, String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.key(), "HmacSHA256"));
            mac.update(key.salt());
            byte[] full = mac.doFinal(path.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, signatureBytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
