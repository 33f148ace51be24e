package io.thumbler.jmx;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.StandardMBean;

/**
 * A {@link StandardMBean} in MXBean mode that takes descriptions and parameter names from
 * {@link Description} and {@link Name} on the interface. The view is explicit, so a CDI proxy's own
 * class is never introspected.
 */
final class DescribedMXBean<T> extends StandardMBean {

    private final Class<T> view;

    DescribedMXBean(T bean, Class<T> view) {
        super(bean, view, true);
        this.view = view;
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        Description d = view.getAnnotation(Description.class);
        return d != null ? d.value() : super.getDescription(info);
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        for (String prefix : new String[] {"get", "is"}) {
            Method getter = method(prefix + info.getName(), 0);
            if (getter != null && getter.isAnnotationPresent(Description.class)) {
                return getter.getAnnotation(Description.class).value();
            }
        }
        return super.getDescription(info);
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        Method op = method(info.getName(), info.getSignature().length);
        return op != null && op.isAnnotationPresent(Description.class) ? op.getAnnotation(Description.class).value()
                : super.getDescription(info);
    }

    @Override
    protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        Parameter p = parameter(op, sequence);
        return p != null && p.isAnnotationPresent(Name.class) ? p.getAnnotation(Name.class).value()
                : super.getParameterName(op, param, sequence);
    }

    @Override
    protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        Parameter p = parameter(op, sequence);
        return p != null && p.isAnnotationPresent(Description.class) ? p.getAnnotation(Description.class).value()
                : super.getDescription(op, param, sequence);
    }

    private Parameter parameter(MBeanOperationInfo op, int sequence) {
        Method m = method(op.getName(), op.getSignature().length);
        return m == null ? null : m.getParameters()[sequence];
    }

    /** The interface method of that name and arity (Thumbler's MXBeans do not overload). */
    private Method method(String name, int arity) {
        for (Method m : view.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                return m;
            }
        }
        return null;
    }
}
