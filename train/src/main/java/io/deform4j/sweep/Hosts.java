package io.deform4j.sweep;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this machine, as a run's record gives it. */
final class Hosts {

    private Hosts() {
    }

    static String name() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
