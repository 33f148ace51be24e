package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.config.ConfigReader;

/** Readiness follows what ImageMagick really does here: DOWN with a reason when it is missing, UP after the canary. */
class ImageMagickSetupTest {

    @TempDir
    Path temp;

    private ImageMagickSetup setup(String imageMagickPath) {
        Map<String, String> values = Map.of("thumbler.imagemagick-path", imageMagickPath, "thumbler.temp-dir", temp.toString());
        ImageMagickSetup setup = new ImageMagickSetup();
        setup.settings = RenderSettings.read(new ConfigReader(key -> Optional.ofNullable(values.get(key))));
        setup.start();
        return setup;
    }

    @Test
    void aMissingConvertKeepsReadinessDownAndSaysWhy() {
        ImageMagickSetup setup = setup(temp.resolve("no-imagemagick-here").toString());

        assertThat(setup.ready()).isFalse();
        assertThat(setup.notReadyReason())
                .startsWith("no executable ImageMagick 'convert' at " + temp.resolve("no-imagemagick-here/convert"))
                .contains("apt-get install imagemagick", "THUMBLER_IMAGEMAGICK_PATH");
    }

    @Test
    void theRealImageMagickPassesTheSelfTestAndTheCanary() {
        assumeThat(Path.of("/usr/bin/convert")).isExecutable();

        ImageMagickSetup setup = setup("/usr/bin");

        assertThat(setup.notReadyReason()).isNull();
        assertThat(setup.ready()).isTrue();
        assertThat(setup.policyDir().resolve("policy.xml")).exists();
    }
}
