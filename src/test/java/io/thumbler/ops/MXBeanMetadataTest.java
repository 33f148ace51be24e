package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenMBeanAttributeInfo;

import org.junit.jupiter.api.Test;

import io.thumbler.cache.CachesMXBean;
import io.thumbler.edge.CloudFrontMXBean;
import io.thumbler.jmx.MXBeans;

/**
 * What a JMX client (JConsole, VisualVM, a JMX exporter) sees of every Thumbler MXBean, read from
 * its {@link MBeanInfo} as registered by {@link MXBeans}: a description on the bean, every attribute,
 * every operation and parameter, and parameter names instead of {@code p0}.
 */
class MXBeanMetadataTest {

    /** Every MXBean interface Thumbler registers, by its {@code type=}. */
    private static final Map<String, Class<?>> MXBEANS = Map.of(
            "RenderPool", RenderPoolMXBean.class,
            "Requests", RequestsMXBean.class,
            "Sources", SourcesMXBean.class,
            "Build", BuildMXBean.class,
            "Caches", CachesMXBean.class,
            "CloudFront", CloudFrontMXBean.class);

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    /** Registers an implementation that answers nothing: only the metadata is read. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private MBeanInfo info(String type) throws Exception {
        Class view = MXBEANS.get(type);
        Object bean = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {view}, (p, m, a) -> {
            throw new UnsupportedOperationException(m.getName());
        });
        ObjectName name = MXBeans.register(server, type, bean, view);
        assertThat(name).as(type).isNotNull();
        return server.getMBeanInfo(name);
    }

    @Test
    void everyMXBeanInTheWarIsCoveredHere() throws IOException, URISyntaxException {
        Path classes = Path.of(MXBeans.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> interfaces = files.filter(p -> p.getFileName().toString().endsWith("MXBean.class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replace(".class", ""))
                    .map(MXBeanMetadataTest::load).filter(Class::isInterface).map(Class::getSimpleName).toList();
            assertThat(interfaces).containsExactlyInAnyOrderElementsOf(
                    MXBEANS.values().stream().map(Class::getSimpleName).toList());
        }
    }

    @Test
    void everyBeanAttributeAndOperationSaysWhatItIs() throws Exception {
        for (String type : MXBEANS.keySet()) {
            MBeanInfo info = info(type);
            assertThat(info.getDescription()).as(type).isNotBlank().doesNotContain("Information on the management interface");
            for (MBeanAttributeInfo a : info.getAttributes()) {
                assertThat(a.getDescription()).as(type + "." + a.getName())
                        .isNotBlank().isNotEqualTo(a.getName()).isNotEqualTo("Attribute exposed for management");
            }
            for (MBeanOperationInfo o : info.getOperations()) {
                assertThat(o.getDescription()).as(type + "." + o.getName())
                        .isNotBlank().isNotEqualTo(o.getName()).isNotEqualTo("Operation exposed for management");
                for (MBeanParameterInfo p : o.getSignature()) {
                    assertThat(p.getName()).as(type + "." + o.getName() + " parameter").doesNotMatch("p\\d+");
                    assertThat(p.getDescription()).as(type + "." + o.getName() + "(" + p.getName() + ")")
                            .isNotBlank().isNotEqualTo(p.getName());
                }
            }
        }
    }

    @Test
    void operationsNameTheirParameters() throws Exception {
        Map<String, List<String>> signatures = new TreeMap<>();
        for (MBeanOperationInfo o : info("Caches").getOperations()) {
            signatures.put(o.getName(), Arrays.stream(o.getSignature()).map(MBeanParameterInfo::getName).toList());
        }
        assertThat(signatures).containsExactly(Map.entry("clear", List.of("cache")), Map.entry("purgeSource", List.of("source")));
    }

    @Test
    void latencyPercentilesAreDoublesSoThatAnIdleWindowCanBeNaN() throws Exception {
        for (String type : List.of("RenderPool", "Requests", "Sources")) {
            List<MBeanAttributeInfo> percentiles = Arrays.stream(info(type).getAttributes())
                    .filter(a -> a.getName().contains("MillisP")).toList();
            assertThat(percentiles).as(type).isNotEmpty();
            for (MBeanAttributeInfo a : percentiles) {
                assertThat(a.getType()).as(type + "." + a.getName()).isEqualTo("double");
                assertThat(a.getDescription()).as(type + "." + a.getName()).contains("NaN when none", "in ms");
            }
        }
    }

    @Test
    void hitsAndMissesSayWhatTheyCount() throws Exception {
        // per request on Requests; per lookup in the Caches composites; JCache's own names stay JCache's
        assertThat(attributeNames("Requests")).contains("RequestsHit", "RequestsMissed", "RequestsCoalesced", "RequestsHitBeforeJaxRs")
                .noneMatch(n -> n.startsWith("Cache"));
        MBeanAttributeInfo renditions = Arrays.stream(info("Caches").getAttributes())
                .filter(a -> a.getName().equals("Renditions")).findFirst().orElseThrow();
        CompositeType counters = (CompositeType) ((OpenMBeanAttributeInfo) renditions).getOpenType();
        assertThat(counters.keySet()).contains("lookupHits", "lookupMisses").doesNotContain("hits", "misses");
    }

    @Test
    void theBuildBeanNamesVersionCommitAndRenderer() throws Exception {
        assertThat(attributeNames("Build")).containsExactlyInAnyOrder("Version", "Commit", "ImageMagick", "RendererVersion");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }

    private List<String> attributeNames(String type) throws Exception {
        return Arrays.stream(info(type).getAttributes()).map(MBeanAttributeInfo::getName).collect(Collectors.toList());
    }
}
