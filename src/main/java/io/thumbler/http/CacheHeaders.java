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

    /** For image responses: nothing may load, nothing may run. */
    public static final String IMAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

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
        // An image opened directly must not be able to run anything, even if a browser were fooled
        // into treating it as a document (a GIF/JS polyglot, say): no sources at all, sandboxed.
        response.header("Content-Security-Policy", IMAGE_CONTENT_SECURITY_POLICY);
        lastModified.ifPresent(t -> response.lastModified(Date.from(t)));
    }

    /**
     * The headers of a variant (200 or 304): those of {@link #success(Response.ResponseBuilder, Optional, Optional)},
     * its strong {@code ETag}, and {@code Vary: Accept} when the format was negotiated (only then,
     * because {@code Vary} splits CloudFront's cache).
     *
     * @param etag         the variant's strong ETag, quoted
     * @param varyOnAccept whether {@code Accept} took part in choosing the format
     */
    public void variant(Response.ResponseBuilder response, Optional<Instant> lastModified, Optional<Instant> expires,
                        String etag, boolean varyOnAccept) {
        success(response, lastModified, expires);
        response.header("ETag", etag);
        if (varyOnAccept) {
            response.header("Vary", "Accept");
        }
    }

    /**
     * Whether an {@code If-None-Match} value names this ETag (RFC 9110 §13.1.2: {@code *}, or a
     * list compared weakly, so {@code W/"k"} matches {@code "k"}).
     *
     * @param ifNoneMatch the header's value, or {@code null}
     * @param etag        the current strong ETag, quoted
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    public String cacheControl() {
        return cacheControl;
    }
}
