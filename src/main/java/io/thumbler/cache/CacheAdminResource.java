package io.thumbler.cache;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.inject.Inject;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;
import io.thumbler.security.AdminToken;

/**
 * The cache's admin endpoints, for operators and deploy scripts:
 * <ul>
 *   <li>{@code DELETE /admin/cache/source?url=s3://bucket/key}: purge one source's variants, here and
 *   (clustered) on every other node</li>
 *   <li>{@code DELETE /admin/cache/{name}}: empty one cache ({@code renditions}, … or {@code all}) on every node</li>
 *   <li>{@code GET /admin/cache/stats}: the numbers of the {@code io.thumbler:type=Caches} MXBean</li>
 * </ul>
 * Each needs {@code Authorization: Bearer <THUMBLER_ADMIN_TOKEN>}; without a configured token they
 * do not exist (404), so a default deployment exposes nothing.
 */
@Path("/admin/cache")
public class CacheAdminResource {

    @Inject
    CacheLifecycle caches;

    @Inject
    SourcePurge purge;

    @Inject
    CachesMonitor monitor;

    @Context
    HttpServletRequest request;

    @DELETE
    @Path("source")
    public Response purgeSource(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("url") String url) {
        authorize(authorization);
        if (url == null || url.isBlank()) {
            throw ThumblerException.badRequest("query parameter 'url' is required: the source address to purge");
        }
        SourcePurge.Purged p = purge.purge(url, PurgeAudit.rest(request));
        return json(Json.createObjectBuilder().add("source", p.source()).add("renditions", p.renditions())
                .add("originals", p.originals()).add("paths", p.paths()).add("otherNodesTold", p.otherNodesTold()).build());
    }

    @DELETE
    @Path("{name}")
    public Response clear(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("name") String name) {
        authorize(authorization);
        try {
            purge.clear(name, PurgeAudit.rest(request));
        } catch (IllegalArgumentException e) {
            throw ThumblerException.notFound(e.getMessage());
        }
        return json(Json.createObjectBuilder().add("cleared", name).build());
    }

    @GET
    @Path("stats")
    public Response stats(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        return json(Json.createObjectBuilder()
                .add("enabled", monitor.isEnabled())
                .add("rendererVersion", caches.rendererVersion())
                .add("renditions", counters(monitor.getRenditions()))
                .add("originals", counters(monitor.getOriginals()))
                .add("clusterRenditions", counters(monitor.getClusterRenditions()))
                .add("purgesSentToOtherNodes", monitor.getPurgesSentToOtherNodes())
                .add("purgesFromOtherNodes", monitor.getPurgesFromOtherNodes())
                .build());
    }

    private void authorize(String authorization) {
        AdminToken token = new AdminToken(caches.settings().adminToken());
        if (!token.configured()) {
            throw ThumblerException.notFound("not found");
        }
        if (!token.accepts(authorization)) {
            throw new ThumblerException(ErrorKind.UNAUTHORIZED, "the admin endpoints need 'Authorization: Bearer <THUMBLER_ADMIN_TOKEN>'");
        }
    }

    private static JsonObjectBuilder counters(CacheCounters c) {
        return Json.createObjectBuilder().add("lookupHits", c.getLookupHits()).add("lookupMisses", c.getLookupMisses())
                .add("coalesced", c.getCoalesced()).add("loads", c.getLoads()).add("failures", c.getFailures())
                .add("evictions", c.getEvictions()).add("entries", c.getEntries()).add("bytes", c.getBytes());
    }

    private static Response json(JsonObject body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
