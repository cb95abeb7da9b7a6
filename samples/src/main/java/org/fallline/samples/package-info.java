/**
 * The fallline command (picocli): one thin class per subcommand that parses options, calls the library and renders
 * the result as a table, JSON, CSV or figures.
 */
package org.fallline.samples;
