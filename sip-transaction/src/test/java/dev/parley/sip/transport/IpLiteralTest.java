package dev.parley.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void literals_parseWithoutResolution() {
        assertEquals("127.0.0.1", IpLiteral.parse("127.0.0.1").getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", IpLiteral.parse("::1").getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", IpLiteral.parse("[::1]").getHostAddress());
        assertEquals("255.255.255.255", IpLiteral.parse("255.255.255.255").getHostAddress());
    }

    @Test
    void namesAndMalformedAddresses_areNotLiterals() {
        assertNull(IpLiteral.parse("example.com"));
        assertNull(IpLiteral.parse("256.1.1.1"));
        assertNull(IpLiteral.parse("1.2.3"));
        assertNull(IpLiteral.parse("1.2.3.4.5"));
        assertNull(IpLiteral.parse("1..2.3"));
        assertNull(IpLiteral.parse(""));
    }
}
