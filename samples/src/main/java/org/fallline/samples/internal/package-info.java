/**
 * What every subcommand shares: option types, the error handler and exit statuses, atomic files and staged output
 * directories (removed on Ctrl-C), JSON, CSV and text tables, number formatting, terminal progress.
 */
package org.fallline.samples.internal;
