package org.fallline.evolution.internal;

/** Receives the complete individuals of a scan, each with the accumulator of its group. */
public interface IndividualSink {

    /**
     * @param group the group's accumulator
     * @param w     fitness W
     * @param x     traits in analysed units (read only during the call)
     */
    void accept(GroupAccumulator group, double w, double[] x);
}
