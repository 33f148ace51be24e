package io.thumbler.http;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;

/**
 * Puts the real reason phrase into the status line of the statuses Payara's HTTP engine does not
 * know. Grizzly names only the statuses of RFC 2616 and writes {@code 422 CUSTOM} for the rest, and
 * Servlet 6 no longer has a way to pass a phrase ({@code setStatus(int, String)} is gone). Grizzly's
 * own response still takes one, so this reaches it through Payara's response objects (the facade's
 * {@code response} field, then {@code getCoyoteResponse()}), found once by reflection. On a container
 * without those objects nothing changes: the status code is right either way, only the phrase is not.
 */
final class ReasonPhrases {

    private static final Logger LOG = Logger.getLogger(ReasonPhrases.class.getName());

    /** The statuses Thumbler sends that Grizzly has no phrase for (RFC 9110 names). */
    static final Map<Integer, String> MISSING = Map.of(
            422, "Unprocessable Content",
            429, "Too Many Requests");

    private static volatile Access access;

    private ReasonPhrases() {
    }

    /** Sets the phrase for {@code status} if Grizzly lacks it; {@code response} may be wrapped. */
    static void apply(ServletResponse response, int status) {
        String phrase = MISSING.get(status);
        if (phrase == null) {
            return;
        }
        ServletResponse inner = response;
        while (inner instanceof ServletResponseWrapper wrapper) {
            inner = wrapper.getResponse();
        }
        Access a = access;
        if (a == null || a.facade != inner.getClass()) {
            a = Access.of(inner.getClass());
            access = a;
        }
        a.set(inner, status, phrase);
    }

    /** The reflective path for one facade class; {@link #set} does nothing when it was not found. */
    private static final class Access {
        final Class<?> facade;
        final Field response;
        final Method coyote;
        final Method setStatus;

        private Access(Class<?> facade, Field response, Method coyote, Method setStatus) {
            this.facade = facade;
            this.response = response;
            this.coyote = coyote;
            this.setStatus = setStatus;
        }

        static Access of(Class<?> facade) {
            try {
                Field response = field(facade, "response");
                response.setAccessible(true);
                Method coyote = response.getType().getMethod("getCoyoteResponse");
                Method setStatus = coyote.getReturnType().getMethod("setStatus", int.class, String.class);
                return new Access(facade, response, coyote, setStatus);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, "no reason phrases on {0}: {1}", new Object[] {facade.getName(), e.toString()});
                return new Access(facade, null, null, null);
            }
        }

        private static Field field(Class<?> type, String name) throws NoSuchFieldException {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                try {
                    return c.getDeclaredField(name);
                } catch (NoSuchFieldException next) {
                    // look further up
                }
            }
            throw new NoSuchFieldException(type.getName() + "." + name);
        }

        void set(ServletResponse inner, int status, String phrase) {
            if (setStatus == null) {
                return;
            }
            try {
                Object connector = response.get(inner);
                Object grizzly = connector == null ? null : coyote.invoke(connector);
                if (grizzly != null) {
                    setStatus.invoke(grizzly, status, phrase);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, "reason phrase not set: {0}", e.toString());
            }
        }
    }
}
