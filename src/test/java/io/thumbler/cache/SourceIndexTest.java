package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line tests behind "already indexed" and "within its bound": whole lines, never a part of one. */
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

    @Test
    void linesAreCountedByTheirKind() {
        assertThat(SourceIndex.linesOfKind("r:a\no:b\nr:c\np:/r:d", "r:")).isEqualTo(2);
        assertThat(SourceIndex.linesOfKind("r:a\no:b\nr:c\np:/r:d", "p:")).isEqualTo(1);
        assertThat(SourceIndex.linesOfKind("o:b", "r:")).isZero();
    }

    @Test
    void theOldestLineOfAKindIsDropped() {
        assertThat(SourceIndex.withoutFirstLineOfKind("o:x\nr:a\nr:b", "r:")).isEqualTo("o:x\nr:b");
        assertThat(SourceIndex.withoutFirstLineOfKind("r:a\nr:b", "r:")).isEqualTo("r:b");
        assertThat(SourceIndex.withoutFirstLineOfKind("o:x\nr:a", "r:")).isEqualTo("o:x");
        assertThat(SourceIndex.withoutFirstLineOfKind("r:a", "r:")).isEmpty();
        assertThat(SourceIndex.withoutFirstLineOfKind("o:x\np:/r:a", "r:")).as("none of the kind").isEqualTo("o:x\np:/r:a");
    }
}
