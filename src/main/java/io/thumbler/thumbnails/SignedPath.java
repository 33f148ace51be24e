package io.thumbler.thumbnails;

import io.thumbler.security.SignaturePolicy;
import io.thumbler.transform.ProcessingPath;
import io.thumbler.transform.ProcessingPathParser;
import io.thumbler.transform.ProxyRewrites;

/**
 * Turns the path after the signature segment into a {@link ProcessingPath}: undo the proxy rewrites
 * imgproxy undoes ({@link ProxyRewrites}), check the signature against that text, then parse that
 * same text. Checking and parsing one string is what makes the signature cover what is rendered.
 */
final class SignedPath {

    private static final ProcessingPathParser PARSER = new ProcessingPathParser();

    private SignedPath() {
    }

    /**
     * @param received the path after the signature segment, leading '/' included, as received
     * @throws io.thumbler.error.ThumblerException 403 when the signature does not match
     */
    static ProcessingPath verify(SignaturePolicy signatures, String signature, String received) {
        String path = ProxyRewrites.undo(received);
        signatures.verify(signature, path);
        return PARSER.parse(path);
    }
}
