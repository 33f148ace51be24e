package io.thumbler.source;

import java.time.Duration;

/**
 * How HTTPS originals are fetched.
 *
 * @param allowed        the origins that may be fetched from; anything else is 404
 * @param addressPolicy  which resolved addresses may be connected to
 * @param maxRedirects   redirects followed per fetch; one more is 502
 * @param retries        retries after the first attempt, for refused connections and 5xx only
 * @param connectTimeout TCP connect bound of one attempt (the download timeout bounds the rest)
 */
public record HttpsSettings(AllowedSources allowed, AddressPolicy addressPolicy, int maxRedirects, int retries,
        Duration connectTimeout) {
}
