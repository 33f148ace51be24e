package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.plainPath;
import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageHeader;
import io.thumbler.security.UrlSigner;

/**
 * The processing language end to end on the real server: presets from configuration
 * (arquillian.xml defines {@code it-thumb} and {@code it-sharp}), WebP negotiation
 * ({@code thumbler.auto-webp=true} there), expiry, Content-Disposition, {@code /info} and its info
 * options, {@code skip_processing}/{@code raw}, the security options
 * ({@code thumbler.allow-security-options=true} there), the watermark
 * ({@code thumbler.watermark-path} names moonlight-glow.png there), and every input format beyond
 * the web four rendered from a real file, with its orientation.
 */
class ProcessingIT extends DeployedThumbler {

    private static final String LADYBIRD = "LadyBird.jpg";
    private static final Path FORMATS = Path.of("src/test/resources/formats");

    @Test
    void aConfiguredPresetRenders() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("pr:it-thumb:it-sharp", LADYBIRD, "png"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        BufferedImage img = Images.decode(r.body());
        assertThat(img.getWidth()).isEqualTo(120);
        assertThat(img.getHeight()).isEqualTo(80);
    }

    @Test
    void anUndefinedPresetIs400() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("pr:nope", LADYBIRD, "png"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(text(r)).contains("preset 'nope' is not defined");
    }

    @Test
    void withoutAnExtensionAcceptChoosesWebpAndTheResponseVaries() {
        String path = plainPath("w:100", LADYBIRD, null);
        HttpResponse<byte[]> webp = client.send(signed(path).header("Accept", "image/avif,image/webp,*/*"));
        HttpResponse<byte[]> jpeg = client.send(signed(path).header("Accept", "image/*"));

        assertThat(webp.statusCode()).as(text(webp)).isEqualTo(200);
        assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(webp.headers().firstValue("Vary")).hasValue("Accept");
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(jpeg.headers().firstValue("Vary")).hasValue("Accept");
        HttpResponse<byte[]> named = client.send(signed(plainPath("w:100", LADYBIRD, "png")).header("Accept", "image/webp"));
        assertThat(named.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(named.headers().firstValue("Vary")).isEmpty();
    }

    @Test
    void aPastExpiryIs404AndAFutureOneCapsCaching() {
        HttpResponse<byte[]> past = client.getSigned(plainPath("exp:1000000000/w:50", LADYBIRD, "jpg"));
        assertThat(past.statusCode()).isEqualTo(404);
        assertThat(text(past)).contains("the URL expired at 2001-09-09T01:46:40Z");

        long soon = System.currentTimeMillis() / 1000 + 600;
        HttpResponse<byte[]> r = client.getSigned(plainPath("exp:" + soon + "/w:50", LADYBIRD, "jpg"));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        String cc = r.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cc).doesNotContain("stale-");
        int maxAge = Integer.parseInt(cc.replaceAll(".*max-age=(\\d+).*", "$1"));
        assertThat(maxAge).isBetween(500, 600);
    }

    @Test
    void filenameAndAttachmentSetContentDisposition() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("fn:holiday/att:1/w:50", LADYBIRD, "png"));
        assertThat(r.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"holiday.png\"; filename*=UTF-8''holiday.png");
        HttpResponse<byte[]> plain = client.getSigned(plainPath("w:50", LADYBIRD, "jpg"));
        assertThat(plain.headers().firstValue("Content-Disposition")).get().asString().startsWith("inline; filename=\"LadyBird.jpg\"");
    }

    @Test
    void infoAnswersJsonWithoutRendering() {
        String path = plainPath("", "orientation_1.jpg", null);
        HttpResponse<byte[]> r = client.get("/info/" + new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path) + path);

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(text(r)).contains("\"format\":\"jpeg\"", "\"width\":50", "\"height\":70", "\"size\":1360", "\"frames\":1")
                .doesNotContain("bytes");
        assertThat(client.get("/info/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + path).statusCode()).isEqualTo(403);
    }

    @Test
    void infoOptionsChooseTheFieldsAsInImgproxy() {
        String path = plainPath("s:0/d:0/exif:1/iptc:1/xmp:1/vm:1/do:1/cb:x", "orientation_1.jpg", null);
        HttpResponse<byte[]> r = info(path);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(text(r)).contains("\"format\":\"jpeg\"").doesNotContain("\"size\"", "\"width\"", "\"height\"", "exif");

        HttpResponse<byte[]> processingOption = info(plainPath("w:100", "orientation_1.jpg", null));
        assertThat(processingOption.statusCode()).isEqualTo(400);
        assertThat(text(processingOption)).contains("unknown info option 'w'");

        HttpResponse<byte[]> limited = info(plainPath("msr:0.001", "orientation_1.jpg", null));
        assertThat(limited.statusCode()).as(text(limited)).isEqualTo(422);
    }

    @Test
    void skipProcessingAnswersTheOriginalWithTheHeadersOfAVariant() throws Exception {
        byte[] original = Files.readAllBytes(Path.of(System.getProperty("thumbler.originals"), LADYBIRD));
        String path = plainPath(ThumblerClient.fresh("skp:jpg/w:100"), LADYBIRD, null);
        HttpResponse<byte[]> r = client.send(signed(path).header("Accept", "image/webp"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.body()).isEqualTo(original);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(r.headers().firstValue("Content-Disposition")).get().asString().startsWith("inline; filename=\"LadyBird.jpg\"");
        assertThat(r.headers().firstValue("Vary")).as("the original whatever Accept says").isEmpty();
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = client.send(signed(path).header("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);

        HttpResponse<byte[]> named = client.getSigned(plainPath("skp:jpg/w:100", LADYBIRD, "png"));
        assertThat(named.headers().firstValue("Content-Type")).as("another output format is rendered").hasValue("image/png");
        assertThat(Images.decode(named.body()).getWidth()).isEqualTo(100);
    }

    @Test
    void rawAnswersTheOriginalWhateverElseTheUrlSays() throws Exception {
        byte[] original = Files.readAllBytes(Path.of(System.getProperty("thumbler.originals"), "moonlight-glow.png"));
        HttpResponse<byte[]> r = client.getSigned(plainPath("raw:1/w:10/bl:5", "moonlight-glow.png", "jpg"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.body()).isEqualTo(original);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(r.headers().firstValue("Content-Disposition")).get().asString().startsWith("inline; filename=\"moonlight-glow.png\"");
    }

    @Test
    void securityOptionsOnlyTightenTheServersLimits() {
        HttpResponse<byte[]> tooLarge = client.getSigned(plainPath("msr:1/w:100", LADYBIRD, "jpg"));
        assertThat(tooLarge.statusCode()).as(text(tooLarge)).isEqualTo(422);
        assertThat(text(tooLarge)).contains("the limit is 1 MP");
        HttpResponse<byte[]> rawTooLarge = client.getSigned(plainPath("raw:1/msr:1", LADYBIRD, null));
        assertThat(rawTooLarge.statusCode()).as("raw passes nothing the URL's limits refuse").isEqualTo(422);

        HttpResponse<byte[]> capped = client.getSigned(plainPath("mrd:50/w:100", LADYBIRD, "png"));
        assertThat(capped.statusCode()).as(text(capped)).isEqualTo(200);
        assertThat(Images.decode(capped.body()).getWidth()).isEqualTo(50);

        HttpResponse<byte[]> fine = client.getSigned(plainPath("msr:5000/msfs:999999999/w:100", LADYBIRD, "png"));
        assertThat(fine.statusCode()).as(text(fine)).isEqualTo(200);
    }

    @Test
    void theConfiguredWatermarkIsDrawn() {
        HttpResponse<byte[]> plain = client.getSigned(plainPath("w:200", LADYBIRD, "png"));
        HttpResponse<byte[]> marked = client.getSigned(plainPath("w:200/wm:1:nowe:0:0:0.25", LADYBIRD, "png"));

        assertThat(marked.statusCode()).as(text(marked)).isEqualTo(200);
        BufferedImage a = Images.decode(plain.body());
        BufferedImage b = Images.decode(marked.body());
        assertThat(b.getWidth()).isEqualTo(200);
        assertThat(b.getHeight()).isEqualTo(125);
        // moonlight-glow.png (504x502) fitted into 50x31 at the top-left corner; the rest untouched
        int changed = 0;
        for (int y = 0; y < 31; y++) {
            for (int x = 0; x < 31; x++) {
                changed += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(changed).isGreaterThan(0);
        for (int y = 40; y < 125; y += 7) {
            for (int x = 60; x < 200; x += 7) {
                assertThat(b.getRGB(x, y)).as("%d,%d", x, y).isEqualTo(a.getRGB(x, y));
            }
        }
        assertThat(marked.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
    }

    private HttpResponse<byte[]> info(String path) {
        return client.get("/info/" + new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path) + path);
    }

    @Test
    void paddingAndBackgroundRenderOnTheServer() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("w:100/pd:10/bg:ff0000", LADYBIRD, "png"));
        BufferedImage img = Images.decode(r.body());
        assertThat(img.getWidth()).isEqualTo(120);
        assertThat(img.getRGB(1, 1) & 0xffffff).isEqualTo(0xff0000);
    }

    /** The fixtures of src/test/resources/formats (made with Debian's tools), upright 50x70 or, for the icon, 48x48. */
    @Test
    void everyInputFormatRendersFromARealFile() throws IOException {
        Path dir = Files.createDirectories(ServerUnderTest.originals().resolve("formats"));
        Map<String, String> sizes = new LinkedHashMap<>();
        sizes.put("photo.heic", "25x35");
        sizes.put("exif-orientation-6.heic", "25x18"); // HEIF's EXIF orientation is not applied, as in libheif and libvips
        sizes.put("orientation_6.avif", "25x35");
        sizes.put("orientation_7.avif", "25x35");
        sizes.put("tiled-16bit.tiff", "25x35");
        sizes.put("orientation-6.tiff", "25x35");
        sizes.put("photo.bmp", "25x35");
        sizes.put("favicon.ico", "25x25");
        sizes.put("orientation_5.png", "25x35");
        sizes.put("orientation_6.png", "25x35");
        sizes.put("orientation_7.webp", "25x35");
        sizes.put("orientation_8.webp", "25x35");
        for (Map.Entry<String, String> expected : sizes.entrySet()) {
            String name = expected.getKey();
            Files.copy(FORMATS.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);

            HttpResponse<byte[]> r = client.getSigned(plainPath("w:25", "formats/" + name, "png"));

            assertThat(r.statusCode()).as("%s: %s", name, text(r)).isEqualTo(200);
            BufferedImage img = Images.decode(r.body());
            assertThat(img.getWidth() + "x" + img.getHeight()).as(name).isEqualTo(expected.getValue());
        }
        ServerUnderTest.assertNothingLeftBehind();
    }

    @Test
    void aTiffOriginalWithoutAnExtensionBecomesJpegAndATiffNamedJpgIsReadByItsBytes() throws IOException {
        Path dir = Files.createDirectories(ServerUnderTest.originals().resolve("formats"));
        Files.copy(FORMATS.resolve("tiled-16bit.tiff"), dir.resolve("tiff_named.jpg"), StandardCopyOption.REPLACE_EXISTING);

        HttpResponse<byte[]> r = client.getSigned(plainPath("w:25", "formats/tiff_named.jpg", null));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void theNewOutputFormatsAnswerWithTheirContentType() {
        Map<String, String> types = Map.of("tiff", "image/tiff", "tif", "image/tiff", "bmp", "image/bmp", "ico", "image/x-icon");
        types.forEach((extension, mediaType) -> {
            HttpResponse<byte[]> r = client.getSigned(plainPath("rs:fit:64:64", LADYBIRD, extension));

            assertThat(r.statusCode()).as("%s: %s", extension, text(r)).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(extension).hasValue(mediaType);
            ImageHeader produced = HeaderSniffer.sniff(r.body());
            assertThat(produced.format().mediaType()).as(extension).isEqualTo(mediaType);
            assertThat(produced.width() + "x" + produced.height()).as(extension).isEqualTo("64x40");
        });
    }

    @Test
    void anIcoOver256PixelsIs422NamingTheSize() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("w:300", LADYBIRD, "ico"));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(text(r)).contains("an ICO result is at most 256x256 pixels; this one would be 300x188");
    }

    private HttpRequest.Builder signed(String path) {
        return HttpRequest.newBuilder(URI.create(client.base() + "/" + new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path) + path)).GET();
    }
}
