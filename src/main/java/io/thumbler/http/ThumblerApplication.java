package io.thumbler.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Thumbler's JAX-RS application, at the root of its context: imgproxy URLs start with the
 * signature segment, so there is no {@code /api} prefix to add.
 */
@ApplicationPath("/")
public class ThumblerApplication extends Application {
}
