package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.plainPath;
import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.thumbler.security.UrlSigner;

/**
 * The processing language end to end on the real server: presets from configuration
 * (arquillian.xml defines {@code it-thumb} and {@code it-sharp}), WebP negotiation
 * ({@code thumbler.auto-webp=true} there), expiry, Content-Disposition and {@code /info}.
 */
class ProcessingIT extends DeployedThumbler {

    private static final String LADYBIRD = "LadyBird.jpg";

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
        assertThat(text(r)).contains("\"width\":50", "\"height\":70", "\"format\":\"jpg\"", "\"bytes\":1360", "\"frames\":1");
        assertThat(client.get("/info/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + path).statusCode()).isEqualTo(403);
    }

    @Test
    void paddingAndBackgroundRenderOnTheServer() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("w:100/pd:10/bg:ff0000", LADYBIRD, "png"));
        BufferedImage img = Images.decode(r.body());
        assertThat(img.getWidth()).isEqualTo(120);
        assertThat(img.getRGB(1, 1) & 0xffffff).isEqualTo(0xff0000);
    }

    private HttpRequest.Builder signed(String path) {
        return HttpRequest.newBuilder(URI.create(client.base() + "/" + new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path) + path)).GET();
    }
}
