/**
 * What operators watch and how Thumbler starts and stops.
 *
 * <ul>
 *   <li>Startup: {@link io.thumbler.ops.StartupCheck} validates every setting and refuses to run
 *       with a bad one; {@link io.thumbler.ops.OperationsStartup} publishes the MXBeans
 *       ({@code io.thumbler:type=RenderPool|Sources|Requests}) and the application metrics, and
 *       withdraws them on undeploy; {@link io.thumbler.ops.BuildMonitor} adds {@code type=Build}.
 *       Shutdown draining is RenderSlots' own {@code @PreDestroy}.</li>
 *   <li>Metrics: {@link io.thumbler.ops.ThumblerMetrics} publishes imgproxy's names, latencies as
 *       {@link io.thumbler.ops.SecondsHistogram}s; {@link io.thumbler.ops.MetricsAcceptFilter}
 *       keeps Payara's {@code /metrics} from answering an OpenMetrics scraper with an HTML 406.</li>
 *   <li>Statistics are fed by two CDI events, so that the features they watch do not depend on
 *       this package: {@link io.thumbler.render.RenderOutcome} from the render slots and
 *       {@link io.thumbler.http.RequestCompleted} from the request filter.</li>
 *   <li>Health: liveness ({@link io.thumbler.ops.ApplicationLiveness}); readiness per concern, each
 *       naming why it is DOWN in its {@code reason} data: {@code imagemagick}, {@code temp-dir},
 *       {@code render-pool} (draining).</li>
 * </ul>
 *
 * <p>Readiness hooks for other features: add an {@code @Readiness @ApplicationScoped HealthCheck}
 * in the feature's own package, named after what it checks ({@code cache-heap},
 * {@code cache-disk}, {@code s3}), answering DOWN with a {@code reason} entry that names the cause
 * and the setting to fix. A cache tier that fails degrades to a miss, never to an error, so its check reports
 * the failure as data and stays UP; S3 reachability likewise belongs in a metric rather than a
 * gate (a shared dependency failing every node's readiness takes the whole fleet out), unless the
 * deployment opts in.
 */
package io.thumbler.ops;
