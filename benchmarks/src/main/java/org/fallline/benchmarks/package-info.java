/** JMH benchmarks for fallline; see benchmarks/README.md for how to run them and the recorded figures. */
package org.fallline.benchmarks;
