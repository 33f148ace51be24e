/**
 * Turning an original's bytes into a variant with ImageMagick, safely.
 *
 * <p>The header read in Java ({@code io.thumbler.image}) decides the format and the size before
 * any process starts; the URL's own limits ({@link io.thumbler.render.UrlLimits}) are checked here; the
 * command is built from Thumbler's own values only (never a request string); each render runs as
 * one {@code /usr/bin/convert} process in a private temp directory, under the project's own
 * {@code policy.xml}, with a deadline that ends in SIGKILL; the render slots bound how many run at
 * once and how long a request may wait for a slot.
 */
package io.thumbler.render;
