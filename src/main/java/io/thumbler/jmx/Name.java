package io.thumbler.jmx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An MXBean operation parameter's name: Java keeps no parameter names at run time unless compiled
 * with {@code -parameters}, and JMX would show {@code p0}, {@code p1}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Name {
    String value();
}
