/**
 * Thumbler's configuration, read once through MicroProfile Config and validated at startup.
 *
 * <p>Every key is {@code thumbler.<name>} and may be given as a {@code THUMBLER_<NAME>} environment
 * variable (MicroProfile Config's standard mapping), a system property or Payara's config sources.
 * A bad value stops startup with a message that names the key, its environment-variable spelling
 * and what was wrong. Each feature gets a small typed view of the settings it needs.
 */
package io.thumbler.config;
