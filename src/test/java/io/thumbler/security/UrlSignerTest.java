package io.thumbler.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.thumbler.error.ThumblerException;

class UrlSignerTest {

    /** The example of imgproxy's "Signing the URL" documentation. */
    private static final SigningKey IMGPROXY_DOCS = SigningKey.fromHex("736563726574", "68656C6C6F");
    private static final String DOCS_PATH =
            "/rs:fill:300:400:0/g:sm/aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png";
    private static final String DOCS_SIGNATURE = "oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8";

    private final UrlSigner signer = new UrlSigner(List.of(IMGPROXY_DOCS), 32);

    @Test
    void matchesImgproxysDocumentedTestVector() {
        assertThat(signer.sign(DOCS_PATH)).isEqualTo(DOCS_SIGNATURE);
        assertThatCode(() -> signer.verify(DOCS_SIGNATURE, DOCS_PATH)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAChangedPathWith403() {
        assertThatThrownBy(() -> signer.verify(DOCS_SIGNATURE, DOCS_PATH.replace("300", "301")))
                .isInstanceOf(ThumblerException.class)
                .hasMessageContaining("invalid signature")
                .extracting(e -> ((ThumblerException) e).status()).isEqualTo(403);
    }

    @Test
    void acceptsOnlyTheExactUnpaddedBase64UrlForm() {
        assertThatThrownBy(() -> signer.verify(DOCS_SIGNATURE + "=", DOCS_PATH)).isInstanceOf(ThumblerException.class);
        assertThatThrownBy(() -> signer.verify(DOCS_SIGNATURE.replace('_', '/'), DOCS_PATH)).isInstanceOf(ThumblerException.class);
        assertThatThrownBy(() -> signer.verify(DOCS_SIGNATURE.substring(1), DOCS_PATH)).isInstanceOf(ThumblerException.class);
        assertThatThrownBy(() -> signer.verify("", DOCS_PATH)).isInstanceOf(ThumblerException.class);
        assertThatThrownBy(() -> signer.verify("insecure", DOCS_PATH)).isInstanceOf(ThumblerException.class);
    }

    @Test
    void triesEveryConfiguredKeySoKeysCanRotate() {
        SigningKey next = SigningKey.fromHex("6e6577", "73616c74");
        UrlSigner rotating = new UrlSigner(List.of(next, IMGPROXY_DOCS), 32);

        assertThatCode(() -> rotating.verify(DOCS_SIGNATURE, DOCS_PATH)).doesNotThrowAnyException();
        assertThat(rotating.sign(DOCS_PATH)).as("the first key signs").isNotEqualTo(DOCS_SIGNATURE);
    }

    @Test
    void truncatesTheDigestBeforeEncodingAsImgproxyDoes() {
        UrlSigner truncated = new UrlSigner(List.of(IMGPROXY_DOCS), 16);
        String sig = truncated.sign(DOCS_PATH);

        assertThat(sig).hasSize(22); // 16 bytes in unpadded base64
        assertThatCode(() -> truncated.verify(sig, DOCS_PATH)).doesNotThrowAnyException();
        assertThatThrownBy(() -> truncated.verify(DOCS_SIGNATURE, DOCS_PATH)).isInstanceOf(ThumblerException.class);
    }

    @Test
    void takesImgproxysWholeRangeOfSizesOneTo32Bytes() {
        UrlSigner oneByte = new UrlSigner(List.of(IMGPROXY_DOCS), 1);
        assertThat(oneByte.sign(DOCS_PATH)).isEqualTo("oA"); // the first byte of DOCS_SIGNATURE's digest
        assertThatCode(() -> oneByte.verify("oA", DOCS_PATH)).doesNotThrowAnyException();
        assertThat(new UrlSigner(List.of(IMGPROXY_DOCS), 8).sign(DOCS_PATH)).isEqualTo("oKfUtW34Dvo");

        assertThatThrownBy(() -> new UrlSigner(List.of(IMGPROXY_DOCS), 0))
                .hasMessage("signature size must be between 1 and 32 bytes, not 0");
        assertThatThrownBy(() -> new UrlSigner(List.of(IMGPROXY_DOCS), 33))
                .hasMessage("signature size must be between 1 and 32 bytes, not 33");
    }

    @Test
    void namesTheBadHalfOfAKeyPair() {
        assertThatThrownBy(() -> SigningKey.fromHex("zz", "00")).hasMessageContaining("signing key is not");
        assertThatThrownBy(() -> SigningKey.fromHex("00", "abc")).hasMessageContaining("signing salt is not");
    }
}
