package io.thumbler.source;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks up every address of a host; a seam so tests can play a rebinding DNS. */
interface HostResolver {

    /** The JDK's resolver (the system's, through the JVM's DNS cache). */
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
