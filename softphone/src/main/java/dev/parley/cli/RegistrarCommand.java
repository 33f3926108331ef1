package dev.parley.cli;

import dev.parley.cli.registrar.RegistrarConfig;
import dev.parley.cli.registrar.RegistrarListener;
import dev.parley.cli.registrar.RegistrarNode;
import dev.parley.cli.registrar.UsersFile;
import dev.parley.cli.registrar.UsersFileException;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.IpLiteral;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;

/**
 * {@code parley registrar --bind ADDR:PORT --users FILE}: a registrar (RFC 3261 §10.3, digest
 * authentication) and stateful proxy (§16) for local testing and the demo. Runs until interrupted
 * or for {@code --duration} seconds.
 */
final class RegistrarCommand implements Subcommand {

    /** A users file larger than this is refused (it is read whole). */
    static final long MAX_USERS_FILE_BYTES = 1 << 20;

    private final ArgParser parser = new ArgParser("registrar", List.of(
            OptionSpec.value("bind", "ADDR:PORT", "address to listen on, UDP and TCP (default 127.0.0.1:5060; [::1]:5060 for IPv6)"),
            OptionSpec.value("tls-port", "PORT", "also listen for TLS on this port of the --bind address (default 5061 when"
                    + " --tls-keystore is given; 0 picks a free port)"),
            OptionSpec.value("tls-keystore", "FILE", "PKCS#12 file with the registrar's TLS certificate and key; turns TLS on"),
            OptionSpec.value("tls-password", "SECRET", "password of --tls-keystore (default: the "
                    + TlsOptions.PASSWORD_VARIABLE + " environment variable)"),
            OptionSpec.value("tls-ca", "FILE", "PEM certificates trusted when the proxy connects to phones over TLS"
                    + " (default: the JDK's trust store)"),
            OptionSpec.value("users", "FILE", "the users and passwords, one user:password per line"),
            OptionSpec.value("realm", "NAME", "digest realm of the challenges (default parley)"),
            OptionSpec.value("min-expires", "SECONDS", "shortest registration accepted, shorter gets 423 (default 60)"),
            OptionSpec.value("max-expires", "SECONDS", "longest registration granted (default 3600)"),
            OptionSpec.flag("auth-invites", "challenge initial INVITEs with 407 (Proxy-Authorization)"),
            OptionSpec.value("duration", "SECONDS", "stop after this many seconds (default: run until interrupted)"),
            OptionSpec.flag("verbose", "print one line per REGISTER and per forwarded or refused request")));

    private final BiConsumer<RegistrarNode, Runnable> onListening;

    RegistrarCommand() {
        this((address, stop) -> { });
    }

    /** @param onListening given the running node and a way to stop it, once serving (for tests) */
    RegistrarCommand(BiConsumer<RegistrarNode, Runnable> onListening) {
        this.onListening = onListening;
    }

    @Override
    public String name() {
        return "registrar";
    }

    @Override
    public String summary() {
        return "run a registrar and proxy with digest authentication, for local testing";
    }

    @Override
    public String help() {
        return parser.help("--users FILE [--bind ADDR:PORT] [--tls-keystore FILE [--tls-port PORT]] [options]", """
                A small registrar (RFC 3261 §10.3) and stateful proxy (§16) for one domain.

                Users file: one 'user:password' per line; everything after the first colon is
                the password. Lines starting with '#' and blank lines are ignored. A bad line is
                a usage error naming its number. Example:
                    # parley users
                    alice:wonderland
                    bob:builder

                REGISTER is challenged with 401 (qop=auth, SHA-256 and MD5 offered, fresh nonce;
                an expired or replayed nonce gets stale=true). A wrong user name or password gets
                403. A user may only register its own address-of-record (the user part of To;
                any domain). Bindings live in memory and lapse at their expiry; 'Contact: *'
                with 'Expires: 0' removes them all.

                Requests for a registered user go to the first contact bound to it (no forking);
                unknown users get 404, known but unregistered users 480. INVITE, SUBSCRIBE and
                REFER are record-routed (sip:ADDR:PORT;lr), so in-dialog requests (ACK, BYE,
                re-INVITE, REFER, NOTIFY, INFO) come back through the proxy and follow their
                Route. Max-Forwards is decremented (483 at zero); CANCEL is passed on. Next hops
                must be IP addresses, as the proxy never asks DNS; a contact registered with a
                host name is reached at the address its REGISTER came from.

                TLS (RFC 3261 §26): with --tls-keystore the registrar also listens for TLS on
                --tls-port. Requests that leave over TLS carry a TLS Via with that port, and are
                record-routed with sip:ADDR:TLSPORT;transport=tls;lr (sips:ADDR:TLSPORT;lr for a
                sips: request); a request that comes in over TLS and leaves over UDP or TCP, or the
                reverse, is record-routed twice, once per side (RFC 5658). Phones registered over
                TLS are reached at their Contact over TLS, so they need a certificate of their own
                (parley --tls-keystore) that --tls-ca trusts. Certificates must name the address
                used (a SAN): make a self-signed one for 127.0.0.1 with
                    keytool -genkeypair -alias parley -keyalg EC -groupname secp256r1 \
                      -dname CN=127.0.0.1 -ext SAN=ip:127.0.0.1 -validity 365 \
                      -storetype PKCS12 -keystore parley.p12 -storepass changeit
                    keytool -exportcert -rfc -alias parley -keystore parley.p12 \
                      -storepass changeit -file parley.pem
                The password is --tls-password, else PARLEY_TLS_PASSWORD (the option wins).""");
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ParsedArgs parsed = parser.parse(args);
        if (!parsed.positional().isEmpty()) {
            throw new UsageException("parley registrar: unexpected argument '" + parsed.positional().get(0)
                    + "'; options are written --name value");
        }
        InetSocketAddress bind = bindAddress(parsed.value("bind").orElse("127.0.0.1:5060"));
        Path usersPath = Path.of(parsed.require("users"));
        int minExpires = parsed.intValue("min-expires", 60, 1, 86_400);
        int maxExpires = parsed.intValue("max-expires", Math.max(3600, minExpires), minExpires, 7 * 86_400);
        int duration = parsed.intValue("duration", 0, 1, Integer.MAX_VALUE);
        if (parsed.value("tls-keystore").isEmpty() && (TlsOptions.given(parsed) || parsed.value("tls-port").isPresent())) {
            throw new UsageException("parley registrar: --tls-port, --tls-ca and --tls-password need --tls-keystore FILE"
                    + " (the registrar's certificate)");
        }
        int tlsPort = parsed.intValue("tls-port", 5061, 0, 65_535);
        // Read before any socket opens: a bad file is a usage error, not a half-started server.
        SSLContext tls = TlsOptions.context(parsed, System::getenv).orElse(null);
        RegistrarConfig config;
        try {
            config = RegistrarConfig.DEFAULT.withRealm(parsed.value("realm").orElse("parley"))
                    .withExpiries(minExpires, maxExpires, Math.max(minExpires, Math.min(3600, maxExpires)))
                    .withAuthenticateInvites(parsed.has("auth-invites"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("parley registrar: " + e.getMessage());
        }
        UsersFile users;
        try {
            users = readUsers(usersPath);
        } catch (IOException e) {
            err.println("parley registrar: cannot read the users file " + usersPath + ": " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
        RegistrarNode node;
        try {
            node = RegistrarNode.start(bind, tls, tlsPort, config, users,
                    parsed.has("verbose") ? new VerboseLines(out) : new RegistrarListener() { });
        } catch (UncheckedIOException e) {
            err.println("parley registrar: cannot listen on " + hostPort(bind) + (tls == null ? "" : " and TLS port " + tlsPort)
                    + ": " + e.getCause().getMessage() + "; is another server using the port? pick another with --bind"
                    + (tls == null ? "" : " or --tls-port"));
            return ExitCode.IO_ERROR;
        }
        try (node) {
            InetSocketAddress at = node.address();
            out.println("parley registrar: listening on udp+tcp " + hostPort(at)
                    + (node.tlsAddress() == null ? "" : " and tls " + hostPort(node.tlsAddress()))
                    + ", realm " + config.realm() + ", " + users.size() + " user" + (users.size() == 1 ? "" : "s"));
            CountDownLatch stop = new CountDownLatch(1);
            onListening.accept(node, stop::countDown);
            if (duration > 0) {
                stop.await(duration, TimeUnit.SECONDS);
            } else {
                stop.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("parley registrar: stopped");
        return ExitCode.SUCCESS;
    }

    private static UsersFile readUsers(Path path) throws IOException, UsageException {
        if (Files.size(path) > MAX_USERS_FILE_BYTES) {
            throw new UsageException("parley registrar: " + path + " is larger than " + MAX_USERS_FILE_BYTES + " bytes");
        }
        UsersFile users;
        try {
            users = UsersFile.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (UsersFileException e) {
            throw new UsageException("parley registrar: " + path + " " + e.getMessage()
                    + "; write one user:password per line ('#' starts a comment)");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UsageException("parley registrar: " + path + " is not UTF-8 text");
        }
        if (users.size() == 0) {
            throw new UsageException("parley registrar: " + path + " has no users; add lines like alice:secret");
        }
        return users;
    }

    /** {@code 127.0.0.1:5060} or {@code [::1]:5060}: an IP literal (no DNS) and a port. */
    static InetSocketAddress bindAddress(String text) throws UsageException {
        int colon = text.lastIndexOf(':');
        UsageException bad = new UsageException("parley registrar: --bind takes ADDR:PORT with an IP address, e.g. "
                + "127.0.0.1:5060 or [::1]:5060, not '" + text + "'");
        if (colon < 1) {
            throw bad;
        }
        String host = text.substring(0, colon);
        if (host.indexOf(':') >= 0 && !(host.startsWith("[") && host.endsWith("]"))) {
            throw bad;
        }
        InetAddress address = IpLiteral.parse(host);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw bad;
        }
        if (address == null || port < 0 || port > 65535) {
            throw bad;
        }
        if (address.isAnyLocalAddress()) {
            throw new UsageException("parley registrar: --bind needs a concrete address (it goes in Via and Record-Route), "
                    + "not " + host + "; e.g. 127.0.0.1:5060 or this machine's LAN address");
        }
        return new InetSocketAddress(address, port);
    }

    private static String hostPort(InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + a.getPort();
    }

    /** {@code --verbose}: one line per REGISTER answered and per request forwarded or refused. */
    private static final class VerboseLines implements RegistrarListener {
        private final PrintStream out;

        VerboseLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onRegister(SipRequest request, SipResponse response) {
            int bindings = response.isSuccess() ? response.headerValues("Contact").size() : 0;
            out.println("REGISTER " + request.to().uri() + " -> " + response.statusCode() + " " + response.reasonPhrase()
                    + (response.isSuccess() ? " (" + bindings + " binding" + (bindings == 1 ? ")" : "s)") : ""));
        }

        @Override
        public void onForward(SipRequest forwarded, Endpoint nextHop) {
            out.println(forwarded.method() + " " + forwarded.requestUriText() + " -> forwarded to " + nextHop);
        }

        @Override
        public void onReject(SipRequest request, SipResponse response) {
            out.println(request.method() + " " + request.requestUriText() + " -> " + response.statusCode() + " "
                    + response.reasonPhrase());
        }
    }
}
