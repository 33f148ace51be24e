package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignaturelessPathTest {

    @Test
    void dropsTheSignatureOfAThumbnailUrl() {
        assertThat(SignaturelessPath.of("/oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8/rs:fill:300:400:0/g:sm/aHR0cDovL2V4YW1w.png"))
                .isEqualTo("/rs:fill:300:400:0/g:sm/aHR0cDovL2V4YW1w.png");
        assertThat(SignaturelessPath.of("/unsafe/plain/local%3A%2F%2F%2Fa.jpg")).isEqualTo("/plain/local%3A%2F%2F%2Fa.jpg");
    }

    @Test
    void dropsTheSecondSegmentOfAnInfoUrl() {
        assertThat(SignaturelessPath.of("/info/SIG/w:10/plain/s3://b/k.jpg")).isEqualTo("/info/w:10/plain/s3://b/k.jpg");
    }

    @Test
    void keepsPathsThatCarryNoSignature() {
        assertThat(SignaturelessPath.of("/")).isEqualTo("/");
        assertThat(SignaturelessPath.of("")).isEqualTo("/");
        assertThat(SignaturelessPath.of("/favicon.ico")).isEqualTo("/favicon.ico");
        assertThat(SignaturelessPath.of("/playground/index.html")).isEqualTo("/playground/index.html");
        assertThat(SignaturelessPath.of("/admin/cache/stats")).isEqualTo("/admin/cache/stats");
        assertThat(SignaturelessPath.of("/admin/cache/source")).isEqualTo("/admin/cache/source");
        assertThat(SignaturelessPath.of("/SIG/")).isEqualTo("/");
    }
}
