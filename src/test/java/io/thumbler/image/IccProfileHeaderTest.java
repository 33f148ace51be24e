package io.thumbler.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whether an original carries an ICC profile, read from files ImageMagick wrote with and without
 * one: the render converts to sRGB only when there is a profile to convert from, so a reader that
 * says "none" wrongly would lose the colour conversion of a wide-gamut photo.
 */
class IccProfileHeaderTest {

    private static final Path PROFILE = Path.of("/usr/share/color/icc/ghostscript/a98.icc");

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "webp"})
    void aProfileIsSeenWhereItIsAndNotWhereItIsNot(String extension) throws Exception {
        assertThat(HeaderSniffer.sniff(write(extension, false)).iccProfile()).as("without a profile").isFalse();
        assertThat(HeaderSniffer.sniff(write(extension, true)).iccProfile()).as("with an Adobe RGB profile").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gif", "tiff", "bmp"})
    void formatsWhoseProfilesAreNotLookedForMayHaveOne(String extension) throws Exception {
        assertThat(HeaderSniffer.sniff(write(extension, false)).iccProfile()).isTrue();
    }

    private byte[] write(String extension, boolean withProfile) throws IOException, InterruptedException {
        Path out = temp.resolve((withProfile ? "icc." : "plain.") + extension);
        List<String> command = new ArrayList<>(List.of("/usr/bin/convert", "-size", "40x30", "gradient:red-blue"));
        if (withProfile) {
            command.addAll(List.of("-profile", PROFILE.toString()));
        }
        command.add(out.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return Files.readAllBytes(out);
    }
}
