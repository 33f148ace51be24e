package io.thumbler.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.thumbler.image.ImageFormat;
import io.thumbler.source.SourceUri;

/**
 * The keys of Thumbler's caches: SHA-256 over length-prefixed parts, so that no two different
 * inputs can run together into one key ({@code "ab"+"c"} and {@code "a"+"bc"} differ).
 */
public final class CacheKeys {

    private CacheKeys() {
    }

    /**
     * One form per source however its address was spelled: scheme, bucket or host, key, and the S3
     * object version when the address names one (that is another original than the latest). The
     * HTTPS parser has already lower-cased the host.
     */
    public static String sourceId(SourceUri source) {
        return purgeId(source) + source.versionId().map(v -> "?versionId=" + v).orElse("");
    }

    /**
     * The source without an object version: what a purge names, so that purging
     * {@code s3://bucket/key} removes the variants of every version of it.
     */
    public static String purgeId(SourceUri source) {
        return source.scheme().urlName() + "://" + source.authority() + "/" + source.key();
    }

    /**
     * The key of one rendered variant; also its strong ETag. The signature is not in it: it does
     * not change the bytes. The effective quality is, because a changed {@code THUMBLER_QUALITY}
     * changes the bytes without changing the URL.
     *
     * @param canonicalTransform {@code Transform.canonical()}
     * @param sourceVersion      {@code Original.version()}
     * @param rendererVersion    {@link RendererVersion}: ImageMagick's version and the policy's hash
     */
    public static String rendition(String canonicalTransform, ImageFormat output, int quality, String sourceId,
                                   String sourceVersion, String rendererVersion) {
        return sha256("rendition", canonicalTransform, output.name(), Integer.toString(quality), sourceId,
                sourceVersion, rendererVersion);
    }

    /**
     * The key of an original answered as it is ({@code skip_processing}, {@code raw}); also its
     * strong ETag. The transform is in it because its security options decide whether the
     * original may be answered; the renderer's version is not, as nothing is rendered.
     */
    public static String passthrough(String canonicalTransform, ImageFormat format, String sourceId, String sourceVersion) {
        return sha256("passthrough", canonicalTransform, format.name(), sourceId, sourceVersion);
    }

    /** The key of one version of an original. */
    public static String original(String sourceId, String sourceVersion) {
        return sha256("original", sourceId, sourceVersion);
    }

    static String sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
