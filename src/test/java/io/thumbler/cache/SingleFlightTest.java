package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.thumbler.error.ThumblerException;

class SingleFlightTest {

    private static final int THREADS = 50;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Starts THREADS loads of one key together; the load blocks until all have asked. */
    private List<Future<SingleFlight.Outcome<String>>> burst(SingleFlight<String> flight, java.util.function.Supplier<String> loader)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SingleFlight.Outcome<String>>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return flight.load("key", Duration.ofSeconds(10), loader);
            }));
        }
        ready.await();
        go.countDown();
        return results;
    }

    @Test
    void concurrentLoadsOfOneKeyRunOnce() throws Exception {
        SingleFlight<String> flight = new SingleFlight<>("rendering");
        AtomicInteger calls = new AtomicInteger();
        List<Future<SingleFlight.Outcome<String>>> results = burst(flight, () -> {
            calls.incrementAndGet();
            sleep(300); // long enough for every thread to arrive while the load runs
            return "bytes";
        });

        int coalesced = 0;
        for (Future<SingleFlight.Outcome<String>> f : results) {
            SingleFlight.Outcome<String> o = f.get(10, TimeUnit.SECONDS);
            assertThat(o.value()).isEqualTo("bytes");
            coalesced += o.coalesced() ? 1 : 0;
        }
        assertThat(calls).hasValue(1);
        assertThat(coalesced).isEqualTo(THREADS - 1);
        assertThat(flight.loads()).isEqualTo(1);
        assertThat(flight.coalesced()).isEqualTo(THREADS - 1);
        assertThat(flight.inFlight()).isZero();
    }

    @Test
    void waitersGetTheSameErrorAndTheFailureIsNotKept() throws Exception {
        SingleFlight<String> flight = new SingleFlight<>("rendering");
        ThumblerException failure = ThumblerException.badOriginal("image 'x' is too large");
        AtomicInteger calls = new AtomicInteger();
        List<Future<SingleFlight.Outcome<String>>> results = burst(flight, () -> {
            calls.incrementAndGet();
            sleep(300);
            throw failure;
        });
        for (Future<SingleFlight.Outcome<String>> f : results) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCause(failure);
        }
        assertThat(calls).hasValue(1);

        assertThat(flight.load("key", Duration.ofSeconds(1), () -> "second try").value()).isEqualTo("second try");
        assertThat(calls).hasValue(1);
        assertThat(flight.loads()).isEqualTo(2);
    }

    @Test
    void aWaiterGivesUpAfterItsDeadlineWith503() throws Exception {
        SingleFlight<String> flight = new SingleFlight<>("rendering");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<SingleFlight.Outcome<String>> slow = pool.submit(() -> flight.load("key", Duration.ofSeconds(10), () -> {
            started.countDown();
            await(release);
            return "late";
        }));
        started.await();

        assertThatThrownBy(() -> flight.load("key", Duration.ofMillis(200), () -> "never"))
                .isInstanceOfSatisfying(ThumblerException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("another request has been rendering this image");
                    assertThat(e.retryAfterSeconds()).isPositive();
                });
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).value()).isEqualTo("late");
    }

    @Test
    void aRequestThatMissedJustBeforeAnotherStoredFindsTheValueOnTheRecheck() {
        SingleFlight<String> flight = new SingleFlight<>("rendering");
        AtomicInteger loads = new AtomicInteger();

        SingleFlight.Outcome<String> o = flight.load("key", Duration.ofSeconds(1), () -> "stored meanwhile", () -> {
            loads.incrementAndGet();
            return "rendered";
        });

        assertThat(o.value()).isEqualTo("stored meanwhile");
        assertThat(o.source()).isEqualTo(SingleFlight.Source.CACHED);
        assertThat(loads).hasValue(0);
        assertThat(flight.loads()).isZero();
    }

    @Test
    void differentKeysDoNotWaitForEachOther() {
        SingleFlight<String> flight = new SingleFlight<>("rendering");
        String outer = flight.load("a", Duration.ofSeconds(1), () -> flight.load("b", Duration.ofSeconds(1), () -> "b").value() + "a").value();
        assertThat(outer).isEqualTo("ba");
        assertThat(flight.coalesced()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
