package io.thumbler.transform;

import java.util.List;
import java.util.Optional;

import io.thumbler.image.ImageFormat;

/**
 * The parts of an imgproxy URL path after the signature segment.
 *
 * @param options   the option segments, in URL order, as written ({@code rs:fill:300:200})
 * @param source    the original's address, decoded exactly once ({@code local:///cat.jpg},
 *                  {@code s3://bucket/key}); still untrusted text that the source layer validates
 * @param extension the output format the extension after {@code @} (plain) or {@code .} (base64)
 *                  names ({@code jpeg} and {@code jpg} are both JPEG); empty when the URL names none
 */
public record ProcessingPath(List<String> options, String source, Optional<ImageFormat> extension) {

    public ProcessingPath {
        options = List.copyOf(options);
    }
}
