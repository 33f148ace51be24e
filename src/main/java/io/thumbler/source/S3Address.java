package io.thumbler.source;

import java.util.Optional;
import java.util.regex.Pattern;

import io.thumbler.error.ThumblerException;

/**
 * Parses {@code s3://bucket/key} and {@code s3://bucket/key?versionId=ID} source addresses.
 *
 * <p>The first {@code '?'} ends the key, so an object whose key contains {@code '?'} cannot be
 * named; that is the price of a version syntax that reads like S3's own query parameter. imgproxy's
 * form, a bare {@code ?ID}, is accepted too, so imgproxy sources keep working.
 */
final class S3Address {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** S3 version ids are opaque "URL-ready" tokens; this admits every form S3 has documented. */
    private static final Pattern VERSION_ID = Pattern.compile("[A-Za-z0-9._+/=-]{1,1024}");
    private static final String VERSION_PARAMETER = "versionId=";

    private S3Address() {
    }

    static SourceUri parse(String text) {
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw ThumblerException.badRequest("source '" + text + "' must have the form s3://bucket/key");
        }
        String bucket = rest.substring(0, slash);
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw ThumblerException.badRequest("source '" + text + "': '" + bucket + "' is not a valid S3 bucket name");
        }
        String key = rest.substring(slash + 1);
        Optional<String> versionId = Optional.empty();
        int question = key.indexOf('?');
        if (question >= 0) {
            versionId = Optional.of(versionId(text, key.substring(question + 1)));
            key = key.substring(0, question);
        }
        KeyGrammar.check(text, key);
        return new SourceUri(SourceUri.Scheme.S3, bucket, key, text, versionId);
    }

    private static String versionId(String text, String query) {
        String id = query.startsWith(VERSION_PARAMETER) ? query.substring(VERSION_PARAMETER.length()) : query;
        if (!VERSION_ID.matcher(id).matches()) {
            throw ThumblerException.badRequest("source '" + KeyGrammar.shown(text) + "': '" + KeyGrammar.shown(query)
                    + "' is not a version; write s3://bucket/key?versionId=ID");
        }
        return id;
    }
}
