package io.thumbler.render;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageHeader;
import io.thumbler.image.SourceLimits;

/**
 * The configured watermark image ({@code THUMBLER_WATERMARK_DATA}, {@code _PATH} or {@code _URL}),
 * checked like an original: its magic bytes decide the format, and the limits of originals apply
 * before ImageMagick ever reads it.
 *
 * @param bytes    the image file
 * @param header   what its header says
 * @param opacity  the server's opacity ({@code THUMBLER_WATERMARK_OPACITY}, 0–1), multiplied with the URL's
 * @param identity a digest of the bytes and the opacity: part of the key of every watermarked
 *                 variant, so that a new watermark renders them again
 */
public record WatermarkImage(byte[] bytes, ImageHeader header, double opacity, String identity) {

    /**
     * @throws ThumblerException 422 when the bytes are not an image Thumbler reads, or beyond {@code limits}
     */
    public static WatermarkImage of(byte[] bytes, double opacity, SourceLimits limits) {
        ImageHeader header = HeaderSniffer.sniff(bytes);
        limits.check(header, bytes.length);
        return new WatermarkImage(bytes, header, opacity, digest(bytes) + ":" + opacity);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
