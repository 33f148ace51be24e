package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.fresh;
import static io.thumbler.it.ThumblerClient.plainPath;
import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.thumbler.render.TempDirSweeper;

/**
 * Thumbler on a full Payara Server domain, provisioned by {@code deploy/payara-server/thumbler-domain.sh}
 * from the distribution Maven unpacked into {@code target/payara6}: the domain renders signed URLs
 * without naming the server software, shows Thumbler's MXBeans on its own JMX connector, listens on
 * loopback only, and an undeploy leaves it as it was before (no Thumbler MBeans, threads, open files
 * or work directories) so that redeploys need no restart; last, a deployment group of two instances
 * shares rendered variants. One domain for the whole class: created (two boots: the second applies
 * the JVM options) and deleted once; with the group's two instance boots 3–4 minutes on a quiet
 * 2-core machine, up to 8 under load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerIT {

    private static final String LADYBIRD = "LadyBird.jpg";
    private static final ObjectName THUMBLER_MBEANS = objectName("io.thumbler:*");
    private static final ObjectName RENDER_POOL = objectName("io.thumbler:type=RenderPool");
    /** Names of threads Thumbler starts, directly or through Ehcache and its ImageMagick children. */
    private static final String THUMBLER_THREADS = "(thumbler-|Ehcache |convert-stderr).*";

    private final Path work = Path.of("target", "payara-server-it").toAbsolutePath();
    private PayaraServerDomain domain;
    private ThumblerClient client;
    private Path settings;
    private boolean groupCreated;
    private final List<Long> instancePids = new ArrayList<>();

    @BeforeAll
    void createDomainAndDeploy() throws Exception {
        deleteRecursively(work);
        domain = new PayaraServerDomain(Files.createDirectories(work));
        settings = work.resolve("thumbler.properties");
        Files.writeString(settings, goodSettings(), StandardCharsets.UTF_8);
        domain.settings(settings);
        domain.run("create");
        domain.run("deploy", System.getProperty("thumbler.war", "target/thumbler.war"));
        client = new ThumblerClient(new URL("http://127.0.0.1:" + domain.httpPort() + "/"));
    }

    /**
     * Signing key and salt of {@link ThumblerClient}; a preset with ':' and '=' in its value, which
     * asadmin's property syntax must carry through escaped.
     */
    private static final String ADMIN_TOKEN = "payara-server-it-admin-token";

    private static String goodSettings() {
        HexFormat hex = HexFormat.of();
        return String.join("\n",
                "# PayaraServerIT",
                "thumbler.key=" + hex.formatHex(ThumblerClient.KEY.key()),
                "thumbler.salt=" + hex.formatHex(ThumblerClient.KEY.salt()),
                "thumbler.presets=tiny=rs:fill:48:32/q:70",
                "thumbler.admin-token=" + ADMIN_TOKEN,
                "thumbler.local-filesystem-root=" + Path.of(System.getProperty("thumbler.samples", "samples")).toAbsolutePath(),
                "");
    }

    @AfterAll
    void stopAndDeleteDomain() throws Exception {
        if (domain == null) {
            return;
        }
        try {
            if (groupCreated) {
                PayaraServerDomain.Result group = domain.attempt("group-delete");
                for (long pid : instancePids) { // only if still the instance: a pid may be reused once it exits
                    ProcessHandle.of(pid).filter(h -> h.info().commandLine().orElse("").contains("nodes/localhost-thumbler/thumbler-"))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
                assertThat(group.exitCode()).as(group.output()).isZero();
            }
            if (Files.exists(domain.serverLog())) {
                Files.copy(domain.serverLog(), work.resolve("server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            PayaraServerDomain.Result stop = domain.attempt("stop");
            assertThat(stop.exitCode()).as(stop.output()).isZero();
        } finally {
            PayaraServerDomain.Result delete = domain.attempt("delete");
            assertThat(delete.exitCode()).as(delete.output()).isZero();
        }
    }

    @Test
    @Order(1)
    void rendersASignedUrlAndNamesNoServerSoftware() {
        HttpResponse<byte[]> r = client.getSigned(plainPath(fresh("pr:tiny"), LADYBIRD, "png"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = Images.decode(r.body());
        assertThat(image.getWidth()).as("the preset from the settings file, colons and all").isEqualTo(48);
        assertThat(image.getHeight()).isEqualTo(32);
        assertNoProductName(r);

        HttpResponse<byte[]> unsigned = client.get("/bad-signature/rs:fit:10:10/plain/local:%2F%2F%2F" + LADYBIRD);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertNoProductName(unsigned);
        // Payara's own error page, not Thumbler's: a container path no servlet answers.
        HttpResponse<byte[]> containerError = client.get("/WEB-INF/web.xml");
        assertThat(containerError.statusCode()).isEqualTo(404);
        assertNoProductName(containerError);
    }

    private static void assertNoProductName(HttpResponse<byte[]> r) {
        assertThat(r.headers().allValues("Server")).as("Server header").noneMatch(v -> v.toLowerCase().contains("payara"));
        assertThat(r.headers().allValues("X-Powered-By")).as("X-Powered-By header").isEmpty();
        assertThat(text(r).toLowerCase()).as("body").doesNotContain("payara", "glassfish");
    }

    @Test
    @Order(2)
    void mxBeansAreOnTheDomainsJmxConnectorForTheAdminUserOnly() throws Exception {
        HttpResponse<byte[]> r = client.getSigned(plainPath(fresh("w:40"), LADYBIRD, "jpg"));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);

        try (JMXConnector jmx = domain.jmx()) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertThat(server.queryNames(THUMBLER_MBEANS, null)).contains(RENDER_POOL,
                    objectName("io.thumbler:type=Requests"), objectName("io.thumbler:type=Sources"), objectName("io.thumbler:type=Caches"));
            assertThat((Long) server.getAttribute(RENDER_POOL, "Completed")).isPositive();
        }
        // Payara refuses with an RMI error (its login callback is not serializable), not a SecurityException.
        assertThatThrownBy(() -> JMXConnectorFactory.connect(domain.jmxUrl()).close())
                .as("no credentials").isInstanceOfAny(SecurityException.class, IOException.class);
    }

    @Test
    @Order(3)
    void theDomainListensOnLoopbackOnly() throws Exception {
        List<ListeningSockets.Listener> listeners = ListeningSockets.of(domain.pid());

        assertThat(listeners).as("every socket the domain listens on").allMatch(ListeningSockets.Listener::loopback);
        assertThat(listeners.stream().map(ListeningSockets.Listener::port).distinct().sorted().toList())
                .as("HTTP, admin and JMX only: no HTTPS, IIOP, JMS or Data Grid port")
                .containsExactlyInAnyOrder(domain.httpPort(), domain.adminPort(), domain.jmxPort());
    }

    @Test
    @Order(4)
    void anUndeployLeavesTheServerAsItWasAndARedeployRendersAgain() throws Exception {
        String path = plainPath(fresh("rs:fit:56:56"), LADYBIRD, "jpg");
        assertThat(client.getSigned(path).statusCode()).isEqualTo(200);
        Set<ObjectName> jcacheBeans;
        try (JMXConnector jmx = domain.jmx()) {
            jcacheBeans = jmx.getMBeanServerConnection().queryNames(objectName("javax.cache:*"), null);
        }
        assertThat(openFilesUnder(thumblerFiles())).as("the caches' files are open while deployed").isNotEmpty();

        domain.run("undeploy");

        try (JMXConnector jmx = domain.jmx()) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertThat(server.queryNames(THUMBLER_MBEANS, null)).as("Thumbler's MXBeans").isEmpty();
            assertThat(server.queryNames(objectName("javax.cache:*"), null)).as("JCache statistics of Thumbler's caches")
                    .doesNotContainAnyElementsOf(jcacheBeans);
            assertThat(threadNames(server)).as("threads").noneMatch(name -> name.matches(THUMBLER_THREADS));
        }
        assertThat(openFilesUnder(thumblerFiles())).as("files held open under " + thumblerFiles()).isEmpty();
        assertThat(workDirectories()).as("render work directories").isEmpty();
        assertThat(client.getSigned(path).statusCode()).as("nothing answers at the root once undeployed").isEqualTo(404);

        domain.run("deploy", System.getProperty("thumbler.war", "target/thumbler.war"));

        HttpResponse<byte[]> again = client.getSigned(path);
        assertThat(again.statusCode()).as(text(again)).isEqualTo(200);
        assertThat(StartedServers.cacheStatus(again)).as("the disk tier, closed cleanly and opened again").isEqualTo("hit");
        HttpResponse<byte[]> ready = client.get("/health/ready");
        assertThat(text(ready)).as("readiness after the redeploy").contains("\"status\":\"UP\"", "open: disk tier in");
    }

    @Test
    @Order(5)
    void aRedeployOverTheRunningDeploymentReplacesItsMXBeans() throws Exception {
        domain.run("deploy", System.getProperty("thumbler.war", "target/thumbler.war"));

        try (JMXConnector jmx = domain.jmx()) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertThat((Long) server.getAttribute(RENDER_POOL, "Completed")).as("a fresh deployment's counters").isZero();
            HttpResponse<byte[]> r = client.getSigned(plainPath(fresh("w:44"), LADYBIRD, "webp"));
            assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
            assertThat((Long) server.getAttribute(RENDER_POOL, "Completed")).isEqualTo(1);
            assertThat(threadNames(server).stream().filter(n -> n.equals("thumbler-access-log")))
                    .as("one access-log writer: the old deployment's stopped").hasSize(1);
        }
    }

    @Test
    @Order(6)
    void aBadSettingFailsTheDeploymentNamingTheKeyAndTheDomainStaysUp() throws Exception {
        long pid = domain.pid();
        Files.writeString(settings, goodSettings() + "thumbler.render-concurrency=abc\n", StandardCharsets.UTF_8);
        domain.run("settings");

        PayaraServerDomain.Result deploy = domain.attempt("deploy", System.getProperty("thumbler.war", "target/thumbler.war"));

        assertThat(deploy.exitCode()).as(deploy.output()).isNotZero();
        assertThat(deploy.output()).as("the script's output").contains(
                "Thumbler refuses to start: thumbler.render-concurrency (THUMBLER_RENDER_CONCURRENCY): 'abc' is not a whole number");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the domain's JVM").hasValue(true);
        try (JMXConnector jmx = domain.jmx()) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertThat(server.queryNames(THUMBLER_MBEANS, null)).as("MXBeans of the failed deployment").isEmpty();
            assertThat(threadNames(server)).as("threads of the failed deployment").noneMatch(name -> name.matches(THUMBLER_THREADS));
        }

        Files.writeString(settings, goodSettings(), StandardCharsets.UTF_8);
        domain.run("settings");
        domain.run("deploy", System.getProperty("thumbler.war", "target/thumbler.war"));
        HttpResponse<byte[]> r = client.getSigned(plainPath(fresh("w:36"), LADYBIRD, "jpg"));
        assertThat(r.statusCode()).as("the key left out of the file is gone from the domain: " + text(r)).isEqualTo(200);
    }

    /**
     * A deployment group of two instances of the same domain (each its own JVM, started by the DAS)
     * with {@code thumbler.cluster=true}: a variant rendered on one is a hit on the other, through
     * Payara's Data Grid, and the instances too listen on loopback only.
     */
    @Test
    @Order(7)
    void aDeploymentGroupSharesRenditionsBetweenItsInstances() throws Exception {
        domain.run("undeploy");
        groupCreated = true;
        domain.run("group-create");
        domain.run("group-start");
        for (int i = 1; i <= 2; i++) {
            instancePids.add(domain.instancePid(i));
        }
        domain.run("group-deploy", System.getProperty("thumbler.war", "target/thumbler.war"));
        ThumblerClient one = new ThumblerClient(new URL("http://127.0.0.1:" + domain.instanceHttpPort(1) + "/"));
        ThumblerClient two = new ThumblerClient(new URL("http://127.0.0.1:" + domain.instanceHttpPort(2) + "/"));
        String path = plainPath(fresh("rs:fill:60:40"), LADYBIRD, "jpg");

        HttpResponse<byte[]> first = one.getSigned(path);
        HttpResponse<byte[]> second = two.getSigned(path);

        assertThat(first.statusCode()).as(text(first)).isEqualTo(200);
        assertThat(StartedServers.cacheStatus(first)).isEqualTo("miss");
        assertThat(second.statusCode()).as(text(second)).isEqualTo(200);
        assertThat(StartedServers.cacheStatus(second)).as("instance 2 reads instance 1's render from the Data Grid").isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body());

        // A purge asked of instance 1 reaches instance 2 over the same Data Grid (the clustered CDI
        // event bus): instance 2 drops its copy and renders afresh.
        HttpResponse<byte[]> purged = one.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(one.base()
                + "/admin/cache/source?url=" + java.net.URLEncoder.encode("local:///" + LADYBIRD, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE());
        assertThat(purged.statusCode()).as(text(purged)).isEqualTo(200);
        assertThat(text(purged)).contains("\"otherNodesTold\":true").containsPattern("\"renditions\":[1-9]");
        awaitPurgeFromAnotherNode(two);
        HttpResponse<byte[]> afterPurge = two.getSigned(path);
        assertThat(afterPurge.statusCode()).isEqualTo(200);
        assertThat(StartedServers.cacheStatus(afterPurge)).as("instance 2 after instance 1's purge").isEqualTo("miss");
        // The domain's own server too: no EJB timer database (Thumbler uses no EJB timer) or anything else
        // on another interface once the group runs.
        assertThat(ListeningSockets.of(domain.pid())).as("sockets of the domain's server with the group running")
                .allMatch(ListeningSockets.Listener::loopback);
        for (int i = 1; i <= 2; i++) {
            List<ListeningSockets.Listener> listeners = ListeningSockets.of(domain.instancePid(i));
            assertThat(listeners).as("sockets of instance " + i).allMatch(ListeningSockets.Listener::loopback);
            assertThat(listeners.stream().map(ListeningSockets.Listener::port).distinct().toList())
                    .as("instance " + i + ": admin, HTTP, JMX and Data Grid").containsExactlyInAnyOrderElementsOf(domain.instancePorts(i));
        }
    }

    /** Waits until {@code instance} has applied a purge announced by another node (asynchronous). */
    private static void awaitPurgeFromAnotherNode(ThumblerClient instance) throws InterruptedException {
        String stats = "";
        for (int i = 0; i < 100; i++) {
            HttpResponse<byte[]> r = instance.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(instance.base() + "/admin/cache/stats")).header("Authorization", "Bearer " + ADMIN_TOKEN).GET());
            stats = text(r);
            if (stats.matches("(?s).*\"purgesFromOtherNodes\":[1-9].*")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("instance did not apply the other instance's purge within 20 s: " + stats);
    }

    /** Thumbler's temp and cache directories, which the script puts under the domain. */
    private Path thumblerFiles() {
        return domain.dir().resolve("thumbler");
    }

    private List<Path> workDirectories() throws IOException {
        Path temp = thumblerFiles().resolve("tmp");
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(TempDirSweeper.WORK_DIR_PREFIX)).toList();
        }
    }

    /** Files under {@code root} the domain's JVM has open, from its descriptors in /proc. */
    private List<Path> openFilesUnder(Path root) throws IOException {
        List<Path> open = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(domain.pid()), "fd"))) {
            for (Path fd : fds) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(root)) {
                        open.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // gone while listing
                }
            }
        }
        return open;
    }

    private static List<String> threadNames(MBeanServerConnection server) throws IOException {
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(Objects::nonNull).map(ThreadInfo::getThreadName).toList();
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
