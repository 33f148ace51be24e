package io.thumbler.cache;

import java.security.AccessController;
import java.util.logging.Logger;

import javax.security.auth.Subject;

import jakarta.servlet.http.HttpServletRequest;

import io.thumbler.http.AccessLogFormat;

/**
 * One audit line per purge or clear on the logger {@code io.thumbler.audit}: who asked (REST with
 * the caller's address, JMX with the authenticated JMX user, or another node), what, and how many
 * entries went. Kept apart from the access log so that it can be routed and retained on its own.
 */
final class PurgeAudit {

    static final Logger AUDIT = Logger.getLogger("io.thumbler.audit");

    private PurgeAudit() {
    }

    /** {@code rest client=<address> forwarded=<X-Forwarded-For>} for an admin REST call. */
    static String rest(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        return "rest client=" + request.getRemoteAddr() + (forwarded == null ? "" : " forwarded=" + quoted(forwarded));
    }

    /** {@code jmx user=<name>}: the remote JMX principal, or {@code local} for an in-process caller. */
    @SuppressWarnings("removal") // Subject.current() is Java 18+; this runs on 17
    static String jmx() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = subject == null || subject.getPrincipals().isEmpty() ? "local"
                : subject.getPrincipals().iterator().next().getName();
        return "jmx user=" + quoted(user);
    }

    static final String OTHER_NODE = "other-node";

    static void purged(String by, SourcePurge.Purged p) {
        AUDIT.info(() -> "action=purge by=" + by + " source=" + quoted(p.source()) + " renditions=" + p.renditions()
                + " originals=" + p.originals() + " paths=" + p.paths() + " other_nodes_told=" + p.otherNodesTold());
    }

    static void cleared(String by, String cache, boolean otherNodesTold) {
        AUDIT.info(() -> "action=clear by=" + by + " cache=" + quoted(cache) + " other_nodes_told=" + otherNodesTold);
    }

    static void refused(String by, String what, String why) {
        AUDIT.warning(() -> "action=" + what + " by=" + by + " refused=" + quoted(why));
    }

    private static String quoted(String v) {
        return AccessLogFormat.textValue(v);
    }
}
