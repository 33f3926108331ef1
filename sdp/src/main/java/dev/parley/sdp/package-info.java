/**
 * RFC 8866 session descriptions and RFC 3264 offer/answer.
 */
package dev.parley.sdp;
