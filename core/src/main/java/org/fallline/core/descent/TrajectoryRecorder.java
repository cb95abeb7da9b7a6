package org.fallline.core.descent;

import java.util.Arrays;

/**
 * A {@link StepObserver} that records a descent run's {@link Trajectory}: every iterate
 * ({@link #everyStep()}), or in bounded memory the start, every m-th iterate and the last one
 * ({@link #every(int)}: K/m + 2 points for K steps). The recorded points are copies.
 *
 * <p>One recorder watches one run; it is not thread-safe.
 */
public final class TrajectoryRecorder implements StepObserver {

    private final int stride;
    private int[] steps = new int[16];
    private double[][] points = new double[16][];
    private double[] values = new double[16];
    private double[] norms = new double[16];
    private int size;
    /** The last iterate seen, when it is not among the recorded ones (a copy, in a reused array). */
    private double[] last;
    private int lastStep = -1;
    private double lastValue;
    private double lastNorm;

    private TrajectoryRecorder(int stride) {
        this.stride = stride;
    }

    /** Records every iterate x₀, x₁, …, x_K: the complete trajectory. */
    public static TrajectoryRecorder everyStep() {
        return new TrajectoryRecorder(1);
    }

    /**
     * Records x₀, x_m, x_{2m}, … and the last iterate x_K.
     *
     * @throws IllegalArgumentException if m &lt; 1
     */
    public static TrajectoryRecorder every(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("a trajectory recorder keeps every m-th iterate with m >= 1, not " + m);
        }
        return new TrajectoryRecorder(m);
    }

    /** m: every m-th iterate is recorded. */
    public int stride() {
        return stride;
    }

    @Override
    public void step(int k, double[] x, double value, double gradientNorm) {
        if (k % stride == 0) {
            add(k, x.clone(), value, gradientNorm);
            lastStep = -1;
        } else {
            if (last == null || last.length != x.length) {
                last = new double[x.length];
            }
            System.arraycopy(x, 0, last, 0, x.length);
            lastStep = k;
            lastValue = value;
            lastNorm = gradientNorm;
        }
    }

    /**
     * The iterates recorded so far, the last one seen included.
     *
     * @throws org.fallline.core.CoreException if nothing has been recorded yet
     */
    public Trajectory trajectory() {
        int n = size + (lastStep >= 0 ? 1 : 0);
        int[] s = Arrays.copyOf(steps, n);
        double[][] p = Arrays.copyOf(points, n);
        double[] v = Arrays.copyOf(values, n);
        double[] g = Arrays.copyOf(norms, n);
        if (lastStep >= 0) {
            s[size] = lastStep;
            p[size] = last.clone();
            v[size] = lastValue;
            g[size] = lastNorm;
        }
        return new Trajectory(s, p, v, g);
    }

    private void add(int k, double[] x, double value, double gradientNorm) {
        if (size == points.length) {
            int capacity = 2 * size;
            steps = Arrays.copyOf(steps, capacity);
            points = Arrays.copyOf(points, capacity);
            values = Arrays.copyOf(values, capacity);
            norms = Arrays.copyOf(norms, capacity);
        }
        steps[size] = k;
        points[size] = x;
        values[size] = value;
        norms[size] = gradientNorm;
        size++;
    }
}
