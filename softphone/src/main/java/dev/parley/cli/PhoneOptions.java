package dev.parley.cli;

import dev.parley.codecs.AudioCodec;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.LineConfig;
import dev.parley.ua.PhoneListener;
import dev.parley.ua.SoftPhone;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options {@code register}, {@code call} and {@code listen} share (the account, the socket,
 * the codecs, the output) and how they turn into a {@link SoftPhone} and a {@link LineConfig}.
 */
final class PhoneOptions {

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.value("user", "NAME", "the account's user (sip:NAME@DOMAIN)"),
            OptionSpec.value("auth-user", "NAME", "the digest user name, if not --user"),
            OptionSpec.value("password", "SECRET", "the digest password"),
            OptionSpec.value("domain", "DOMAIN", "the account's domain (default: 127.0.0.1)"),
            OptionSpec.value("registrar", "HOST:PORT", "register there (no registration without it)"),
            OptionSpec.value("proxy", "HOST:PORT", "send every request through this outbound proxy"),
            OptionSpec.value("bind", "ADDR:PORT", "local SIP address (default 127.0.0.1:0, any free port)"),
            OptionSpec.value("transport", "udp|tcp|tls", "SIP transport of the line (default udp)"),
            TlsOptions.CA, TlsOptions.KEYSTORE, TlsOptions.PASSWORD,
            OptionSpec.flag("sips", "sips: address of record and Contact, TLS on every hop (RFC 3261 §26.2.2; needs --transport tls)"),
            OptionSpec.value("codecs", "LIST", "codec preference, e.g. g722,pcmu,pcma (the default)"),
            OptionSpec.value("rtp-ports", "MIN-MAX", "RTP port range (default 20000-29998)"),
            OptionSpec.value("max-calls", "N", "simultaneous calls before 486 Busy Here (default 32)"),
            OptionSpec.value("events", "json", "print one JSON object per event on standard output"),
            OptionSpec.flag("trace", "print a ladder diagram of every SIP message sent and received"));

    private PhoneOptions() {
    }

    static List<OptionSpec> with(OptionSpec... extra) {
        List<OptionSpec> all = new ArrayList<>(SPECS);
        all.addAll(List.of(extra));
        return all;
    }

    /** The phone, with the JSON printer (if asked) and {@code listener} both listening. */
    static SoftPhone phone(ParsedArgs args, PhoneListener listener, PrintStream out, PrintStream err) throws UsageException {
        SoftPhone.Builder b = SoftPhone.builder().userAgent("Parley/0.1 (parley command)");
        String bind = args.value("bind").orElse("127.0.0.1:0");
        HostPort hp = HostPort.parse("bind", bind);
        b.sipAddress(hp.host(), hp.port());
        // Checked before any socket opens.
        TransportKind kind = transport(args);
        if (TlsOptions.given(args) && kind != TransportKind.TLS) {
            throw new UsageException("--tls-ca, --tls-keystore and --tls-password are for --transport tls");
        }
        TlsOptions.context(args, System::getenv).ifPresent(b::tlsContext);
        List<AudioCodec> codecs = new ArrayList<>();
        for (String name : args.value("codecs").orElse("g722,pcmu,pcma").split(",")) {
            codecs.add(CodecCommand.codecNamed(name.trim()));
        }
        b.codecs(codecs.toArray(AudioCodec[]::new));
        if (args.value("rtp-ports").isPresent()) {
            String range = args.value("rtp-ports").get();
            int dash = range.indexOf('-');
            try {
                int min = Integer.parseInt(range.substring(0, Math.max(0, dash)));
                int max = Integer.parseInt(range.substring(dash + 1));
                b.rtpPorts(min, max);
            } catch (RuntimeException e) {
                throw new UsageException("--rtp-ports takes MIN-MAX with even ports between 1024 and 65534, e.g. 20000-20998");
            }
        }
        if (args.value("max-calls").isPresent()) {
            b.maxCalls(args.intValue("max-calls", 32, 1, 10_000));
        }
        if (args.value("events").isPresent() && !args.value("events").get().equals("json")) {
            throw new UsageException("--events takes 'json'");
        }
        List<PhoneListener> listeners = new ArrayList<>();
        if (args.has("trace")) {
            b.traceSip(true);
            Map<String, String> names = new HashMap<>();
            args.value("registrar").ifPresent(r -> names.put(r, "registrar"));
            args.value("proxy").ifPresent(p -> names.put(p, "proxy"));
            PrintStream ladder = args.value("events").isPresent() ? err : out;
            listeners.add(new LadderPrinter(ladder, args.value("user").orElse("me"), names, System::currentTimeMillis));
        }
        if (args.value("events").isPresent()) {
            listeners.add(new JsonEventPrinter(out, System::currentTimeMillis));
        }
        listeners.add(listener);
        b.listener(listeners.size() == 1 ? listener : new ListenerChain(listeners));
        return b.build();
    }

    /** --transport: the line's SIP transport (RFC 3261 §18; TLS §26.2). */
    static TransportKind transport(ParsedArgs args) throws UsageException {
        String transport = args.value("transport").orElse("udp").toLowerCase(Locale.ROOT);
        return switch (transport) {
            case "udp" -> TransportKind.UDP;
            case "tcp" -> TransportKind.TCP;
            case "tls" -> TransportKind.TLS;
            default -> throw new UsageException("--transport takes udp, tcp or tls, not " + transport);
        };
    }

    /** The account: registration only when --registrar is given. */
    static LineConfig line(ParsedArgs args) throws UsageException {
        String user = args.require("user");
        String domain = args.value("domain").orElse("127.0.0.1");
        TransportKind kind = transport(args);
        if (args.has("sips") && kind != TransportKind.TLS) {
            throw new UsageException("--sips needs --transport tls (RFC 3261 §26.2.2: a sips: address is reached over TLS only)");
        }
        LineConfig.Builder b = LineConfig.builder(user, domain)
                .password(args.value("password").orElse(""))
                .transport(kind)
                .sips(args.has("sips"));
        args.value("auth-user").ifPresent(b::authUser);
        args.value("proxy").ifPresent(b::outboundProxy);
        if (args.value("registrar").isPresent()) {
            HostPort.parse("registrar", args.value("registrar").get());
            b.registrar(args.value("registrar").get()).registrationRequired(true);
        } else {
            b.registrationRequired(false);
        }
        return b.build();
    }
}
