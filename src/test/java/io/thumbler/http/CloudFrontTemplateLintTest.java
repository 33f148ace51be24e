package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/cloudfront/thumbler.yaml as cfn-lint (AWS's CloudFormation linter, which checks every
 * property against the resource schemas) reads it: no finding with the defaults, none with the other
 * topology and every option on, and a finding for a template that is wrong. Skipped where cfn-lint
 * is not installed.
 */
class CloudFrontTemplateLintTest {

    private static final Path TEMPLATE = Path.of("deploy/cloudfront/thumbler.yaml");

    @TempDir
    Path work;

    @Test
    void cfnLintFindsNothingWithTheDefaults() throws Exception {
        Result result = lint(TEMPLATE, "OriginDomainName=thumbler-origin.example.com",
                "OriginSecret=0123456789abcdef0123456789abcdef");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("cfn-lint's findings").isEmpty();
    }

    @Test
    void cfnLintFindsNothingWithAVpcOriginAliasesAndLogging() throws Exception {
        Result result = lint(TEMPLATE, "OriginType=vpc-origin",
                "VpcOriginArn=arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/thumbler/50dc6c495c0c9188",
                "OriginDomainName=internal-thumbler-1234567890.eu-west-1.elb.amazonaws.com", "OriginHttpPort=80",
                "OriginSecret=0123456789abcdef0123456789abcdef", "Aliases=img.example.com,images.example.com",
                "AcmCertificateArn=arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
                "LogBucketName=example-cdn-logs");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("cfn-lint's findings").isEmpty();
    }

    @Test
    void cfnLintWouldFindAWrongViewerCertificate() throws Exception {
        String template = Files.readString(TEMPLATE);
        assertThat(template).contains("MinimumProtocolVersion: TLSv1.2_2021");
        Path broken = work.resolve("thumbler.yaml");
        Files.writeString(broken, template.replace("MinimumProtocolVersion: TLSv1.2_2021", "MinimumProtocolVersion: TLSv1.2_2099"));
        Result result = lint(broken);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("TLSv1.2_2099");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result lint(Path template, String... parameters) throws IOException, InterruptedException {
        Optional<Path> cfnLint = cfnLint();
        assumeTrue(cfnLint.isPresent(), "cfn-lint is not installed");
        List<String> command = new ArrayList<>(List.of(cfnLint.get().toString(), "--format", "parseable"));
        if (parameters.length > 0) {
            command.add("--parameters");
            command.addAll(List.of(parameters));
        }
        // The file goes after "--" so that it is not taken for one more parameter.
        command.add("--");
        command.add(template.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    /** On the PATH, or where pip and pyenv put it for the current user. */
    private static Optional<Path> cfnLint() {
        String home = System.getProperty("user.home");
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(Path::of);
        return Stream.concat(onPath, Stream.of(Path.of(home, ".pyenv", "shims"), Path.of(home, ".local", "bin")))
                .map(dir -> dir.resolve("cfn-lint")).filter(Files::isExecutable).findFirst();
    }
}
