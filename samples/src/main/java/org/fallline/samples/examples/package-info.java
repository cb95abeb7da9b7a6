/**
 * Short runnable programs on the library API, each run by a test so that it cannot rot: a selection analysis,
 * equilibria of the saddle field, descent methods against the condition number, gradient flows with an event, a
 * heat problem with an observer, a minimal surface with an export.
 */
package org.fallline.samples.examples;
