package io.thumbler.cache;

/**
 * An entry in a persistent tier that an earlier build wrote in a form this one no longer reads. It
 * is not a fault: the entry is dropped and its value learned again, without counting a cache failure
 * (after an upgrade every such entry would otherwise log a warning once).
 */
final class OutdatedEntryException extends IllegalArgumentException {

    OutdatedEntryException(String what) {
        super(what + " written by an earlier build");
    }
}
