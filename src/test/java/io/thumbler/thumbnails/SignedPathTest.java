package io.thumbler.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.ImageFormat;
import io.thumbler.security.SignaturePolicy;
import io.thumbler.security.SigningKey;
import io.thumbler.security.UrlSigner;
import io.thumbler.transform.ProcessingPath;

class SignedPathTest {

    private static final UrlSigner SIGNER = new UrlSigner(List.of(SigningKey.fromHex("736563726574", "68656C6C6F")), 32);
    private static final SignaturePolicy SIGNED = SignaturePolicy.signed(SIGNER);
    private static final String SIGNED_PATH = "/rs:fill:300:200/plain/local:///photos/a.jpg@webp";

    @Test
    void aUrlWhoseColonsAndSlashesAProxyRewroteVerifiesAgainstWhatWasSigned() {
        String rewritten = "/rs%3Afill%3A300%3A200/plain/local:/photos/a.jpg@webp";

        ProcessingPath p = SignedPath.verify(SIGNED, SIGNER.sign(SIGNED_PATH), rewritten);

        assertThat(p.options()).containsExactly("rs:fill:300:200");
        assertThat(p.source()).isEqualTo("local:///photos/a.jpg");
        assertThat(p.extension()).hasValue(ImageFormat.WEBP);
    }

    @Test
    void s3AndHttpsSourcesGetTheirTwoSlashesBack() {
        String s3 = "/w:10/plain/s3://bucket/k.jpg";
        assertThat(SignedPath.verify(SIGNED, SIGNER.sign(s3), "/w:10/plain/s3:/bucket/k.jpg").source()).isEqualTo("s3://bucket/k.jpg");
        String https = "/w:10/plain/https://example.com/k.jpg";
        assertThat(SignedPath.verify(SIGNED, SIGNER.sign(https), "/w:10/plain/https:/example.com/k.jpg").source())
                .isEqualTo("https://example.com/k.jpg");
    }

    @Test
    void aSignatureOverTheRewrittenSpellingDoesNotVerify() {
        String rewritten = "/rs%3Afill%3A300%3A200/plain/local:/photos/a.jpg@webp";

        assertThatThrownBy(() -> SignedPath.verify(SIGNED, SIGNER.sign(rewritten), rewritten))
                .isInstanceOf(ThumblerException.class)
                .extracting(e -> ((ThumblerException) e).status()).isEqualTo(403);
    }

    @Test
    void theUnrewrittenUrlStillVerifies() {
        assertThat(SignedPath.verify(SIGNED, SIGNER.sign(SIGNED_PATH), SIGNED_PATH).source()).isEqualTo("local:///photos/a.jpg");
    }
}
