/**
 * The playground: a page at {@code /playground/} where a person picks an original, moves controls
 * and sees the variant at once, with the signed URL to copy.
 *
 * <p>Everything here exists only while {@code THUMBLER_PLAYGROUND} is on (the quick start turns it
 * on; production leaves it off): {@link io.thumbler.playground.PlaygroundGuard} answers 404 for the
 * page and every endpoint otherwise. The signing endpoint signs any path of the processing-language
 * shape with the server's key, so a deployment that turns the playground on hands out valid URLs to
 * whoever reaches it; the key itself never leaves the server. Nothing in this package renders: the
 * page requests variants from the ordinary thumbnail URLs, so what it shows is what a client gets.
 * All classes are stateless after startup and safe for concurrent requests.
 */
package io.thumbler.playground;
