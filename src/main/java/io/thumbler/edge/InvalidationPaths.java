package io.thumbler.edge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns recorded request paths into CloudFront invalidation paths and splits them into calls.
 * CloudFront compares an invalidation path with the path viewers requested, case-sensitively;
 * it wants characters outside printable ASCII and RFC 1738's unsafe ones percent-encoded, allows
 * a {@code *} only as a trailing wildcard and at most 4000 characters per path.
 */
final class InvalidationPaths {

    static final int MAX_LENGTH = 4000;
    private static final String UNSAFE = " \"<>\\^`{|}";

    private InvalidationPaths() {
    }

    /**
     * The invalidation path of a request path, or empty when CloudFront cannot take it exactly: a
     * {@code *} in it would be read as a wildcard (or refused), and a path beyond {@value #MAX_LENGTH}
     * characters is refused. Escapes already in the path ({@code %2F}) stay as they are: the path is
     * what the viewer sent.
     */
    static Optional<String> of(String requestPath) {
        if (requestPath.isEmpty() || requestPath.charAt(0) != '/' || requestPath.indexOf('*') >= 0) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(requestPath.length());
        for (int i = 0; i < requestPath.length(); ) {
            int cp = requestPath.codePointAt(i);
            i += Character.charCount(cp);
            if (cp > 0x20 && cp < 0x7f && UNSAFE.indexOf(cp) < 0) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return out.length() <= MAX_LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }

    /** The paths in calls of at most {@code size} each, in their order, without duplicates. */
    static List<List<String>> batches(Collection<String> paths, int size) {
        List<String> distinct = paths.stream().distinct().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += size) {
            batches.add(distinct.subList(from, Math.min(distinct.size(), from + size)));
        }
        return batches;
    }
}
