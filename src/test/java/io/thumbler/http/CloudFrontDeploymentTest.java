package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Holds deploy/cloudfront/ to what Thumbler does: the error TTLs follow {@link ErrorCaching}, the
 * cache key names exactly the header Thumbler varies on, the origin header is the one
 * {@link OriginSecretFilter} checks, and the template's inline function is the tested one.
 * (CloudFormation syntax itself is checked with cfn-lint; see docs/operations.md.)
 */
class CloudFrontDeploymentTest {

    private static final Path DIR = Path.of("deploy/cloudfront");

    private static String template() throws IOException {
        return Files.readString(DIR.resolve("thumbler.yaml"));
    }

    @Test
    void errorCachingTtlsMatchThumblersCacheControl() throws IOException {
        Matcher m = Pattern.compile("- ErrorCode: (\\d+)\\s+ErrorCachingMinTTL: (\\d+)").matcher(template());
        Map<Integer, Integer> ttls = new LinkedHashMap<>();
        while (m.find()) {
            ttls.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        assertThat(ttls).containsKeys(400, 403, 404, 500, 502, 503, 504);
        ttls.forEach((status, ttl) -> assertThat(ttl).as("ErrorCachingMinTTL of %d", status)
                .isEqualTo(maxAgeOf(ErrorCaching.cacheControl(status))));
    }

    private static int maxAgeOf(String cacheControl) {
        Matcher m = Pattern.compile("max-age=(\\d+)").matcher(cacheControl);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void theCacheKeyHasThePathAndOnlyTheAcceptHeader() throws IOException {
        String policy = section(template(), "  ThumbnailCachePolicy:", "\n  ThumbnailOriginRequestPolicy:");
        Matcher headers = Pattern.compile("Headers:\\n((?:\\s+- .+\\n)+)").matcher(policy);
        assertThat(headers.find()).as("a header list in the cache policy").isTrue();
        List<String> names = new ArrayList<>();
        for (String line : headers.group(1).strip().split("\n")) {
            names.add(line.strip().substring(2));
        }
        assertThat(names).containsExactly("Accept");
        assertThat(policy).contains("CookieBehavior: none", "QueryStringBehavior: none");
    }

    @Test
    void theOriginCarriesTheSecretHeaderThumblerChecks() throws IOException {
        assertThat(template()).contains("- HeaderName: " + OriginSecrets.HEADER, "HeaderValue: !Ref OriginSecret",
                "OriginShield:\n              Enabled: true");
    }

    @Test
    void theTemplatesInlineFunctionIsTheTestedFile() throws IOException {
        String file = Files.readString(DIR.resolve("normalize-accept.js"));
        String tested = file.substring(file.indexOf("function acceptedTypes"));
        String inline = section(template(), "      FunctionCode: |\n", "\n\n  ThumbnailCachePolicy:");
        assertThat(inline.replaceAll("(?m)^ {8}", "").strip()).isEqualTo(tested.strip());
    }

    @Test
    void theFunctionPassesItsNodeTests() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")) || Files.isExecutable(Path.of("/usr/local/bin/node")),
                "node is not installed");
        Process node = new ProcessBuilder("node", "--test", DIR.toString() + "/").redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertThat(start).as("'%s' in the template", from.strip()).isNotNegative();
        assertThat(end).as("'%s' in the template", to.strip()).isPositive();
        return text.substring(start + from.length(), end);
    }
}
