package io.thumbler.security;

import java.util.HexFormat;

/**
 * One key/salt pair, as imgproxy configures them: both hex-encoded.
 */
public record SigningKey(byte[] key, byte[] salt) {

    public SigningKey {
        if (key.length == 0) {
            throw new IllegalArgumentException("a signing key must not be empty");
        }
        key = key.clone();
        salt = salt.clone();
    }

    /** Reads a pair from hex text; the message names which of the two is not hex. */
    public static SigningKey fromHex(String keyHex, String saltHex) {
        return new SigningKey(hex("key", keyHex), hex("salt", saltHex));
    }

    private static byte[] hex(String what, String text) {
        try {
            return HexFormat.of().parseHex(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signing " + what + " is not an even-length hex string");
        }
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public String toString() {
        return "SigningKey[" + key.length + " key bytes, " + salt.length + " salt bytes]";
    }
}
