package io.thumbler.ops;

import javax.management.ObjectName;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.thumbler.cache.CacheLifecycle;
import io.thumbler.cache.RendererVersion;
import io.thumbler.jmx.MXBeans;
import io.thumbler.render.RenderSettings;

/** The {@code io.thumbler:type=Build} MXBean, registered when the application starts and withdrawn on undeploy. */
@ApplicationScoped
public class BuildMonitor implements BuildMXBean {

    private final BuildInfo build = BuildInfo.current();
    private volatile String imageMagick;
    private ObjectName registered;

    @Inject
    RenderSettings renderSettings;

    @Inject
    CacheLifecycle caches;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registered = MXBeans.register("Build", this, BuildMXBean.class);
    }

    @PreDestroy
    void unregister() {
        MXBeans.unregister(registered);
    }

    @Override
    public String getVersion() {
        return build.version();
    }

    @Override
    public String getCommit() {
        return build.commit();
    }

    @Override
    public String getImageMagick() {
        if (imageMagick == null) {
            // once: it starts a process, and the binary does not change under a running server
            imageMagick = RendererVersion.imageMagickVersion(renderSettings.convertBinary());
        }
        return imageMagick;
    }

    @Override
    public String getRendererVersion() {
        return caches.rendererVersion();
    }
}
