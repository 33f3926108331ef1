/** The parley command line softphone. */
module dev.parley.cli {
    requires dev.parley.ua;
    // exports dev.parley.cli;  (enabled once the package has its first class)
}
