package io.valora.bench.cluster;

import io.valora.deploy.Loopback;

/** Free loopback ports, two of which must differ (a broker's client and controller listener). */
final class Ports {

    private Ports() {
    }

    static int free() {
        return Loopback.freePort();
    }

    static int freeExcept(int taken) {
        int port = Loopback.freePort();
        while (port == taken) {
            port = Loopback.freePort();
        }
        return port;
    }
}
