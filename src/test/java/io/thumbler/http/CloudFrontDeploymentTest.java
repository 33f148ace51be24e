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
 * {@link OriginSecretFilter} checks, the template's inline function is the tested one, the origin
 * connection matches where the documentation says TLS ends, and the optional domain, certificate and
 * logging are switched by conditions. (CloudFormation itself is checked by cfn-lint in
 * {@link CloudFrontTemplateLintTest}.)
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

    @Test
    void byDefaultCloudFrontSpeaksOnlyHttpsToALoadBalancerInFrontOfThumblersHttpPort() throws IOException {
        Map<String, Map<String, String>> parameters = parameters();
        assertThat(parameters.get("OriginType")).containsEntry("Default", "public-https")
                .containsEntry("AllowedValues", "[public-https, vpc-origin]");
        assertThat(template()).contains("UseVpcOrigin: !Equals [!Ref OriginType, vpc-origin]");
        String origin = section(template(), "        Origins:\n", "\n        DefaultCacheBehavior:");
        // The public origin crosses the internet with the secret header: HTTPS only, nothing to choose.
        String custom = section(origin, "CustomOriginConfig: !If\n", "VpcOriginConfig:");
        assertThat(custom).containsPattern("- UseVpcOrigin\\s+- !Ref AWS::NoValue\\s+- OriginProtocolPolicy: https-only\\s")
                .contains("HTTPSPort: !Ref OriginHttpsPort", "OriginSSLProtocols: [TLSv1.2]").doesNotContain("http-only", "HTTPPort");
        assertThat(parameters.get("OriginHttpsPort")).containsEntry("Default", "443");
        assertThat(parameters).doesNotContainKey("OriginProtocolPolicy");
        assertThat(origin).containsPattern("VpcOriginConfig: !If\\s+- UseVpcOrigin\\s+- VpcOriginId: !GetAtt ThumblerVpcOrigin.Id");
    }

    @Test
    void plainHttpOnlyThroughAVpcOriginAndToThePortThumblerServes() throws IOException {
        Map<String, Map<String, String>> parameters = parameters();
        assertThat(parameters.get("VpcOriginProtocolPolicy")).containsEntry("Default", "http-only")
                .containsEntry("AllowedValues", "[http-only, https-only]");
        String vpcOrigin = section(template(), "  ThumblerVpcOrigin:\n", "\n  Distribution:");
        assertThat(vpcOrigin).contains("Condition: UseVpcOrigin", "Arn: !Ref VpcOriginArn",
                "OriginProtocolPolicy: !Ref VpcOriginProtocolPolicy", "HTTPPort: !Ref OriginHttpPort");
        String httpPort = parameters.get("OriginHttpPort").get("Default");
        assertThat(portIn(Files.readString(Path.of("deploy/systemd/thumbler.service")), "--port (\\d+)"))
                .as("the systemd unit's port").isEqualTo(httpPort);
        assertThat(portIn(Files.readString(Path.of("deploy/docker/Dockerfile")), "\"--port\", \"(\\d+)\""))
                .as("the Docker image's port").isEqualTo(httpPort);
        assertThat(template()).contains("RuleCondition: !Equals [!Ref OriginType, vpc-origin]",
                "Assert: !Not [!Equals [!Ref VpcOriginArn, \"\"]]");
    }

    private static String portIn(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the file", regex).isTrue();
        return m.group(1);
    }

    @Test
    void ownDomainNamesComeWithTheirCertificateElseCloudFrontsDefault() throws IOException {
        Map<String, Map<String, String>> parameters = parameters();
        assertThat(parameters.get("Aliases")).containsEntry("Default", "\"\"");
        assertThat(parameters.get("AcmCertificateArn")).containsEntry("Default", "\"\"")
                .hasEntrySatisfying("AllowedPattern", pattern -> assertThat(pattern).contains(":acm:us-east-1:"));
        String template = template();
        assertThat(template).contains("HasAliases: !Not [!Equals [!Ref Aliases, \"\"]]",
                "HasCertificate: !Not [!Equals [!Ref AcmCertificateArn, \"\"]]",
                "Aliases: !If [HasAliases, !Split [\",\", !Ref Aliases], !Ref AWS::NoValue]");
        assertThat(template).containsPattern("ViewerCertificate: !If\\s+- HasCertificate\\s+"
                + "- AcmCertificateArn: !Ref AcmCertificateArn\\s+SslSupportMethod: sni-only\\s+MinimumProtocolVersion: TLSv1\\.2_2021\\s+"
                + "- CloudFrontDefaultCertificate: true\\s");
        // The certificate follows HasCertificate and the names HasAliases: the rules keep the two together.
        assertThat(section(template, "  AliasesNeedACertificate:\n", "\n  ACertificateNeedsAliases:"))
                .contains("RuleCondition: !Not [!Equals [!Ref Aliases, \"\"]]", "Assert: !Not [!Equals [!Ref AcmCertificateArn, \"\"]]");
        assertThat(section(template, "  ACertificateNeedsAliases:\n", "\n\nResources:"))
                .contains("RuleCondition: !Not [!Equals [!Ref AcmCertificateArn, \"\"]]", "Assert: !Not [!Equals [!Ref Aliases, \"\"]]");
    }

    @Test
    void standardLoggingIsOnExactlyWhenALogBucketIsNamed() throws IOException {
        assertThat(parameters().get("LogBucketName")).containsEntry("Default", "\"\"");
        String template = template();
        assertThat(template).contains("HasLogBucket: !Not [!Equals [!Ref LogBucketName, \"\"]]");
        assertThat(template).containsPattern("Logging: !If\\s+- HasLogBucket\\s+- Bucket: !Sub \"\\$\\{LogBucketName}\\.s3\\.amazonaws\\.com\"\\s+"
                + "IncludeCookies: false\\s+Prefix: !Ref LogPrefix\\s+- !Ref AWS::NoValue\\s");
    }

    @Test
    void theDocumentedDeployCommandsNameOnlyParametersTheTemplateHas() throws IOException {
        Map<String, Map<String, String>> parameters = parameters();
        List<String> named = new ArrayList<>();
        for (Path doc : List.of(Path.of("README.md"), Path.of("docs/operations.md"))) {
            Matcher command = Pattern.compile("--template-file deploy/cloudfront/thumbler\\.yaml(?:[^\\n]*\\\\\\n)*[^\\n]*")
                    .matcher(Files.readString(doc));
            while (command.find()) {
                String overrides = command.group().substring(command.group().indexOf("--parameter-overrides"));
                Matcher key = Pattern.compile("\\s([A-Za-z]+)=").matcher(overrides);
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
        }
        assertThat(named).contains("OriginType", "Aliases", "AcmCertificateArn", "LogBucketName");
        assertThat(parameters.keySet()).containsAll(named);
    }

    /** The Parameters section as name → (key → value as written), leaving out folded descriptions. */
    private static Map<String, Map<String, String>> parameters() throws IOException {
        String section = section(template(), "\nParameters:\n", "\n\nConditions:");
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : section.split("\n")) {
            Matcher name = Pattern.compile("^  ([A-Za-z0-9]+):$").matcher(line);
            Matcher entry = Pattern.compile("^    ([A-Za-z]+): ?(.*)$").matcher(line);
            if (name.matches()) {
                current = new LinkedHashMap<>();
                parameters.put(name.group(1), current);
            } else if (entry.matches() && current != null) {
                current.put(entry.group(1), entry.group(2));
            }
        }
        return parameters;
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertThat(start).as("'%s' in the template", from.strip()).isNotNegative();
        assertThat(end).as("'%s' in the template", to.strip()).isPositive();
        return text.substring(start + from.length(), end);
    }
}
