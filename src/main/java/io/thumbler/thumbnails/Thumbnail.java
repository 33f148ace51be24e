package io.thumbler.thumbnails;

import java.time.Instant;
import java.util.Optional;

import io.thumbler.image.ImageFormat;

/**
 * A rendered variant ready to send.
 *
 * @param bytes              the encoded image
 * @param format             its format (gives the Content-Type)
 * @param width              pixels
 * @param height             pixels
 * @param lastModified       when the original last changed, if its origin says
 * @param expires            the URL's {@code expires}: no cache may keep the response longer
 * @param contentDisposition the {@code Content-Disposition} header value
 * @param varyAccept         whether the format was negotiated from {@code Accept}
 * @param reusable           whether these are the bytes kept under the variant's key, so that later
 *                           requests for the URL may be answered from the cache
 */
public record Thumbnail(byte[] bytes, ImageFormat format, int width, int height, Optional<Instant> lastModified,
                        Optional<Instant> expires, String contentDisposition, boolean varyAccept, boolean reusable) {
}
