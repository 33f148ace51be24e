package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.plainPath;
import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.thumbler.render.BadInputs;

/**
 * The known bad originals (pixel floods, decompression bombs,
 * truncations and floods of TIFF, BMP, ICO, HEIC and AVIF, SVG/MVG/MSL/PS/PDF/MIFF disguised as JPEG), sent through the running
 * server: each is refused with 422 and a message, or rendered safely, and no ImageMagick process
 * and no temp file stays behind.
 */
interface BadOriginalsTests extends ServerUnderTest {

    @Test
    default void everyBadOriginalIsRefusedWith422AndLeavesNothingBehind() throws IOException {
        Path dir = Files.createDirectories(ServerUnderTest.originals().resolve("bad"));
        Map<String, Path> fixtures = BadInputs.writeAll(dir, 9, dir.resolve("victim.png"));
        for (String bomb : BadInputs.BOMBS) {
            fixtures.put(bomb, BadInputs.writeBomb(dir, bomb));
        }
        fixtures.remove("png_ztxt_bomb.png"); // a valid 1x1 image; its own test below

        for (String name : fixtures.keySet()) {
            HttpResponse<byte[]> r = client().getSigned(plainPath("rs:fit:100:100", "bad/" + name, "jpg"));
            assertThat(r.statusCode()).as("%s: %s", name, text(r)).isEqualTo(422);
            assertThat(r.headers().firstValue("Content-Type")).as(name).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(text(r)).as(name).containsAnyOf("the original", "format ", "header", "data is truncated", "corrupt");
        }
        ServerUnderTest.assertNothingLeftBehind();
        assertThat(dir.resolve("victim.png.written")).as("an MSL write must never happen").doesNotExist();
    }

    @Test
    default void aRefusedOriginalIsNotFetchedAgainForAWhile() throws IOException {
        Path dir = Files.createDirectories(ServerUnderTest.originals().resolve("refused"));
        Files.write(dir.resolve("screen.gif"), Files.readAllBytes(
                BadInputs.writeAll(Files.createDirectories(dir.resolve("all")), 9, dir.resolve("victim.png")).get("gif_screen_65535.gif")));

        HttpResponse<byte[]> first = client().getSigned(plainPath("w:100", "refused/screen.gif", "png"));
        HttpResponse<byte[]> second = client().getSigned(plainPath("w:120", "refused/screen.gif", "png"));

        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(first.headers().firstValue("Server-Timing")).get().asString().contains("fetch;dur=");
        assertThat(second.statusCode()).isEqualTo(422);
        assertThat(text(second)).isEqualTo(text(first));
        assertThat(second.headers().firstValue("Server-Timing")).as("the failure is remembered, the original not fetched again")
                .get().asString().doesNotContain("fetch;dur=");
    }

    @Test
    default void aRefusalNamesItsStatusInTheStatusLine() throws IOException {
        Path dir = Files.createDirectories(ServerUnderTest.originals().resolve("phrase"));
        Files.write(dir.resolve("not-an-image.jpg"), "plain text, not a JPEG".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String path = client().signed(plainPath(ThumblerClient.fresh("w:50"), "phrase/not-an-image.jpg", "png"));

        assertThat(client().statusLine(path)).as("first refusal").isEqualTo("HTTP/1.1 422 Unprocessable Content");
        assertThat(client().statusLine(path)).as("remembered refusal").isEqualTo("HTTP/1.1 422 Unprocessable Content");
    }

    @Test
    default void theZtxtBombRendersWithinItsMemoryCap() throws IOException {
        Path dir = Files.createDirectories(ServerUnderTest.originals().resolve("bad"));
        BadInputs.writeBomb(dir, "png_ztxt_bomb.png");

        HttpResponse<byte[]> r = client().getSigned(plainPath("w:10", "bad/png_ztxt_bomb.png", "png"));

        assertThat(r.statusCode()).as(text(r)).isIn(200, 422);
        ServerUnderTest.assertNothingLeftBehind();
    }

    @Test
    default void aValidPngNamedJpgIsReadByItsBytes() throws IOException {
        Path dir = Files.createDirectories(ServerUnderTest.originals().resolve("bad"));
        Files.copy(ServerUnderTest.originals().resolve("moonlight-glow.png"), dir.resolve("png_named.jpg"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        HttpResponse<byte[]> r = client().getSigned(plainPath("w:50", "bad/png_named.jpg", null));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    }
}
