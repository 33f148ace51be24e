package io.thumbler.it;

import java.io.File;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR ({@code target/thumbler.war}, exactly what ships) deployed on a real Payara Micro
 * by Arquillian, configured by {@code arquillian.xml}, and a client that speaks signed imgproxy URLs
 * to it. Each subclass is one Payara boot (20–40 s): group tests by the configuration they need,
 * not by topic.
 */
// Registered first so it runs before Arquillian starts the server.
@ExtendWith({PreviousServerGone.class, ArquillianExtension.class})
@RunAsClient
abstract class DeployedThumbler implements ServerUnderTest {

    /**
     * Named {@code ROOT.war}, which Payara Micro deploys at the root context, as every shipped start
     * command does ({@code --contextroot /}): there Payara's {@code /health} and {@code /metrics}
     * share the application's context and pass through its filters.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(
                ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("thumbler.war", "target/thumbler.war"))));
    }

    @ArquillianResource
    URL base;

    protected ThumblerClient client;

    @BeforeEach
    final void connect() {
        client = new ThumblerClient(base);
    }

    @Override
    public ThumblerClient client() {
        return client;
    }
}
