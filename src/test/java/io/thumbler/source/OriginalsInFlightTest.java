package io.thumbler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.error.ThumblerException;

/** The byte budget of originals being read, through the local source that reserves from it. */
class OriginalsInFlightTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path root;

    @Test
    void anOriginalHoldsItsSizeUntilClosedAndAFetchBeyondTheBudgetIsRefusedAtOnce() throws IOException {
        write("a.jpg", 3 * MIB);
        write("b.jpg", 2 * MIB);
        Originals originals = originals(4 * MIB);

        Original a = originals.fetch(SourceUri.parse("local:///a.jpg"));
        assertThat(originals.inFlight().held()).isEqualTo(3L * MIB);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> originals.fetch(SourceUri.parse("local:///b.jpg")))
                .isInstanceOfSatisfying(ThumblerException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterSeconds()).isPositive();
                    assertThat(e.getMessage()).isEqualTo("the server is busy: originals being read already take 3 MiB of the 4 MiB allowed; try again shortly");
                    assertThat(e.internalDetail()).contains("local:///b.jpg", "THUMBLER_ORIGINALS_IN_FLIGHT_MB");
                });
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to refuse").isLessThan(100);
        assertThat(originals.inFlight().held()).as("a refusal holds nothing").isEqualTo(3L * MIB);

        a.close();
        a.close(); // a second close gives back nothing more
        assertThat(originals.inFlight().held()).isZero();
        assertThat(a.bytes()).hasSize(3 * MIB); // closing returns the budget only

        try (Original b = originals.fetch(SourceUri.parse("local:///b.jpg"))) {
            assertThat(b.bytes()).hasSize(2 * MIB);
        }
        assertThat(originals.inFlight().held()).isZero();
    }

    @Test
    void oneOriginalLargerThanTheWholeBudgetStillGoesWhenNothingElseIsInFlight() throws IOException {
        write("big.jpg", 5 * MIB);
        Originals originals = originals(MIB);
        try (Original big = originals.fetch(SourceUri.parse("local:///big.jpg"))) {
            assertThat(big.bytes()).hasSize(5 * MIB);
        }
    }

    @Test
    void aFailedReadGivesItsReservationBack() throws IOException {
        Files.createDirectory(root.resolve("dir.jpg"));
        Originals originals = originals(4 * MIB);
        assertThatThrownBy(() -> originals.fetch(SourceUri.parse("local:///dir.jpg")))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> originals.fetch(SourceUri.parse("local:///missing.jpg")))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(originals.inFlight().held()).isZero();
    }

    @Test
    void theLocalSourceReadsTheWholeFileExactly() throws IOException {
        byte[] content = new byte[3 * MIB + 12345];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + (i >> 16));
        }
        Files.write(root.resolve("odd.jpg"), content);
        try (Original o = originals(64 * MIB).fetch(SourceUri.parse("local:///odd.jpg"))) {
            assertThat(o.bytes()).isEqualTo(content);
        }
    }

    private Originals originals(long budget) {
        return new Originals(List.of(new LocalOriginals(root, 64L * MIB)), new OriginalsInFlight(budget));
    }

    private void write(String name, int size) throws IOException {
        Files.write(root.resolve(name), new byte[size]);
    }
}
