/**
 * The request flow: the JAX-RS resources that speak imgproxy's URLs, and {@link
 * io.thumbler.thumbnails.Thumbnailer}, which reads top to bottom like the request flow — verify
 * the signature, parse the options, fetch the original, check its header, render, respond.
 *
 * <p>In front of JAX-RS, {@link io.thumbler.thumbnails.ServletFilters} puts the servlet filters in
 * their order, the last of which, {@link io.thumbler.thumbnails.CachedVariantFilter}, answers cache
 * hits for URLs the resource already verified and answered ({@link
 * io.thumbler.thumbnails.KnownVariants}) at the cost of a map lookup, so that a hit never pays for
 * a JAX-RS dispatch.
 */
package io.thumbler.thumbnails;
