package io.thumbler.image;

import io.thumbler.error.ThumblerException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Damaged headers: thousands of seeded mutations of real files (bytes overwritten near the start,
 * files cut short) must each end in a valid header or a 422, never in another exception. This is
 * what shows the readers never index out of bounds or trust a length they have not checked.
 */
class HeaderSnifferFuzzTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"samples/orientation_6.jpg", "samples/video-001.cmyk.jpeg", "samples/moonlight-glow.png",
            "samples/yellow_rose.lossy-with-alpha.webp", "samples/avif.avif", "samples/1_partyanimsm2.gif",
            "src/test/resources/corpus/video-001.tiff", "src/test/resources/corpus/logo-text-version.svg",
            "src/test/resources/corpus/park.heic"})
    void mutatedHeadersEndInAHeaderOrA422(String file) throws IOException {
        byte[] original = Files.readAllBytes(Path.of(file));
        Random random = new Random(file.hashCode());
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = i % 3 == 0
                    ? Arrays.copyOf(original, random.nextInt(Math.min(original.length, 4096)))
                    : mutate(original, random);
            try {
                ImageHeader header = HeaderSniffer.sniff(bytes);
                assertThat(header.width()).isPositive();
            } catch (ThumblerException e) {
                assertThat(e.status()).isEqualTo(422);
                assertThat(e.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("mutation " + i + " of " + file + " threw " + e, e);
            }
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int span = Math.min(bytes.length, 600);
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
            int at = random.nextInt(span);
            bytes[at] = switch (random.nextInt(4)) {
                case 0 -> (byte) 0xFF;
                case 1 -> 0;
                case 2 -> (byte) (bytes[at] + 1);
                default -> (byte) random.nextInt(256);
            };
        }
        return bytes;
    }
}
