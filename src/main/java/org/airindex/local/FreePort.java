package org.airindex.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port that was free a moment ago, for local servers that must not collide with fixed defaults. */
public final class FreePort {

    private FreePort() {
    }

    /**
     * Binding port 0 lets the kernel pick; the socket is closed again before the server binds, so another
     * process could in theory grab the port in between. Callers surface that as a start failure with the log.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
