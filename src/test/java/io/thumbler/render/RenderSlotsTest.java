package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.config.ConfigReader;
import io.thumbler.error.ThumblerException;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.image.SourceLimits;
import io.thumbler.transform.Transform;

/**
 * The render slots with a stand-in {@code convert} that sleeps before doing the real work (or
 * instead of it), so a render is reliably in flight: admission, renders that take every slot, and
 * shutdown draining.
 */
class RenderSlotsTest {

    @TempDir
    Path temp;

    private final List<RenderOutcome> outcomes = new CopyOnWriteArrayList<>();

    @Test
    void waitsForAnAdmittedRenderThatFinishesInTime() throws Exception {
        RenderSlots slots = slots(script("sleep 1; exec /usr/bin/convert \"$@\""), 10);
        CompletableFuture<Object> render = renderAsync(slots);
        ConvertProcessStopTest.awaitRunning(1);

        long t0 = System.nanoTime();
        slots.drain();
        long drainMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(render.get(1, TimeUnit.SECONDS)).isInstanceOf(Rendition.class);
        assertThat(drainMillis).isBetween(300L, 5_000L);
        assertThat(outcomes).extracting(RenderOutcome::kind).containsExactly(RenderOutcome.Kind.COMPLETED);
        assertThat(renderDirs()).isEmpty();
    }

    @Test
    void endsARenderThatOverrunsTheShutdownTimeout() throws Exception {
        RenderSlots slots = slots(script("exec sleep 60"), 1);
        CompletableFuture<Object> render = renderAsync(slots);
        ConvertProcessStopTest.awaitRunning(1);

        long t0 = System.nanoTime();
        slots.drain();

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(8));
        Object failure = render.get(1, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(ThumblerException.class);
        assertThat(((ThumblerException) failure).status()).isEqualTo(503);
        assertThat(ConvertProcess.running()).isZero();
        assertThat(renderDirs()).isEmpty();
    }

    @Test
    void refusesNewRendersOnceDraining() {
        RenderSlots slots = slots(script("exit 0"), 0);
        slots.drain();

        assertThat(slots.draining()).isTrue();
        assertThatThrownBy(() -> slots.render(RenderSlotsTest::job)).isInstanceOf(RenderOverloadedException.class)
                .hasMessage("the server is shutting down");
        assertThat(outcomes).extracting(RenderOutcome::kind).containsExactly(RenderOutcome.Kind.REJECTED);
    }

    @Test
    void leftoverRenderDirsAreRemoved() throws IOException {
        Path renders = temp.resolve("renders");
        Files.createDirectories(renders.resolve(TempDirSweeper.WORK_DIR_PREFIX + "123"));
        Files.writeString(renders.resolve(TempDirSweeper.WORK_DIR_PREFIX + "123/in"), "x");
        Files.writeString(renders.resolve("unrelated"), "kept");
        RenderSlots slots = slots(script("exit 0"), 0);
        slots.drain();

        assertThat(renderDirs()).isEmpty();
        assertThat(renders.resolve("unrelated")).exists();
    }

    @Test
    void renderersShareTheSlotsButAWholePictureDecodeRendersAlone() throws Exception {
        RenderSlots slots = slots(script("sleep 1; exec /usr/bin/convert \"$@\""), 10, 2);

        CompletableFuture<Object> light1 = renderAsync(slots, 1);
        CompletableFuture<Object> light2 = renderAsync(slots, 1);
        ConvertProcessStopTest.awaitRunning(2);
        assertThat(light1.get(10, TimeUnit.SECONDS)).isInstanceOf(Rendition.class);
        assertThat(light2.get(10, TimeUnit.SECONDS)).isInstanceOf(Rendition.class);

        CompletableFuture<Object> heavy = renderAsync(slots, 2);
        ConvertProcessStopTest.awaitRunning(1);
        CompletableFuture<Object> light = renderAsync(slots, 1);
        Thread.sleep(400);
        assertThat(ConvertProcess.running()).as("the light render waits while the heavy one holds every slot").isEqualTo(1);
        assertThat(slots.queued()).isEqualTo(1);
        assertThat(heavy.get(10, TimeUnit.SECONDS)).isInstanceOf(Rendition.class);
        assertThat(light.get(10, TimeUnit.SECONDS)).isInstanceOf(Rendition.class);
        assertThat(ConvertProcess.running()).isZero();
    }

    @Test
    void onlyALargeHeicOrAvifTakesEverySlot() {
        RenderSettings s = new RenderSettings(Path.of("/usr/bin"), 2, 4, Duration.ofSeconds(5), 12, Duration.ofSeconds(60),
                temp, 80, Map.of(), RenderSettings.POLICY_FRAME_LIMIT, false, Optional.empty(), SourceLimits.defaults());
        assertThat(s.slotsFor(new ImageHeader(ImageFormat.HEIC, 6000, 4000, 1, 1, false, "RGB"))).isEqualTo(2);
        assertThat(s.slotsFor(new ImageHeader(ImageFormat.AVIF, 4000, 3001, 1, 1, false, "RGB"))).as("just above 12 MP").isEqualTo(2);
        assertThat(s.slotsFor(new ImageHeader(ImageFormat.HEIC, 4000, 3000, 1, 1, false, "RGB"))).as("12 MP").isEqualTo(1);
        assertThat(s.slotsFor(new ImageHeader(ImageFormat.JPEG, 8000, 6000, 1, 1, false, "RGB"))).as("decodes shrunk").isEqualTo(1);
        assertThat(s.slotsFor(new ImageHeader(ImageFormat.PNG, 8000, 6000, 1, 1, false, "RGB"))).as("within ImageMagick's limit").isEqualTo(1);
    }

    private CompletableFuture<Object> renderAsync(RenderSlots slots) {
        return renderAsync(slots, 1);
    }

    private CompletableFuture<Object> renderAsync(RenderSlots slots, int slotsNeeded) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return slots.render(RenderSlotsTest::job, slotsNeeded);
            } catch (RuntimeException e) {
                return e;
            }
        });
    }

    private List<Path> renderDirs() throws IOException {
        try (Stream<Path> s = Files.list(temp.resolve("renders"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(TempDirSweeper.WORK_DIR_PREFIX)).toList();
        }
    }

    private Path script(String body) {
        try {
            Path bin = Files.createDirectories(temp.resolve("bin"));
            Path convert = bin.resolve("convert");
            Files.writeString(convert, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(convert, PosixFilePermissions.fromString("rwx------"));
            return convert;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusesAtOnceWhenEverySlotAndQueuePlaceIsTakenOrWhileDraining() throws Exception {
        RenderSlots slots = slots(script("sleep 3; exec /usr/bin/convert \"$@\""), 10);
        slots.refuseIfFull(); // empty: admitted
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(5);
        List<java.util.concurrent.Future<?>> renders = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) { // one slot and four queue places
            renders.add(threads.submit(() -> {
                try {
                    return slots.render(RenderSlotsTest::job);
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        ConvertProcessStopTest.awaitRunning(1);
        long until = System.nanoTime() + 5_000_000_000L;
        while (slots.queued() < 4 && System.nanoTime() < until) {
            Thread.sleep(10);
        }

        long t0 = System.nanoTime();
        assertThatThrownBy(slots::refuseIfFull).isInstanceOf(RenderOverloadedException.class).hasMessageContaining("queue places are taken");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to refuse").isLessThan(100);

        slots.drain();
        assertThatThrownBy(slots::refuseIfFull).isInstanceOf(RenderOverloadedException.class).hasMessageContaining("shutting down");
        for (java.util.concurrent.Future<?> r : renders) {
            r.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();
    }

    @Test
    void aQueuedRequestPreparesItsJobOnlyOnceItHasASlot() throws Exception {
        RenderSlots slots = slots(script("sleep 2; exec /usr/bin/convert \"$@\""), 10);
        CompletableFuture<Object> first = renderAsync(slots);
        ConvertProcessStopTest.awaitRunning(1);
        java.util.concurrent.atomic.AtomicLong preparedAt = new java.util.concurrent.atomic.AtomicLong();
        CompletableFuture<Rendition> second = CompletableFuture.supplyAsync(() -> slots.render(() -> {
            preparedAt.set(System.nanoTime());
            return job();
        }));
        long until = System.nanoTime() + 5_000_000_000L;
        while (slots.queued() < 1 && System.nanoTime() < until) {
            Thread.sleep(10);
        }

        assertThat(slots.queued()).as("the second request waits for the only slot").isEqualTo(1);
        assertThat(preparedAt.get()).as("nothing prepared (no original held) while it waits").isZero();
        assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(Rendition.class);
        assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(Rendition.class);
        assertThat(preparedAt.get()).isPositive();
    }

    private RenderSlots slots(Path convert, int shutdownSeconds) {
        return slots(convert, shutdownSeconds, 1);
    }

    private RenderSlots slots(Path convert, int shutdownSeconds, int concurrency) {
        Path renders = temp.resolve("renders");
        RenderSettings renderSettings = new RenderSettings(convert.getParent(), concurrency, 4, Duration.ofSeconds(5), 12, Duration.ofSeconds(60), renders, 80,
                Map.of(), RenderSettings.POLICY_FRAME_LIMIT, false, Optional.empty(), SourceLimits.defaults());
        Renderer renderer = new Renderer(new ConvertProcess(convert, Map.of(), renderSettings.renderTimeout()), renderSettings);
        RenderSlots slots = new RenderSlots();
        slots.imageMagick = new ImageMagickSetup() {
            @Override
            public RenderSettings settings() {
                return renderSettings;
            }

            @Override
            public Renderer renderer() {
                return renderer;
            }
        };
        slots.config = new ConfigReader(key -> key.equals("thumbler.shutdown-timeout") ? Optional.of(Integer.toString(shutdownSeconds)) : Optional.empty());
        slots.outcomes = new RecordingEvent(outcomes);
        slots.start();
        return slots;
    }

    private static RenderJob job() {
        try (InputStream in = RenderSlotsTest.class.getResourceAsStream("/io/thumbler/render/canary.jpg")) {
            byte[] canary = in.readAllBytes();
            return new RenderJob(canary, HeaderSniffer.sniff(canary), Transform.builder().width(8).height(8).build(), ImageFormat.JPEG, 80);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects fired events; the render slots use nothing else of {@link Event}. */
    private record RecordingEvent(List<RenderOutcome> fired) implements Event<RenderOutcome> {
        @Override
        public void fire(RenderOutcome event) {
            fired.add(event);
        }

        @Override
        public <U extends RenderOutcome> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RenderOutcome> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<RenderOutcome> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RenderOutcome> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends RenderOutcome> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
