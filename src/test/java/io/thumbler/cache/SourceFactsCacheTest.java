package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.source.Original;
import io.thumbler.source.SourceUri;

/**
 * Learning a source's version with the real Ehcache manager: fresh facts are used without a fetch;
 * past the source TTL they are learned again, and when the origin fails meanwhile (5xx) the last
 * known version still serves, within THUMBLER_STALE_IF_ERROR; a 404 or a version older than the grace
 * does not.
 */
class SourceFactsCacheTest {

    private static final SourceUri CAT = SourceUri.parse("s3://originals/cat.jpg");

    @TempDir
    Path dir;

    private CacheStores stores;
    private SourceFactsCache facts;
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void open() {
        CacheSettings settings = CacheStoresTest.settings(dir); // TTL 60 s, stale-if-error 7 days
        stores = CacheStores.open(settings, new CacheFailures(), URI.create("urn:thumbler-test-" + UUID.randomUUID()), null);
        facts = new SourceFactsCache();
        facts.caches = new OpenCaches(Optional.of(stores), settings, "test");
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void freshFactsAreUsedWithoutAFetch() {
        rememberLearnedAgo(Duration.ofSeconds(10));
        KnownSource known = facts.learn(CAT, failing(ErrorKind.ORIGIN_UNAVAILABLE));
        assertThat(known.remembered()).isTrue();
        assertThat(known.stale()).isFalse();
        assertThat(fetches).hasValue(0);
    }

    @Test
    void pastTheTtlAFailingOriginServesTheLastKnownVersionAsStale() {
        rememberLearnedAgo(Duration.ofHours(2));
        for (ErrorKind status : new ErrorKind[] {ErrorKind.ORIGIN_FAILED, ErrorKind.ORIGIN_UNAVAILABLE, ErrorKind.ORIGIN_TIMEOUT}) {
            KnownSource known = facts.learn(CAT, failing(status));
            assertThat(known.stale()).isTrue();
            assertThat(known.facts().version()).isEqualTo("v1");
        }
        assertThat(fetches).as("the origin is asked every time: stale is a fallback, not a new TTL").hasValue(3);
    }

    @Test
    void aMissingOriginalIsNotServedStale() {
        rememberLearnedAgo(Duration.ofHours(2));
        assertThatThrownBy(() -> facts.learn(CAT, failing(ErrorKind.NOT_FOUND)))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void beyondTheGraceTheFailureIsTheAnswer() {
        rememberLearnedAgo(Duration.ofDays(8));
        assertThatThrownBy(() -> facts.learn(CAT, failing(ErrorKind.ORIGIN_UNAVAILABLE)))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void pastTheTtlAnAnsweringOriginTeachesTheNewVersion() throws IOException {
        rememberLearnedAgo(Duration.ofHours(2));
        byte[] jpeg;
        try (InputStream in = SourceFactsCacheTest.class.getResourceAsStream("/io/thumbler/render/canary.jpg")) {
            jpeg = in.readAllBytes();
        }
        KnownSource known = facts.learn(CAT, () -> new Original(jpeg, "v2", Optional.empty()));
        assertThat(known.stale()).isFalse();
        assertThat(known.remembered()).isFalse();
        assertThat(known.facts().version()).isEqualTo("v2");
        assertThat(known.facts().header()).as("read once on arrival, for the render to use")
                .isEqualTo(HeaderSniffer.sniff(jpeg));
        assertThat(stores.facts().get(CacheKeys.sourceId(CAT)).header()).isEqualTo(known.facts().header());
    }

    private void rememberLearnedAgo(Duration age) {
        stores.facts().put(CacheKeys.sourceId(CAT),
                new SourceFacts("v1", new ImageHeader(ImageFormat.JPEG, 8, 8, 1, 1, false, "RGB"), Optional.empty(), Instant.now().minus(age)));
    }

    private Supplier<Original> failing(ErrorKind status) {
        return () -> {
            fetches.incrementAndGet();
            throw new ThumblerException(status, "original 's3://originals/cat.jpg': S3 answered " + status.status());
        };
    }
}
