/**
 * The request flow: the JAX-RS resources that speak imgproxy's URLs, and {@link
 * io.thumbler.thumbnails.Thumbnailer}, which reads top to bottom like DESIGN.md's diagram — verify
 * the signature, parse the options, fetch the original, check its header, render, respond.
 */
package io.thumbler.thumbnails;
