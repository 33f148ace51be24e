package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SheddingSummaryTest {

    @Test
    void aBurstOfRefusalsIsOneLineAMinuteWithTheCount() {
        AtomicLong now = new AtomicLong(1_000_000);
        SheddingSummary summary = new SheddingSummary(now::get);
        List<String> lines = new ArrayList<>();

        for (int i = 0; i < 500; i++) { // 500 refusals over 50 s
            String line = summary.refused();
            if (line != null) {
                lines.add(line);
            }
            now.addAndGet(100);
        }
        now.set(1_000_000 + 61_000);
        lines.add(summary.refused());

        assertThat(lines).containsExactly(
                "shedding load: refused 1 render(s), every render slot and queue place taken (503 + Retry-After)",
                "shedding load: refused 500 render(s) in the last 61 s, every render slot and queue place taken (503 + Retry-After)");
    }

    @Test
    void afterAQuietSpellTheFirstRefusalIsReportedAtOnce() {
        AtomicLong now = new AtomicLong(0);
        SheddingSummary summary = new SheddingSummary(now::get);
        summary.refused();
        now.set(10 * SheddingSummary.INTERVAL_MILLIS);
        assertThat(summary.refused()).isEqualTo(
                "shedding load: refused 1 render(s), every render slot and queue place taken (503 + Retry-After)");
    }
}
