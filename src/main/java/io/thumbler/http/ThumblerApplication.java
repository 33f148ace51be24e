package io.thumbler.http;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Thumbler's JAX-RS application, at the root of its context: imgproxy URLs start with the
 * signature segment, so there is no {@code /api} prefix to add.
 *
 * <p>Jersey's WADL is off: {@code /application.wadl} and {@code OPTIONS} on any image URL listed
 * every endpoint, the admin and playground ones included, to anyone.
 */
@ApplicationPath("/")
public class ThumblerApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
