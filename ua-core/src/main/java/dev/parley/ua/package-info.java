/**
 * The softphone API: phones, lines, calls, registration, dialogs and media wiring.
 */
package dev.parley.ua;
