/**
 * Where originals come from: a small named contract ({@link io.thumbler.source.OriginalSource}, as
 * Thumbor's loaders) with one kind per URL scheme: {@code local:///} (a configured folder), and
 * {@code s3://} and {@code https://} where configured.
 *
 * <p>A source address is untrusted text. {@link io.thumbler.source.SourceUri} enforces one strict
 * key grammar for every kind (no dot segments, no empty segments, no control characters, no
 * backslashes, bounded length) before any kind sees it, and every kind checks again that what it
 * opens is inside what it was allowed to open.
 *
 * <p>Remote kinds fail in the statuses a CDN should see: 404 for missing, denied or not allowed
 * (no existence oracle), 422 for too large, 502 for a broken origin, 503 while the S3 circuit is
 * open, 504 past the download deadline. Configuration keys: {@code docs/sources.md}.
 */
package io.thumbler.source;
