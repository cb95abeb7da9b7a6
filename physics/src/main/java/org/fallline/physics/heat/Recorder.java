package org.fallline.physics.heat;

import org.fallline.physics.PhysicsException;

/**
 * What every time integrator reports to: the output samples, the user's observer, and the invariant
 * monitors checked at every step. Blow-up or NaN, a discrete energy that grows, or max|u| that grows
 * without a source are numerical failures naming the time (the energy and the maximum principle are
 * checked only for homogeneous problems, where they must hold).
 */
final class Recorder {

    private final HeatOperator op;
    private final double[] times;
    private final HeatObserver observer;
    private final double slack;
    private final double[][] samples;
    private final double[] work;
    private final boolean monitor;
    private double lastEnergy = Double.NaN;
    private double lastEnergyTime = Double.NaN;
    private double lastMax = Double.NaN;
    private double firstMax = Double.NaN;
    private int observed;

    /**
     * @param slack relative growth of the energy or max|u| tolerated per step (the time integrator's
     *              own error and rounding)
     */
    Recorder(HeatOperator op, double[] times, HeatObserver observer, double slack) {
        this.op = op;
        this.times = times.clone();
        this.observer = observer;
        this.slack = slack;
        this.samples = new double[times.length][];
        this.work = new double[op.points];
        this.monitor = op.problem.homogeneous();
    }

    double[] times() {
        return times.clone();
    }

    /** Stores the sample at output time k. */
    void sample(int k, double[] u) {
        checkEnergy(times[k], u);
        samples[k] = u.clone();
    }

    double[][] samples() {
        return samples;
    }

    /**
     * The state after a step (or at t = 0): observer, then monitors. max|u| is checked at every step,
     * the energy (a matrix product) at every 16th step and at the output times ({@link #sample}).
     */
    void step(double t, double[] u) {
        double max = HeatOperator.maxAbs(u);
        if (!Double.isFinite(max)) {
            throw PhysicsException.numerical("the solution is not finite (NaN or infinity) at t = " + (float) t
                    + ": the run blew up");
        }
        if (Double.isNaN(firstMax)) {
            firstMax = max;
        }
        observer.step(t, u);
        if (observed++ % 16 == 0) {
            checkEnergy(t, u);
        }
        if (!monitor) {
            if (max > 1e12 * (1 + firstMax)) {
                throw PhysicsException.numerical("max|u| grew from " + firstMax + " to " + max + " by t = " + (float) t
                        + ": the run blew up");
            }
            return;
        }
        if (!Double.isNaN(lastMax) && max > lastMax * (1 + slack) + 1e-300) {
            throw PhysicsException.numerical("max|u| increased from " + lastMax + " to " + max + " at t = "
                    + (float) t + " (the maximum principle forbids it without a source): the time integration is unstable");
        }
        lastMax = max;
    }

    private void checkEnergy(double t, double[] u) {
        if (!monitor || t == lastEnergyTime) {
            return; // a step that is also an output time is checked once
        }
        double energy = op.energy(t, u, work);
        if (!Double.isNaN(lastEnergy) && energy > lastEnergy * (1 + slack) + 1e-300) {
            throw PhysicsException.numerical("the discrete energy increased from " + lastEnergy + " to " + energy
                    + " at t = " + (float) t + " (it never increases for this problem): the time integration is unstable");
        }
        lastEnergy = energy;
        lastEnergyTime = t;
    }

    int observed() {
        return observed;
    }
}
