package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.thumbler.http.ServletFakes;

class PurgeAuditTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        PurgeAudit.AUDIT.addHandler(capture);
    }

    @AfterEach
    void release() {
        PurgeAudit.AUDIT.removeHandler(capture);
    }

    @Test
    void aRestPurgeSaysWhoWhatAndHowMany() {
        String by = PurgeAudit.rest(ServletFakes.request("DELETE", "/admin/cache/source",
                Map.of("X-Forwarded-For", "203.0.113.5, 10.0.0.2"), new HashMap<>()));
        PurgeAudit.purged(by, new SourcePurge.Purged("s3://photos/a cat.jpg", 12, 1, 4, true));

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.INFO);
            assertThat(r.getMessage()).isEqualTo("action=purge by=rest client=127.0.0.1 forwarded=\"203.0.113.5, 10.0.0.2\""
                    + " source=\"s3://photos/a cat.jpg\" renditions=12 originals=1 paths=4 other_nodes_told=true");
        });
    }

    @Test
    void aJmxCallWithoutARemoteUserIsLocalAndARefusalIsAWarning() {
        PurgeAudit.cleared(PurgeAudit.jmx(), "renditions", false);
        PurgeAudit.refused(PurgeAudit.jmx(), "clear", "no cache named 'x\ny'");

        assertThat(records).extracting(LogRecord::getMessage).containsExactly(
                "action=clear by=jmx user=local cache=renditions other_nodes_told=false",
                "action=clear by=jmx user=local refused=\"no cache named 'x\\ny'\"");
        assertThat(records.get(1).getLevel()).isEqualTo(Level.WARNING);
    }
}
