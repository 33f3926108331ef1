package dev.parley.cli;

/** A {@code host:port} argument: an IPv4 literal, {@code [IPv6]}, or a name, and a port. */
record HostPort(String host, int port) {

    static HostPort parse(String option, String text) throws UsageException {
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (colon <= 0 || (bracketed && text.indexOf(']') > colon)) {
            throw new UsageException("--" + option + " takes ADDR:PORT, e.g. 127.0.0.1:5060 or [::1]:5060, not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (bracketed) {
            if (!host.endsWith("]")) {
                throw new UsageException("--" + option + ": an IPv6 address goes in brackets, e.g. [::1]:5060");
            }
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + ": the port of '" + text + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--" + option + ": port " + port + " is out of range 0-65535");
        }
        return new HostPort(host, port);
    }
}
