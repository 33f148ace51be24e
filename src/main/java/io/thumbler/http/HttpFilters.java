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

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        add(context, "thumbler-observation", new RequestObservationFilter(AccessLogFormat.read(config), inFlight, completed::fire));
        add(context, "thumbler-origin-secret", new OriginSecretFilter(OriginSecrets.read(config)));
    }

    private static void add(ServletContext context, String name, jakarta.servlet.Filter filter) {
        FilterRegistration.Dynamic registration = context.addFilter(name, filter);
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }
}
