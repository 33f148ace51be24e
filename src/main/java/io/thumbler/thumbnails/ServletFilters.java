package io.thumbler.thumbnails;

import java.util.EnumSet;
import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import io.thumbler.cache.RenditionCache;
import io.thumbler.http.AccessLogFormat;
import io.thumbler.http.AccessLogTarget;
import io.thumbler.http.CacheHeaders;
import io.thumbler.http.FilterSequence;
import io.thumbler.http.OriginSecretFilter;
import io.thumbler.http.OriginSecrets;
import io.thumbler.http.RequestCompleted;
import io.thumbler.http.RequestObservationFilter;
import io.thumbler.http.RequestsInFlight;
import io.thumbler.http.SessionIdInPathFilter;
import io.thumbler.render.RenderSlots;

/**
 * Registers the servlet filters in front of JAX-RS in a fixed order, which annotations cannot
 * promise: observation first (so the access log and the counts include the origin-secret 403s and
 * the hits answered before JAX-RS), then the origin-secret check, the refusal of {@code ;jsessionid=}
 * in a path, then {@link CachedVariantFilter}, then {@link MissSheddingFilter}.
 * They are registered as one {@link FilterSequence}, which costs one container filter invocation
 * per request instead of three.
 */
@WebListener
public class ServletFilters implements ServletContextListener {

    @Inject
    AccessLogFormat accessLogFormat;

    @Inject
    AccessLogTarget accessLogTarget;

    @Inject
    OriginSecrets originSecrets;

    @Inject
    RequestsInFlight inFlight;

    @Inject
    Event<RequestCompleted> completed;

    @Inject
    KnownVariants knownVariants;

    @Inject
    RenditionCache renditions;

    @Inject
    CacheHeaders cacheHeaders;

    @Inject
    RenderSlots renderSlots;

    @Inject
    Thumbnailer thumbnailer;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Filter front = new FilterSequence(List.of(
                RequestObservationFilter.withAccessLogWriter(accessLogFormat, accessLogTarget,
                        inFlight, completed::fire),
                new OriginSecretFilter(originSecrets),
                new SessionIdInPathFilter(),
                new CachedVariantFilter(knownVariants, renditions::cached, cacheHeaders),
                new MissSheddingFilter(renderSlots::saturated, renderSlots::refuseIfFull, thumbnailer::certainMiss)));
        FilterRegistration.Dynamic registration = event.getServletContext().addFilter("thumbler", front);
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
}
