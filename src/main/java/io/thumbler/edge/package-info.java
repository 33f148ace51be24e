/**
 * CloudFront, the edge in front of Thumbler: after a purge, an invalidation of the request paths
 * CloudFront may hold for the purged source. Opt-in with {@code THUMBLER_CLOUDFRONT_DISTRIBUTION_ID}.
 *
 * <h2>Why recorded paths</h2>
 * A Thumbler path ends with the source ({@code /sig/rs:fit:300:300/plain/s3://bucket/cat.jpg@webp}),
 * and CloudFront accepts a wildcard only as the last character of an invalidation path, so "every
 * path of this source" has no wildcard form. Each node therefore records, per source, the request
 * paths it answered through JAX-RS ({@link io.thumbler.edge.RecordedPaths}, in the source index,
 * bounded per source), and a purge invalidates exactly those. A path answered only from the hit
 * filter was recorded when it was first answered through JAX-RS.
 *
 * <h2>Asynchronous and fail-safe</h2>
 * The invalidation runs on a managed thread after the purge answered ({@link
 * io.thumbler.edge.CloudFrontInvalidations}). A failure (no credentials, throttling, more than
 * CloudFront accepts in progress) is logged and counted under {@code io.thumbler:type=CloudFront};
 * the purge itself has already happened and stays done.
 */
package io.thumbler.edge;
