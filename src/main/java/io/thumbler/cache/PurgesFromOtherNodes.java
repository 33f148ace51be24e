package io.thumbler.cache;

import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import fish.payara.micro.cdi.Inbound;

/**
 * Applies on this node a purge or a clear that another node of the Data Grid announced ({@link
 * OtherNodes}): the same removal from this node's tiers, source index and known URLs, without
 * announcing it again. Payara calls this on a managed thread of the application after the event
 * arrived.
 */
@ApplicationScoped
public class PurgesFromOtherNodes {

    private static final Logger LOG = Logger.getLogger(PurgesFromOtherNodes.class.getName());

    @Inject
    SourcePurge purge;

    private final LongAdder received = new LongAdder();

    void received(@Observes @Inbound(eventName = OtherNodes.EVENT_NAME) String text) {
        FleetMessage.decode(text).ifPresentOrElse(message -> {
            try {
                if (message.kind().equals(FleetMessage.PURGE)) {
                    PurgeAudit.purged(PurgeAudit.OTHER_NODE, purge.purgeHere(message.target()));
                } else {
                    purge.clearHere(message.target());
                    PurgeAudit.cleared(PurgeAudit.OTHER_NODE, message.target(), false);
                }
                received.increment();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not apply another node's " + text, e);
            }
        }, () -> LOG.warning(() -> "ignored a cache message of an unknown form: " + text));
    }

    /** Purges and clears applied on another node's word since start. */
    public long received() {
        return received.sum();
    }
}
