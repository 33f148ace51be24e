package io.thumbler.cache;

import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import fish.payara.micro.cdi.Outbound;

/**
 * Tells the other nodes of Payara's Data Grid about a purge or a clear, through Payara's clustered
 * CDI event bus (Payara Micro and Payara Server alike): the event goes out on a Hazelcast topic and
 * every other member fires it to the observers of {@link PurgesFromOtherNodes}. Delivery is
 * asynchronous and not acknowledged: a node that is not in the grid at that moment (restarting,
 * partitioned) does not get it. Without a grid (single node, {@code --nohazelcast}) Payara drops the
 * event without an error.
 *
 * <p>Only with {@code THUMBLER_CLUSTER=true}: the nodes of a fleet are the members of one grid.
 */
@ApplicationScoped
public class OtherNodes {

    /** The bus's event name: other applications' events on the same grid never reach Thumbler's observer. */
    static final String EVENT_NAME = "io.thumbler.cache";

    private static final Logger LOG = Logger.getLogger(OtherNodes.class.getName());

    @Inject
    OpenCaches caches;

    @Inject
    @Outbound(eventName = EVENT_NAME)
    Event<String> outbound;

    private final LongAdder announced = new LongAdder();

    /**
     * @return whether the message went to the grid (clustered, and the cluster tier is open, which
     *         says the grid is there); false when this node is alone or the bus refused it
     */
    public boolean announce(FleetMessage message) {
        if (!caches.settings().clustered() || caches.stores().map(s -> s.renditions().shared()).isEmpty()) {
            return false;
        }
        try {
            outbound.fire(message.encode());
            announced.increment();
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not tell the other nodes: " + message.encode()
                    + "; the other nodes keep their copies until it is repeated on each of them", e);
            return false;
        }
    }

    /** Purges and clears sent to the grid since start. */
    public long announced() {
        return announced.sum();
    }
}
