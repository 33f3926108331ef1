package dev.parley.cli.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import dev.parley.ua.EndCause;
import dev.parley.ua.LineConfig;
import dev.parley.ua.PhoneLine;
import dev.parley.ua.PhoneListener;
import dev.parley.ua.RegistrationState;
import dev.parley.ua.RegistrationStatus;
import dev.parley.ua.SoftPhone;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two Parley phones (ua-core) register with digest to the registrar and call each other through
 * the proxy, on real UDP sockets on loopback: the digest client and server agree, and the dialog
 * follows the Record-Route.
 */
class RegistrarWithSoftPhoneTest {

    private static LineConfig line(String user, String password, String hostPort, boolean viaProxy) {
        LineConfig.Builder b = LineConfig.builder(user, "127.0.0.1").password(password).registrar(hostPort);
        return (viaProxy ? b.outboundProxy(hostPort) : b).build();
    }

    @Test
    @Timeout(60)
    void parleyPhones_registerWithDigest_andCallThroughTheProxy() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        RegistrarListener record = new RegistrarListener() {
            @Override
            public void onRegister(SipRequest request, SipResponse response) {
                seen.add("REGISTER " + response.statusCode());
            }

            @Override
            public void onForward(SipRequest forwarded, Endpoint nextHop) {
                seen.add(forwarded.method());
            }
        };
        CompletableFuture<Call> incoming = new CompletableFuture<>();
        try (RegistrarNode proxy = RegistrarNode.start(new InetSocketAddress("127.0.0.1", 0), RegistrarConfig.DEFAULT,
                ProxyLab.USERS, record);
             SoftPhone bob = SoftPhone.builder().sipAddress("127.0.0.1", 0).codecs(Codecs.G722).rtpPorts(42000, 42998)
                     .listener(new PhoneListener() {
                         @Override
                         public void onIncomingCall(Call call) {
                             incoming.complete(call);
                         }
                     }).build();
             SoftPhone alice = SoftPhone.builder().sipAddress("127.0.0.1", 0).codecs(Codecs.G722).rtpPorts(43000, 43998).build()) {
            String at = "127.0.0.1:" + proxy.address().getPort();
            PhoneLine bobLine = bob.addLine(line("bob", "builder", at, true));
            PhoneLine aliceLine = alice.addLine(line("alice", "wonderland", at, true));
            RegistrationStatus bobReg = bobLine.register().toCompletableFuture().get(10, TimeUnit.SECONDS);
            RegistrationStatus aliceReg = aliceLine.register().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(RegistrationState.REGISTERED, bobReg.state(), bobReg.toString());
            assertEquals(RegistrationState.REGISTERED, aliceReg.state(), aliceReg.toString());
            assertEquals(1, proxy.bindings("bob").size());
            assertTrue(seen.contains("REGISTER 401") && seen.contains("REGISTER 200"), seen.toString());

            Call out = aliceLine.newCall("sip:bob@" + at);
            CompletableFuture<Call> answered = out.start().toCompletableFuture();
            Call in = incoming.get(10, TimeUnit.SECONDS);
            in.answer().toCompletableFuture().get(10, TimeUnit.SECONDS);
            answered.get(10, TimeUnit.SECONDS);
            CallEnd end = out.hangUp().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(EndCause.LOCAL_HANGUP, end.cause());
            assertEquals(EndCause.REMOTE_HANGUP, in.ended().toCompletableFuture().get(10, TimeUnit.SECONDS).cause());
            assertTrue(seen.contains("INVITE") && seen.contains("ACK") && seen.contains("BYE"),
                    "INVITE, ACK and BYE all went through the proxy: " + seen);
        }
    }
}
