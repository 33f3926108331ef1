package dev.parley.ua.internal.net;

import dev.parley.sip.transport.Endpoint;

/** A bound datagram socket as the phone uses it, real (UDP) or in memory. */
public interface DatagramPort extends AutoCloseable {

    /** Receives datagrams; runs on the phone's SIP thread. The array is the receiver's to keep. */
    @FunctionalInterface
    interface Handler {
        void onDatagram(byte[] data, int length, Endpoint from);
    }

    Endpoint local();

    /** Sends one datagram; false if it could not be sent at once. */
    boolean send(byte[] data, int length, Endpoint to);

    @Override
    void close();
}
