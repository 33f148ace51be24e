/**
 * Publishing Thumbler's MXBeans: {@link MXBeans#register} registers a bean under its MXBean
 * interface with the descriptions and parameter names written on that interface
 * ({@link Description}, {@link Name}), so JConsole and other JMX clients show "source" instead of
 * {@code p0} and a sentence instead of the attribute's name repeated. A leaf package: it depends on
 * nothing else in Thumbler.
 */
package io.thumbler.jmx;
