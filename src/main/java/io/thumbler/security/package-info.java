/**
 * Who may ask for a render: imgproxy-compatible URL signatures.
 *
 * <p>A signature is {@code base64url_nopad(HMAC-SHA256(key, salt || path))} over the raw path after
 * the signature segment, exactly as received. Several key/salt pairs may be configured so that
 * keys can be rotated; every pair is tried with a constant-time comparison.
 */
package io.thumbler.security;
