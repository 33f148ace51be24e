package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.thumbler.image.ImageFormat;
import io.thumbler.source.SourceUri;

class CacheKeysTest {

    private static final String SOURCE = "local://" + "/photo.jpg";

    private static String key(String transform, ImageFormat f, int q, String source, String version, String renderer) {
        return CacheKeys.rendition(transform, f, q, source, version, renderer);
    }

    @Test
    void theSameInputsGiveTheSameKey() {
        assertThat(key("w:300", ImageFormat.JPEG, 80, SOURCE, "v1", "r1"))
                .isEqualTo(key("w:300", ImageFormat.JPEG, 80, SOURCE, "v1", "r1"))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void everyPartChangesTheKey() {
        List<String> keys = List.of(
                key("w:300", ImageFormat.JPEG, 80, SOURCE, "v1", "r1"),
                key("w:301", ImageFormat.JPEG, 80, SOURCE, "v1", "r1"),
                key("w:300", ImageFormat.PNG, 80, SOURCE, "v1", "r1"),
                key("w:300", ImageFormat.JPEG, 81, SOURCE, "v1", "r1"),
                key("w:300", ImageFormat.JPEG, 80, "local:///other.jpg", "v1", "r1"),
                key("w:300", ImageFormat.JPEG, 80, SOURCE, "v2", "r1"),
                key("w:300", ImageFormat.JPEG, 80, SOURCE, "v1", "r2"));
        assertThat(new HashSet<>(keys)).hasSize(keys.size());
    }

    @Test
    void partsCannotRunTogether() {
        assertThat(CacheKeys.sha256("ab", "c")).isNotEqualTo(CacheKeys.sha256("a", "bc"));
        assertThat(key("w:300", ImageFormat.JPEG, 80, SOURCE, "v1", "r1"))
                .isNotEqualTo(key("w:300", ImageFormat.JPEG, 80, SOURCE + "v", "1", "r1"));
    }

    @Test
    void renditionAndOriginalKeysNeverCollide() {
        assertThat(CacheKeys.original(SOURCE, "v1")).isNotEqualTo(CacheKeys.original(SOURCE, "v2"))
                .isNotEqualTo(key("", ImageFormat.JPEG, 80, SOURCE, "v1", "r1"));
    }

    @Test
    void aSourceHasOneIdHoweverItsHostIsSpelled() {
        assertThat(CacheKeys.sourceId(SourceUri.parse("https://Images.Example.com/a.jpg")))
                .isEqualTo(CacheKeys.sourceId(SourceUri.parse("https://images.example.com/a.jpg")))
                .isEqualTo("https://images.example.com/a.jpg");
        assertThat(CacheKeys.sourceId(SourceUri.parse("local:///dir/a.jpg"))).isEqualTo("local:///dir/a.jpg");
        assertThat(Set.of(CacheKeys.sourceId(SourceUri.parse("s3://bucket-a/k.jpg")),
                CacheKeys.sourceId(SourceUri.parse("s3://bucket-b/k.jpg")))).hasSize(2);
    }

    @Test
    void anS3VersionIsAnotherSourceButPurgedWithTheObject() {
        SourceUri latest = SourceUri.parse("s3://bucket/k.jpg");
        SourceUri pinned = SourceUri.parse("s3://bucket/k.jpg?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        assertThat(CacheKeys.sourceId(pinned)).isNotEqualTo(CacheKeys.sourceId(latest));
        assertThat(CacheKeys.purgeId(pinned)).isEqualTo(CacheKeys.purgeId(latest)).isEqualTo("s3://bucket/k.jpg");
    }

    @Test
    void anOriginalAnsweredAsItIsHasItsOwnKeys() {
        String passthrough = CacheKeys.passthrough("skp:jpg", ImageFormat.JPEG, SOURCE, "v1");
        List<String> keys = List.of(passthrough,
                CacheKeys.passthrough("raw:1", ImageFormat.JPEG, SOURCE, "v1"),
                CacheKeys.passthrough("skp:jpg", ImageFormat.PNG, SOURCE, "v1"),
                CacheKeys.passthrough("skp:jpg", ImageFormat.JPEG, "local:///other.jpg", "v1"),
                CacheKeys.passthrough("skp:jpg", ImageFormat.JPEG, SOURCE, "v2"),
                key("skp:jpg", ImageFormat.JPEG, 0, SOURCE, "v1", ""));
        assertThat(new HashSet<>(keys)).hasSize(keys.size());
        assertThat(passthrough).isEqualTo(CacheKeys.passthrough("skp:jpg", ImageFormat.JPEG, SOURCE, "v1")).matches("[0-9a-f]{64}");
    }
}
