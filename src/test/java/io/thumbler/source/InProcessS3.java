package io.thumbler.source;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/** S3Proxy with an in-memory blob store on 127.0.0.1, for tests. */
final class InProcessS3 implements AutoCloseable {

    static final String ACCESS_KEY = "access";
    static final String SECRET_KEY = "secret";

    static {
        // The SDK must never look for credentials or a region on an instance metadata service: off AWS
        // the lookup waits for a timeout on every client built.
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    InProcessS3() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    BlobStore blobs() {
        return context.getBlobStore();
    }

    void put(String bucket, String key, byte[] bytes) {
        blobs().createContainerInLocation(null, bucket);
        blobs().putBlob(bucket, blobs().blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
    }

    /** Settings for this server: static keys, path style, short timeouts, the given buckets. */
    S3Settings settings(String... allowedBuckets) {
        return settings(endpoint(), SECRET_KEY, allowedBuckets);
    }

    static S3Settings settings(URI endpoint, String secret, String... allowedBuckets) {
        return new S3Settings(Set.of(allowedBuckets), Optional.of("us-east-1"), Optional.of(endpoint), true,
                Optional.of(ACCESS_KEY), Optional.of(secret), Duration.ofSeconds(1), Duration.ofSeconds(4), 0, 3,
                Duration.ofSeconds(10));
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
