package io.thumbler.security;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;

/**
 * Reads the signing configuration: {@code THUMBLER_KEY} and {@code THUMBLER_SALT} (hex; several
 * comma-separated pairs for key rotation, the first one signs), {@code THUMBLER_SIGNATURE_SIZE}
 * and {@code THUMBLER_INSECURE}.
 *
 * <p>The signature size takes imgproxy's range, 1 to 32 bytes, so that URLs signed for an
 * imgproxy with a short {@code IMGPROXY_SIGNATURE_SIZE} keep working; below 16 bytes a warning
 * says how few tries a forged signature needs.
 */
public final class SigningSettings {

    private static final Logger LOG = Logger.getLogger(SigningSettings.class.getName());

    static final String KEY = "thumbler.key";
    static final String SALT = "thumbler.salt";
    static final String SIGNATURE_SIZE = "thumbler.signature-size";
    static final String INSECURE = "thumbler.insecure";

    private SigningSettings() {
    }

    public static SignaturePolicy read(ConfigReader config) {
        boolean insecure = config.bool(INSECURE, false);
        List<String> keys = config.list(KEY);
        List<String> salts = config.list(SALT);
        if (keys.isEmpty()) {
            if (insecure) {
                return SignaturePolicy.insecure();
            }
            throw ConfigReader.invalid(KEY, "no signing key is set; set THUMBLER_KEY and THUMBLER_SALT (hex),"
                    + " or THUMBLER_INSECURE=true to accept unsigned URLs (never in production)");
        }
        if (insecure) {
            throw ConfigReader.invalid(INSECURE, "is true while a signing key is set; choose one of the two");
        }
        if (salts.size() != keys.size()) {
            throw ConfigReader.invalid(SALT, keys.size() + " key(s) but " + salts.size() + " salt(s) are set; give one salt per key");
        }
        List<SigningKey> pairs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            try {
                pairs.add(SigningKey.fromHex(keys.get(i), salts.get(i)));
            } catch (IllegalArgumentException e) {
                String key = e.getMessage().contains("salt") ? SALT : KEY;
                throw ConfigReader.invalid(key, "entry " + (i + 1) + ": " + e.getMessage());
            }
        }
        int size = config.integer(SIGNATURE_SIZE, UrlSigner.MAX_SIGNATURE_BYTES, UrlSigner.MIN_SIGNATURE_BYTES,
                UrlSigner.MAX_SIGNATURE_BYTES);
        if (size < UrlSigner.RECOMMENDED_MIN_SIGNATURE_BYTES) {
            LOG.warning(SIGNATURE_SIZE + " (" + ConfigReader.envName(SIGNATURE_SIZE) + ") is " + size + ": a signature of "
                    + size + " byte" + (size == 1 ? "" : "s") + " is one of 2^" + (8 * size) + " values, so a valid one for any path"
                    + " can be found by trying them against the server; " + UrlSigner.RECOMMENDED_MIN_SIGNATURE_BYTES
                    + " bytes or more keep that out of reach");
        }
        try {
            return SignaturePolicy.signed(new UrlSigner(pairs, size));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
    }
}
