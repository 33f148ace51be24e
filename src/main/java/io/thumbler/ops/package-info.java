/**
 * What operators watch: MicroProfile Health checks (liveness; readiness that covers ImageMagick),
 * and the startup checks that refuse to run with a bad configuration.
 */
package io.thumbler.ops;
