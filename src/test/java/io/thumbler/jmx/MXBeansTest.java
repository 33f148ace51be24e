package io.thumbler.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

/** What a JMX client sees of an MXBean registered through {@link MXBeans}. */
class MXBeansTest {

    @Description("A counter for this test")
    public interface CounterMXBean {
        @Description("How many times add was called")
        long getCount();

        @Description("Adds to the count")
        long add(@Name("amount") @Description("What to add") long amount, @Name("reason") String why);
    }

    static final class Counter implements CounterMXBean {
        long count;

        @Override
        public long getCount() {
            return count;
        }

        @Override
        public long add(long amount, String why) {
            return count += amount;
        }
    }

    @Test
    void clientsSeeNamesAndDescriptionsFromTheInterface() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = MXBeans.register(server, "Counter", new Counter(), CounterMXBean.class);

        assertThat(name).hasToString("io.thumbler:type=Counter");
        MBeanInfo info = server.getMBeanInfo(name);
        assertThat(info.getDescription()).isEqualTo("A counter for this test");
        assertThat(info.getAttributes()[0].getName()).isEqualTo("Count");
        assertThat(info.getAttributes()[0].getDescription()).isEqualTo("How many times add was called");
        MBeanOperationInfo add = info.getOperations()[0];
        assertThat(add.getDescription()).isEqualTo("Adds to the count");
        assertThat(Arrays.stream(add.getSignature()).map(p -> p.getName())).containsExactly("amount", "reason");
        assertThat(add.getSignature()[0].getDescription()).isEqualTo("What to add");
        assertThat(server.invoke(name, "add", new Object[] {5L, "test"}, new String[] {"long", String.class.getName()})).isEqualTo(5L);
    }

    @Test
    void aSecondRegistrationReplacesTheFirst() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        Counter first = new Counter();
        first.count = 1;
        MXBeans.register(server, "Counter", first, CounterMXBean.class);
        ObjectName name = MXBeans.register(server, "Counter", new Counter(), CounterMXBean.class);
        assertThat(server.getAttribute(name, "Count")).isEqualTo(0L);
    }
}
