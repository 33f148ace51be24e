package io.thumbler.http;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** How many requests the application is answering right now; counted by {@link RequestObservationFilter}. */
@ApplicationScoped
public class RequestsInFlight {

    private final AtomicInteger count = new AtomicInteger();

    void enter() {
        count.incrementAndGet();
    }

    void leave() {
        count.decrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
