package io.thumbler.render;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The startup self-test against this machine's real ImageMagick. */
class ImageMagickSelfTestTest {

    @TempDir
    Path work;

    @BeforeAll
    static void needsImageMagick() {
        assumeThat(BadInputs.CONVERT).as("ImageMagick 6 at /usr/bin/convert").isExecutable();
    }

    ImageMagickSelfTest selfTest(Path policyDir) {
        return new ImageMagickSelfTest(BadInputs.CONVERT, policyDir, work.resolve("tmp"), Duration.ofSeconds(10));
    }

    @Test
    void passesWithTheShippedPolicyAndLeavesNothingBehind() throws IOException {
        Path policyDir = work.resolve("policy");
        ImageMagickSelfTest.extractPolicy(policyDir);

        ImageMagickSelfTest.Result result = selfTest(policyDir).run();

        assertThat(result.reason()).endsWith("listed first, resource limits as shipped, SVG and MVG refused, JPEG renders");
        assertThat(result.ok()).isTrue();
        try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void failsWithAPermissivePolicyNamingEveryProblem() throws IOException {
        Path permissive = Files.createDirectories(work.resolve("permissive"));
        Files.writeString(permissive.resolve("policy.xml"), """
                <policymap>
                  <policy domain="resource" name="width" value="64KP"/>
                  <policy domain="coder" rights="read | write" pattern="*"/>
                </policymap>
                """);

        ImageMagickSelfTest.Result result = selfTest(permissive).run();

        assertThat(result.ok()).isFalse();
        assertThat(result.reason())
                // ImageMagick lists the system file's entries for resources ours does not set first
                .contains("convert -list policy shows /etc/ImageMagick-6/policy.xml first, not " + permissive.resolve("policy.xml"))
                .contains("resource width is 64KP, expected 12KP")
                .contains("resource thread is ")
                .contains("an SVG named .jpg was rendered (exit 0): the policy does not refuse it")
                .contains("an MVG file was rendered (exit 0): the policy does not refuse it");
    }

    @Test
    void failsWhenThePolicyIsMissing() {
        ImageMagickSelfTest.Result result = selfTest(work.resolve("empty")).run();

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).contains("convert -list policy shows /etc/ImageMagick-6/policy.xml first, not "
                + work.resolve("empty").resolve("policy.xml"));
    }

    @Test
    void failsWhenTheBinaryIsMissing() {
        ImageMagickSelfTest.Result result = new ImageMagickSelfTest(work.resolve("convert"), work).run();

        assertThat(result).isEqualTo(new ImageMagickSelfTest.Result(false, work.resolve("convert") + " is not an executable file"));
    }

    @Test
    void aHungConvertIsKilledAtTheTimeout() throws IOException {
        Path hanging = work.resolve("convert");
        Files.writeString(hanging, "#!/bin/sh\nexec sleep 30\n");
        assertThat(hanging.toFile().setExecutable(true)).isTrue();
        Path policyDir = work.resolve("policy");
        ImageMagickSelfTest.extractPolicy(policyDir);

        long start = System.nanoTime();
        ImageMagickSelfTest.Result result = new ImageMagickSelfTest(hanging, policyDir, work.resolve("tmp"),
                Duration.ofMillis(200)).run();

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).contains("convert -list policy did not finish within 0 s and was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void sizesCompareAcrossNotations() {
        assertThat(ImageMagickResourceLimits.sameSize("12KP", "12000")).isTrue();
        assertThat(ImageMagickResourceLimits.sameSize("64B", "64")).isTrue();
        assertThat(ImageMagickResourceLimits.sameSize("256MiB", "268435456")).isTrue();
        assertThat(ImageMagickResourceLimits.sameSize("1GiB", "1024MiB")).isTrue();
        assertThat(ImageMagickResourceLimits.sameSize("16KP", "12KP")).isFalse();
        assertThat(ImageMagickResourceLimits.sameSize("unlimited", "64")).isFalse();
    }

    @Test
    void theShippedLimitsAreReadFromPolicyXml() {
        assertThat(ImageMagickResourceLimits.shipped()).containsEntry("width", "12KP").containsEntry("thread", "1")
                .containsEntry("time", "600").containsEntry("list-length", "64").containsEntry("memory", "256MiB")
                .containsKeys("map", "disk", "area", "height", "file");
    }

    @Test
    void childEnvironmentDropsInheritedMagickVariables() {
        ProcessBuilder builder = new ProcessBuilder("true");
        builder.environment().put("MAGICK_HOME", "/opt/evil");
        builder.environment().put("MAGICK_CONFIGURE_PATH", "/opt/evil");

        builder.environment().put("THUMBLER_KEY", "a signing key");

        ImageMagickSelfTest.configureChild(builder, work.resolve("policy/../policy"));

        assertThat(builder.environment()).doesNotContainKeys("MAGICK_HOME", "THUMBLER_KEY")
                .containsEntry("MAGICK_CONFIGURE_PATH", work.resolve("policy").toString())
                .containsOnlyKeys("PATH", "LC_ALL", "MAGICK_CONFIGURE_PATH");
    }
}
