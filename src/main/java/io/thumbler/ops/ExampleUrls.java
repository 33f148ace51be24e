package io.thumbler.ops;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.config.ConfigReader;
import io.thumbler.security.SignaturePolicy;
import io.thumbler.source.Originals;

/**
 * For the quick start ({@code THUMBLER_PRINT_EXAMPLE_URLS=true}): prints ready-to-click, signed
 * URLs for a few of the local sample originals, so a new user sees a thumbnail in one click.
 */
@ApplicationScoped
public class ExampleUrls {

    private static final Logger LOG = Logger.getLogger(ExampleUrls.class.getName());

    @Inject
    ConfigReader config;

    @Inject
    SignaturePolicy signatures;

    @Inject
    Originals originals;

    /** Called by {@link ApplicationStartup} once everything is up. */
    void print() {
        if (!config.bool("thumbler.print-example-urls", false)) {
            return;
        }
        String base = config.string("thumbler.public-url", "http://localhost:8080").replaceAll("/+$", "");
        List<String> samples = samples();
        if (samples.isEmpty()) {
            LOG.info("No sample originals found under THUMBLER_LOCAL_FILESYSTEM_ROOT; no example URLs to print.");
            return;
        }
        String[] recipes = {"rs:fit:300:300", "rs:fill:400:400/g:ce", "rs:force:320:240", "rs:fill:200:300/g:no/q:70", "w:500"};
        String[] formats = {"jpg", "webp", "png", "jpg", "webp"};
        StringBuilder sb = new StringBuilder("\n\n  Thumbler is up. Try these signed URLs (dev key):\n\n");
        for (int i = 0; i < recipes.length; i++) {
            String file = samples.get(i % samples.size());
            String path = "/" + recipes[i] + "/plain/" + URLEncoder.encode("local:///" + file, StandardCharsets.UTF_8)
                    + "@" + formats[i];
            sb.append("    ").append(base).append('/').append(signatures.signatureFor(path)).append(path).append('\n');
        }
        sb.append('\n');
        LOG.info(sb.toString());
    }

    private List<String> samples() {
        return originals.localRoot().map(root -> {
            try (Stream<Path> files = Files.list(root)) {
                return files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".jpg") && !n.startsWith("orientation_"))
                        .sorted().toList();
            } catch (IOException e) {
                return List.<String>of();
            }
        }).orElse(List.of());
    }
}
