package io.thumbler.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.config.ConfigReader;

/**
 * The headers that let CloudFront and browsers keep a successful variant: a variant never changes
 * for a given URL (the source version is in the cache key), so it may be kept long
 * ({@code THUMBLER_TTL}, one year by default, as imgproxy's {@code IMGPROXY_TTL}), served stale
 * while revalidating and when the origin errs.
 *
 * <p>Headers are written to a {@code (name, value)} sink, so that the JAX-RS resource and the
 * servlet filter that answers cache hits before JAX-RS send exactly the same ones.
 */
@ApplicationScoped
public class CacheHeaders {

    /** For image responses: nothing may load, nothing may run. */
    public static final String IMAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
    /** RFC 9110's IMF-fixdate; {@code RFC_1123_DATE_TIME} would write one-digit days, which HTTP does not allow. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    @Inject
    ConfigReader config;

    private String cacheControl;
    private int ttl;
    private int sMaxAge;

    /** Outside CDI (tests): the headers for {@code config}. */
    public static CacheHeaders read(ConfigReader config) {
        CacheHeaders h = new CacheHeaders();
        h.config = config;
        h.read();
        return h;
    }

    @PostConstruct
    void read() {
        ttl = config.integer("thumbler.ttl", 31_536_000, 0, 315_360_000);
        sMaxAge = config.integer("thumbler.s-maxage", ttl, 0, 315_360_000);
        int swr = config.integer("thumbler.stale-while-revalidate", 86_400, 0, 315_360_000);
        int sie = (int) staleIfError(config).toSeconds();
        cacheControl = "public, max-age=" + ttl + ", s-maxage=" + sMaxAge
                + ", stale-while-revalidate=" + swr + ", stale-if-error=" + sie;
    }

    /**
     * {@code THUMBLER_STALE_IF_ERROR} (seconds, default 7 days): how long a cache may serve a variant
     * while its origin fails — CDNs through {@code stale-if-error}, and Thumbler itself when it
     * cannot learn a source's version again.
     */
    public static Duration staleIfError(ConfigReader config) {
        return Duration.ofSeconds(config.integer("thumbler.stale-if-error", 604_800, 0, 315_360_000));
    }

    /**
     * The headers of a variant (200 or 304): {@code Cache-Control}, {@code X-Content-Type-Options},
     * {@code Content-Security-Policy}, {@code Last-Modified}, the strong {@code ETag}, and
     * {@code Vary: Accept} when the format was negotiated (only then, because {@code Vary} splits
     * CloudFront's cache).
     *
     * <p>With an {@code expires} from the URL no cache may keep the response past it: both ages are
     * cut to the seconds left, the stale-serving extensions are dropped (they would outlive it) and
     * {@code Expires} is sent.
     *
     * @param header       receives each header's name and value
     * @param etag         the variant's strong ETag, quoted
     * @param varyOnAccept whether {@code Accept} took part in choosing the format
     */
    public void variant(BiConsumer<String, String> header, Optional<Instant> lastModified, Optional<Instant> expires,
                        String etag, boolean varyOnAccept) {
        if (expires.isPresent()) {
            long left = Math.max(0, Instant.now().until(expires.get(), ChronoUnit.SECONDS));
            header.accept("Cache-Control", "public, max-age=" + Math.min(ttl, left) + ", s-maxage=" + Math.min(sMaxAge, left));
            header.accept("Expires", httpDate(expires.get()));
        } else {
            header.accept("Cache-Control", cacheControl);
        }
        header.accept("X-Content-Type-Options", "nosniff");
        // An image opened directly must not be able to run anything, even if a browser were fooled
        // into treating it as a document (a GIF/JS polyglot, say): no sources at all, sandboxed.
        header.accept("Content-Security-Policy", IMAGE_CONTENT_SECURITY_POLICY);
        lastModified.ifPresent(t -> header.accept("Last-Modified", httpDate(t)));
        header.accept("ETag", etag);
        if (varyOnAccept) {
            header.accept("Vary", "Accept");
        }
    }

    /**
     * An instant as an HTTP date, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. Every hit writes one,
     * and a {@link DateTimeFormatter} costs microseconds a time; the last one is remembered (a
     * popular variant's {@code Last-Modified} repeats).
     */
    public static String httpDate(Instant t) {
        long second = t.getEpochSecond();
        FormattedDate last = lastDate;
        if (last == null || last.epochSecond() != second) {
            last = new FormattedDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
            lastDate = last;
        }
        return last.text();
    }

    private record FormattedDate(long epochSecond, String text) {
    }

    private static volatile FormattedDate lastDate;

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
