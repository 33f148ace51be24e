package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.source.Original;

class CachedRenditionTest {

    @Test
    void aRenditionSurvivesEncoding() {
        CachedRendition r = new CachedRendition(new byte[] {1, 2, 3}, ImageFormat.WEBP, 300, 200, Optional.of(Instant.ofEpochMilli(42)));
        CachedRendition back = CachedRendition.decode(r.encode());
        assertThat(back.bytes()).containsExactly(1, 2, 3);
        assertThat(back.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(back.width()).isEqualTo(300);
        assertThat(back.height()).isEqualTo(200);
        assertThat(back.lastModified()).contains(Instant.ofEpochMilli(42));
        assertThat(CachedRendition.decode(new CachedRendition(new byte[0], ImageFormat.PNG, 1, 1, Optional.empty()).encode())
                .lastModified()).isEmpty();
    }

    @Test
    void aDecodedRenditionIsAViewOverItsEntryThatWritesAndReencodesExactlyItsImage() throws Exception {
        byte[] image = new byte[5000];
        new java.util.Random(7).nextBytes(image);
        byte[] entry = new CachedRendition(image, ImageFormat.JPEG, 30, 20, Optional.empty()).encode();

        CachedRendition view = CachedRendition.decode(entry);
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        view.writeTo(written);

        assertThat(view.length()).isEqualTo(5000);
        assertThat(written.toByteArray()).isEqualTo(image);
        assertThat(view.bytes()).isEqualTo(image);
        assertThat(view.encode()).as("a view encodes to the same entry (the cluster tier copies into the local one)").isEqualTo(entry);
        assertThat(CachedRendition.decode(view.encode()).bytes()).isEqualTo(image);
    }

    @Test
    void aTruncatedOrForeignEntryIsRefused() {
        byte[] entry = new CachedRendition(new byte[100], ImageFormat.JPEG, 1, 1, Optional.empty()).encode();
        assertThatThrownBy(() -> CachedRendition.decode(Arrays.copyOf(entry, entry.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("announces 100 image bytes");
        assertThatThrownBy(() -> CachedRendition.decode("hello world".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a rendition entry");
    }

    @Test
    void anEntryWhosePayloadChangedIsRefused() {
        byte[] rendition = new CachedRendition(new byte[] {1, 2, 3, 4}, ImageFormat.JPEG, 1, 1, Optional.empty()).encode();
        rendition[rendition.length - 2] ^= 1;
        assertThatThrownBy(() -> CachedRendition.decode(rendition))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rendition entry damaged");
        byte[] original = CachedOriginal.encode(new Original(new byte[] {9, 8, 7}, "v", Optional.empty()));
        original[original.length - 1] ^= (byte) 0x80;
        assertThatThrownBy(() -> CachedOriginal.decode(original))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("original entry damaged");
    }

    @Test
    void anOriginalAndSourceFactsSurviveEncoding() {
        Original o = CachedOriginal.decode(CachedOriginal.encode(new Original(new byte[] {7}, "\"etag|with|bars\"", Optional.empty())));
        assertThat(o.bytes()).containsExactly(7);
        assertThat(o.version()).isEqualTo("\"etag|with|bars\"");

        SourceFacts f = new SourceFacts("\"etag|with|bars\"", new ImageHeader(ImageFormat.GIF, 640, 480, 12, 1, true, "PALETTE"),
                Optional.of(Instant.ofEpochMilli(5)), Instant.ofEpochMilli(7));
        assertThat(SourceFacts.decode(f.encode())).isEqualTo(f);
        assertThat(f.animated()).isTrue();
        SourceFacts still = new SourceFacts("1234-5678", new ImageHeader(ImageFormat.JPEG, 4000, 3000, 1, 6, false, "CMYK"),
                Optional.empty(), Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(SourceFacts.decode(still.encode())).isEqualTo(still);
        assertThat(still.animated()).isFalse();
    }

    @Test
    void sourceFactsKeepEveryComponentOfTheHeader() {
        // The canonical constructor, every component away from its default: a component added to
        // ImageHeader stops this from compiling until the encoding carries it.
        ImageHeader icon = new ImageHeader(ImageFormat.ICO, 256, 256, 5, 3, true, "RGB", 4, false);
        SourceFacts f = new SourceFacts("v", icon, Optional.empty(), Instant.ofEpochMilli(1));
        assertThat(SourceFacts.decode(f.encode()).header()).isEqualTo(icon);
        assertThat(ImageHeader.class.getRecordComponents()).as("components SourceFacts.encode writes").hasSize(9);
    }

    @Test
    void sourceFactsAnEarlierBuildWroteAreOutdatedNotCorrupt() {
        // The form before the header was kept: format (+ when animated), modified, learned, version.
        assertThatThrownBy(() -> SourceFacts.decode("JPEG||1700000000000|v1")).isInstanceOf(OutdatedEntryException.class);
        assertThatThrownBy(() -> SourceFacts.decode("h:JPEG,1,1|||v1"))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(OutdatedEntryException.class);
    }
}
