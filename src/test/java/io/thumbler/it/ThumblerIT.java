package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.plainPath;
import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.thumbler.security.UrlSigner;

/**
 * The built WAR on a real Payara Micro, rendering the sample photos with the real ImageMagick under
 * the shipped policy, spoken to over HTTP with signed imgproxy URLs. The bad-original and overload
 * groups run against the same deployment (one boot) through the interfaces it implements.
 */
class ThumblerIT extends DeployedThumbler implements BadOriginalsTests, OverloadTests, S3SourceTests {

    /** 2560x1600 baseline photo. */
    private static final String LADYBIRD = "LadyBird.jpg";
    /** 2560x3837 progressive portrait photo. */
    private static final String WINE = "Wine_by_Jakkub_Mede.jpg";

    @Test
    void fitKeepsTheAspectRatioInsideTheBox() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("rs:fit:300:300", LADYBIRD, "jpg"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage img = Images.decode(r.body());
        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(img.getHeight()).isEqualTo(188); // 1600 * 300 / 2560 = 187.5, rounded as imgproxy does
    }

    @Test
    void fillCoversTheBoxAndCrops() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("rs:fill:200:200/g:no", WINE, "png"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage img = Images.decode(r.body());
        assertThat(img.getWidth()).isEqualTo(200);
        assertThat(img.getHeight()).isEqualTo(200);
    }

    @Test
    void forceIgnoresTheAspectRatio() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("rs:force:320:100", LADYBIRD, "webp"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/webp");
        BufferedImage img = Images.decode(r.body());
        assertThat(img.getWidth()).isEqualTo(320);
        assertThat(img.getHeight()).isEqualTo(100);
    }

    @Test
    void gravityPicksTheCropWindow() {
        BufferedImage north = Images.decode(client.getSigned(plainPath("rs:fill:100:100/g:no", WINE, "png")).body());
        BufferedImage south = Images.decode(client.getSigned(plainPath("rs:fill:100:100/g:so", WINE, "png")).body());
        BufferedImage fit = Images.decode(client.getSigned(plainPath("rs:fit:100:150", WINE, "png")).body());

        // The top and the bottom of the portrait photo differ; each crop matches its own end of the full frame.
        BufferedImage top = fit.getSubimage(0, 0, 100, 100);
        BufferedImage bottom = fit.getSubimage(0, fit.getHeight() - 100, 100, 100);
        assertThat(Images.meanDifference(north, top)).isLessThan(Images.meanDifference(north, bottom));
        assertThat(Images.meanDifference(south, bottom)).isLessThan(Images.meanDifference(south, top));
    }

    @Test
    void base64SourceSplitBySlashesWorksLikePlain() {
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("local:///" + LADYBIRD).getBytes(StandardCharsets.UTF_8));
        String split = encoded.substring(0, 10) + "/" + encoded.substring(10);
        HttpResponse<byte[]> r = client.getSigned("/s:160:160/" + split + ".gif");

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(Images.decode(r.body()).getWidth()).isEqualTo(160);
    }

    @Test
    void successCarriesCdnHeadersAndServerTiming() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("w:120", LADYBIRD, "jpg"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).get().asString()
                .contains("public", "max-age=", "s-maxage=", "stale-while-revalidate=", "stale-if-error=");
        // With the cache on, the original or the variant may already be cached (no fetch, no render);
        // every success carries the total and the cache outcome. CachingIT checks the stages of a miss.
        assertThat(r.headers().firstValue("Server-Timing")).get().asString()
                .contains("total;dur=", "cache;desc=");
        assertThat(r.headers().firstValue("Last-Modified")).isPresent();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'none'", "sandbox");
    }

    @Test
    void headAnswersLikeGetWithoutBody() {
        String path = plainPath("w:90", LADYBIRD, "png");
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(
                URI.create(client.base() + "/" + new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path) + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aRotatedKeyStillVerifies() {
        HttpResponse<byte[]> r = client.getSignedWith(new UrlSigner(List.of(ThumblerClient.ROTATED_KEY), 32),
                plainPath("w:50", LADYBIRD, "jpg"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    }

    @Test
    void wrongSignatureIs403AndNeverCached() {
        String path = plainPath("rs:fit:300:300", LADYBIRD, "jpg");
        HttpResponse<byte[]> r = client.get("/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + path);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(text(r)).contains("invalid signature");
    }

    @Test
    void aSignatureForAnotherSizeIs403() {
        String signature = new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(plainPath("w:300", LADYBIRD, "jpg"));
        HttpResponse<byte[]> r = client.get("/" + signature + plainPath("w:301", LADYBIRD, "jpg"));

        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void unknownOptionIs400NamingIt() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("rs:fit:300:300/sparkle:9", LADYBIRD, "jpg"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(text(r)).contains("unknown processing option 'sparkle'");
    }

    @Test
    void badValueIs400NamingOptionAndValue() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("w:abc", LADYBIRD, "jpg"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(text(r)).contains("option 'width' (written 'w')", "'abc' is not a whole number");
    }

    @Test
    void badResizingTypeIs400() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("rs:stretch:10:10", LADYBIRD, "jpg"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(text(r)).contains("resizing type 'stretch' is not one of fit, fill, fill-down, force, auto");
    }

    @Test
    void traversalInTheSourceIs400() {
        HttpResponse<byte[]> r = client.getSigned("/w:10/plain/local:%2F%2F%2F..%2F..%2Fetc%2Fpasswd@jpg");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(text(r)).contains("contains a '..' path segment");
    }

    @Test
    void unsupportedOutputExtensionIs400() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("w:10", LADYBIRD, "pdf"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(text(r)).contains("output extension 'pdf' is not one of");
    }

    @Test
    void missingOriginalIs404WithShortCaching() {
        HttpResponse<byte[]> r = client.getSigned(plainPath("w:10", "no-such-photo.jpg", "jpg"));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(text(r)).contains("original 'local:///no-such-photo.jpg' not found");
    }

    @Test
    void readinessIsUpOnceTheCanaryRendered() {
        String root = client.base().replaceFirst("(https?://[^/]+).*", "$1");
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(root + "/health/ready")).GET());

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(text(r)).contains("imagemagick", "UP");
    }
}
