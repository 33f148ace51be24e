/**
 * Who may ask for a render: imgproxy-compatible URL signatures.
 *
 * <p>A signature is {@code base64url_nopad(HMAC-SHA256(key, salt || path))} over the raw path after
 * the signature segment, as received except for the two proxy rewrites imgproxy undoes ({@code %3A}
 * in the options, {@code scheme:/} collapsed at the start of a plain source). Several key/salt
 * pairs may be configured so that keys can be rotated; every pair is tried with a constant-time
 * comparison.
 */
package io.thumbler.security;
