package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

class RecentRenderFailuresTest {

    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final RecentRenderFailures failures = new RecentRenderFailures(Duration.ofSeconds(30), clock);

    @Test
    void replaysAnUnprocessableOriginalUntilTheTtlPasses() {
        failures.remember("k", ThumblerException.badOriginal("the original is 65500x65500 (4290.3 MP); the limit is 50 MP"));

        assertThatThrownBy(() -> failures.replay("k"))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage("the original is 65500x65500 (4290.3 MP); the limit is 50 MP");
        now = now.plusSeconds(30);
        assertThatCode(() -> failures.replay("k")).doesNotThrowAnyException();
        assertThat(failures.size()).isZero();
    }

    @Test
    void remembersOnlyWhatTheOriginalCausedNeverCrashesDeadlinesFullDisksOrOverload() {
        failures.remember("slow", new ThumblerException(ErrorKind.RENDER_TIMEOUT, "rendering took longer than the 10 s deadline"));
        failures.remember("crashed", new ThumblerException(ErrorKind.RENDER_FAILED, "the renderer ended abnormally (signal 9); try again"));
        failures.remember("disk", new ThumblerException(ErrorKind.NO_TEMP_SPACE, "the renderer has no temporary space"));
        failures.remember("busy", new ThumblerException(ErrorKind.OVERLOADED, "the server is busy"));
        failures.remember("missing", ThumblerException.notFound("original 'local:///x.jpg' not found"));
        failures.remember("bad", ThumblerException.badOriginal("ImageMagick could not render this original (corrupt)"));

        for (String transient_ : new String[] {"slow", "crashed", "disk", "busy"}) {
            assertThatCode(() -> failures.replay(transient_)).as(transient_).doesNotThrowAnyException();
        }
        assertThatCode(() -> failures.replay("missing")).as("a missing original may be uploaded any moment").doesNotThrowAnyException();
        assertThatThrownBy(() -> failures.replay("bad")).hasMessageContaining("corrupt");
    }

    @Test
    void aZeroTtlTurnsItOff() {
        RecentRenderFailures off = new RecentRenderFailures(Duration.ZERO, clock);
        off.remember("k", ThumblerException.badOriginal("bad"));
        assertThatCode(() -> off.replay("k")).doesNotThrowAnyException();
    }

    @Test
    void staysBounded() {
        for (int i = 0; i < RecentRenderFailures.MAX_ENTRIES + 50; i++) {
            failures.remember("k" + i, ThumblerException.badOriginal("bad " + i));
        }
        assertThat(failures.size()).isEqualTo(RecentRenderFailures.MAX_ENTRIES);
        assertThatCode(() -> failures.replay("k0")).as("the oldest went first").doesNotThrowAnyException();
        assertThatThrownBy(() -> failures.replay("k" + (RecentRenderFailures.MAX_ENTRIES + 49))).hasMessage("bad " + (RecentRenderFailures.MAX_ENTRIES + 49));
    }
}
