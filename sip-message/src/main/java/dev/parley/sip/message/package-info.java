/**
 * RFC 3261 message model: requests, responses, headers, URIs, the parser and the serializer.
 */
package dev.parley.sip.message;
