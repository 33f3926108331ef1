/**
 * The parley command line softphone.
 */
package dev.parley.cli;
