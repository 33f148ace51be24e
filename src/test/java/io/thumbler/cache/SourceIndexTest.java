package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line test behind "already indexed": a whole line matches, a part of one never does. */
class SourceIndexTest {

    @Test
    void aWholeLineIsHeldAnywhereInTheText() {
        assertThat(SourceIndex.holdsLine("r:a", "r:a")).isTrue();
        assertThat(SourceIndex.holdsLine("r:a\nr:b\nr:c", "r:a")).isTrue();
        assertThat(SourceIndex.holdsLine("r:a\nr:b\nr:c", "r:b")).isTrue();
        assertThat(SourceIndex.holdsLine("r:a\nr:b\nr:c", "r:c")).isTrue();
    }

    @Test
    void aPartOfALineIsNotHeld() {
        assertThat(SourceIndex.holdsLine("r:k10\nr:k11", "r:k1")).isFalse();
        assertThat(SourceIndex.holdsLine("r:xk1\nr:k11", "r:k1")).as("a match inside a line, then a longer one").isFalse();
        assertThat(SourceIndex.holdsLine("p:/a/b", "p:/a")).isFalse();
        assertThat(SourceIndex.holdsLine("o:r:k1", "r:k1")).isFalse();
        assertThat(SourceIndex.holdsLine("r:k10\nr:k1", "r:k1")).as("after a partial match earlier").isTrue();
    }
}
