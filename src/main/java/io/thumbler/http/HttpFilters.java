package io.thumbler.http;

import java.util.EnumSet;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import io.thumbler.config.ConfigReader;

/**
 * Registers the servlet filters in a fixed order, which annotations cannot promise: observation
 * first (so the access log and the counts include the origin-secret 403s), then the origin-secret
 * check, then JAX-RS.
 */
@WebListener
public class HttpFilters implements ServletContextListener {

    @Inject
    ConfigReader config;

    @Inject
    RequestsInFlight inFlight;

    @Inject
    Event<RequestCompleted> completed;

    private AccessLogWriter accessLog;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        accessLog = new AccessLogWriter(RequestObservationFilter.ACCESS_LOG::info);
        add(context, "thumbler-observation",
                new RequestObservationFilter(AccessLogFormat.read(config), accessLog::write, inFlight, completed::fire));
        add(context, "thumbler-origin-secret", new OriginSecretFilter(OriginSecrets.read(config)));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (accessLog != null) {
            accessLog.close();
        }
    }

    private static void add(ServletContext context, String name, jakarta.servlet.Filter filter) {
        FilterRegistration.Dynamic registration = context.addFilter(name, filter);
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
}
