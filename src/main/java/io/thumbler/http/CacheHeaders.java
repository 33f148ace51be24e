package io.thumbler.http;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.thumbler.config.ConfigReader;

/**
 * The headers that let CloudFront and browsers keep a successful variant: a variant never changes
 * for a given URL (the source version is in the cache key), so it may be kept long
 * ({@code THUMBLER_TTL}, one year by default, as imgproxy's {@code IMGPROXY_TTL}), served stale
 * while revalidating and when the origin errs.
 */
@ApplicationScoped
public class CacheHeaders {

    @Inject
    ConfigReader config;

    private String cacheControl;
    private int ttl;
    private int sMaxAge;

    @PostConstruct
    void read() {
        ttl = config.integer("thumbler.ttl", 31_536_000, 0, 315_360_000);
        sMaxAge = config.integer("thumbler.s-maxage", ttl, 0, 315_360_000);
        int swr = config.integer("thumbler.stale-while-revalidate", 86_400, 0, 315_360_000);
        int sie = config.integer("thumbler.stale-if-error", 604_800, 0, 315_360_000);
        cacheControl = "public, max-age=" + ttl + ", s-maxage=" + sMaxAge
                + ", stale-while-revalidate=" + swr + ", stale-if-error=" + sie;
    }

    public void success(Response.ResponseBuilder response, Optional<Instant> lastModified) {
        success(response, lastModified, Optional.empty());
    }

    /**
     * With an {@code expires} from the URL no cache may keep the response past it: both ages are cut
     * to the seconds left and the stale-serving extensions are dropped (they would outlive it).
     */
    public void success(Response.ResponseBuilder response, Optional<Instant> lastModified, Optional<Instant> expires) {
        if (expires.isPresent()) {
            long left = Math.max(0, Instant.now().until(expires.get(), java.time.temporal.ChronoUnit.SECONDS));
            response.header("Cache-Control", "public, max-age=" + Math.min(ttl, left) + ", s-maxage=" + Math.min(sMaxAge, left));
            response.expires(Date.from(expires.get()));
        } else {
            response.header("Cache-Control", cacheControl);
        }
        response.header("X-Content-Type-Options", "nosniff");
        lastModified.ifPresent(t -> response.lastModified(Date.from(t)));
    }

    public String cacheControl() {
        return cacheControl;
    }
}
