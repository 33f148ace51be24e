package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FleetMessageTest {

    @Test
    void aPurgeAndAClearSurviveTheTripThroughTheBus() {
        FleetMessage purge = FleetMessage.purge("s3://bucket/photos/a cat.jpg");
        assertThat(purge.encode()).isEqualTo("purge s3://bucket/photos/a cat.jpg");
        assertThat(FleetMessage.decode(purge.encode())).hasValue(purge);
        assertThat(FleetMessage.decode(FleetMessage.clear("renditions").encode())).hasValue(new FleetMessage("clear", "renditions"));
    }

    @Test
    void anythingElseIsNoneOfOurs() {
        assertThat(FleetMessage.decode(null)).isEmpty();
        assertThat(FleetMessage.decode("")).isEmpty();
        assertThat(FleetMessage.decode("purge")).isEmpty();
        assertThat(FleetMessage.decode("purge ")).isEmpty();
        assertThat(FleetMessage.decode(" local:///a.jpg")).isEmpty();
        assertThat(FleetMessage.decode("drop local:///a.jpg")).isEmpty();
    }
}
