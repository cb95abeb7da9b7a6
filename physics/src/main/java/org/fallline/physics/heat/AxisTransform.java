package org.fallline.physics.heat;

/**
 * The orthogonal eigenbasis of a 1-D {@link AxisOperator} with homogeneous Dirichlet, Neumann or
 * periodic sides: the discrete sine transform (DST-I) for Dirichlet–Dirichlet, the cosine transform
 * (DCT-I) for Neumann–Neumann, the quarter-wave sine transform for Dirichlet–Neumann and the real DFT
 * for a periodic axis. Each is the DFT of the line extended by the reflections its sides impose
 * (odd about a Dirichlet node, even about a Neumann node), which the periodic 3-point stencil maps
 * into itself; coefficient k is then multiplied by e^{−t μ_k}, μ_k = 4D/h² sin²(πk/M), M the
 * extended length (Strang, <i>The discrete cosine transform</i>, SIAM Review 41, 1999). The sine transform
 * has its own fused code path ({@link SineTransform}), the same for both directions.
 * Coefficients are kept in real form, m per line (memory linear in the grid).
 */
final class AxisTransform {

    private enum Shape { DD, NN, DN, PP }

    private final int m;
    private final Shape shape;
    private final boolean reversed;
    private final int extended;
    private final double[] eigenvalue;
    private final BluesteinFft fft;
    private final SineTransform sine; // DD: the direct DST-I (the extension's transform is not built)
    private final boolean half;    // even extended length: a complex transform of half the length
    private final double[] line;   // the extended real sequence
    private final double[] re;
    private final double[] im;

    private AxisTransform(int m, Shape shape, boolean reversed, int extended, double scale) {
        this.m = m;
        this.shape = shape;
        this.reversed = reversed;
        this.extended = extended;
        this.half = extended % 2 == 0;
        boolean direct = shape == Shape.DD;
        this.sine = direct ? new SineTransform(m) : null;
        this.fft = direct ? null : new BluesteinFft(half ? extended / 2 : extended);
        this.line = direct ? null : new double[extended];
        this.re = direct ? null : new double[extended];
        this.im = direct ? null : new double[extended];
        eigenvalue = new double[m];
        for (int j = 0; j < m; j++) {
            double s = Math.sin(Math.PI * frequency(j) / extended);
            eigenvalue[j] = scale * s * s;
        }
    }

    /** The transform of the axis, or null when a side is Robin or has data. */
    static AxisTransform of(AxisOperator op, double diffusivity) {
        double scale = 4 * diffusivity / (op.h * op.h);
        if (op.periodic) {
            return new AxisTransform(op.m, Shape.PP, false, op.m, scale);
        }
        if (!op.low.homogeneous() || !op.high.homogeneous()) {
            return null;
        }
        BoundaryCondition.Kind lo = op.low.kind();
        BoundaryCondition.Kind hi = op.high.kind();
        if (lo == BoundaryCondition.Kind.ROBIN || hi == BoundaryCondition.Kind.ROBIN) {
            return null;
        }
        int m = op.m;
        if (lo == hi) {
            return lo == BoundaryCondition.Kind.DIRICHLET
                    ? new AxisTransform(m, Shape.DD, false, 2 * (m + 1), scale)
                    : new AxisTransform(m, Shape.NN, false, 2 * (m - 1), scale);
        }
        return new AxisTransform(m, Shape.DN, lo == BoundaryCondition.Kind.NEUMANN, 4 * m, scale);
    }

    // the DFT index of coefficient j
    private int frequency(int j) {
        switch (shape) {
            case DD: return j + 1;
            case NN: return j;
            case DN: return 2 * j + 1;
            default: return (j + 1) / 2;
        }
    }

    /** μ_j, the eigenvalue of −D∂² for coefficient j. */
    double eigenvalue(int j) {
        return eigenvalue[j];
    }

    /** Replaces the line x[offset + i·stride], i = 0 … m − 1, by its coefficients. */
    void forward(double[] x, int offset, int stride) {
        if (sine != null) {
            sine.transform(x, offset, stride, 1);
            return;
        }
        int last = m - 1;
        switch (shape) {
            case NN -> {
                for (int j = 0; j < m; j++) {
                    double v = x[offset + j * stride];
                    line[j] = v;
                    if (j > 0 && j < last) {
                        line[extended - j] = v;
                    }
                }
            }
            case DN -> {
                // nodes 1 … m carry the line (node m is the Neumann node), odd about 0, even about m
                line[0] = 0;
                line[2 * m] = 0;
                for (int j = 1; j <= m; j++) {
                    double v = x[offset + (reversed ? last - (j - 1) : j - 1) * stride];
                    line[j] = v;
                    line[2 * m - j] = v;
                }
                for (int j = 1; j < 2 * m; j++) {
                    line[extended - j] = -line[j];
                }
            }
            default -> {
                for (int j = 0; j < m; j++) {
                    line[j] = x[offset + j * stride];
                }
            }
        }
        if (half) {
            fft.realForward(line, re, im);
        } else {
            System.arraycopy(line, 0, re, 0, extended);
            java.util.Arrays.fill(im, 0);
            fft.forward(re, im);
        }
        switch (shape) {
            case NN -> {
                for (int j = 0; j < m; j++) {
                    x[offset + j * stride] = re[j];
                }
            }
            case DN -> {
                for (int j = 0; j < m; j++) {
                    x[offset + j * stride] = im[2 * j + 1];
                }
            }
            default -> {
                x[offset] = re[0];
                for (int j = 1; j < m; j++) {
                    int k = (j + 1) / 2;
                    x[offset + j * stride] = j % 2 == 1 ? re[k] : im[k];
                }
            }
        }
    }

    /** The inverse of {@link #forward}. */
    void inverse(double[] x, int offset, int stride) {
        if (sine != null) {
            sine.transform(x, offset, stride, 2.0 / (m + 1)); // S² = (M/2)·I
            return;
        }
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        switch (shape) {
            case NN -> {
                for (int j = 0; j < m; j++) {
                    double c = x[offset + j * stride];
                    re[j] = c;
                    if (!half && j > 0 && j < m - 1) {
                        re[extended - j] = c;
                    }
                }
            }
            case DN -> {
                for (int j = 0; j < m; j++) {
                    double c = x[offset + j * stride];
                    im[2 * j + 1] = c;
                    if (!half) {
                        im[extended - (2 * j + 1)] = -c;
                    }
                }
            }
            default -> {
                re[0] = x[offset];
                for (int j = 1; j < m; j++) {
                    int k = (j + 1) / 2;
                    double c = x[offset + j * stride];
                    if (j % 2 == 1) {
                        re[k] = c;
                        if (!half) {
                            re[m - k] = c;
                        }
                    } else {
                        im[k] = c;
                        if (!half) {
                            im[m - k] = -c;
                        }
                    }
                }
            }
        }
        if (half) {
            fft.realInverse(re, im, line);
        } else {
            fft.inverse(re, im);
            System.arraycopy(re, 0, line, 0, extended);
        }
        int last = m - 1;
        switch (shape) {
            case NN, PP -> {
                for (int j = 0; j < m; j++) {
                    x[offset + j * stride] = line[j];
                }
            }
            default -> {
                for (int j = 1; j <= m; j++) {
                    x[offset + (reversed ? last - (j - 1) : j - 1) * stride] = line[j];
                }
            }
        }
    }
}
