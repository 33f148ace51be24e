/**
 * The one exception type every feature throws when a request cannot be answered.
 *
 * <p>Following imgproxy, an error carries its HTTP status and a public message (safe to show a
 * client: it names the bad input) apart from the internal detail that only goes to the log. This
 * package sits at the bottom of the dependency graph: every feature may use it, it uses nothing.
 */
package io.thumbler.error;
