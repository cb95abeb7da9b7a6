package org.fallline.core.field;

import java.util.List;
import org.fallline.core.internal.Tape;
import org.fallline.core.internal.TensorGrid;

/**
 * A field u(x; p) over spatial variables x = (x₁, …, xₙ) and parameters p = (p₁, …, p_m) — time t, or
 * a user's constant — written as an {@link Expression} and compiled once. The parameters are bound
 * per evaluation and are not differentiated: the gradient ∇u = (∂u/∂x₁, …, ∂u/∂xₙ), the Hessian
 * ∇²u = (∂²u/∂xᵢ∂xⱼ) and the Laplacian Δu = Σ ∂²u/∂xᵢ² are over the spatial variables only, as in
 * the source f(x, y, z, t) of a heat equation u_t = Δu + f or the boundary data g(x, y, t).
 *
 * <p>Derivatives are exact up to rounding (forward-mode automatic differentiation, see
 * {@link Expression}); {@link #value(double[], double[])} and the {@code values} methods do no
 * derivative work at all. The batch methods evaluate at many points with the parameters bound once:
 * at a list of points, or at the nodes of a tensor grid x₁ᵃ × x₂ᵇ × … given by one array of
 * coordinates per axis, in lexicographic order with the first axis fastest (node (i₁, i₂, i₃) at
 * index i₁ + n₁(i₂ + n₂ i₃)). What depends on the parameters alone, such as e^(−2π²t), is computed once
 * per binding rather than at every point. A batch gives bit for bit the values of the single-point methods.
 *
 * <p>Instances are immutable and thread-safe, and evaluation scales with threads: every call works
 * in arrays of its own (a batch call makes them once for all its points; single-point calls use one
 * set per thread), so threads share nothing mutable. To evaluate a grid on several threads, give each
 * thread a range of node indices: {@link #valuesOnGrid(double[][], double[], double[], int, int)}.
 *
 * <p>Made by {@link Expression#field(List, List)}. Reference: A. Griewank and A. Walther,
 * <i>Evaluating Derivatives</i>, 2nd ed., SIAM 2008, ch. 13.
 */
public final class ParametricField {

    private final String text;
    private final List<String> variables;
    private final List<String> parameters;
    private final Tape tape;

    ParametricField(String text, List<String> variables, List<String> parameters, Tape tape) {
        this.text = text;
        this.variables = variables;
        this.parameters = parameters;
        this.tape = tape;
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /** The spatial variables, in the order of the coordinates of a point. */
    public List<String> variables() {
        return variables;
    }

    /** The parameters, in the order of the entries of p. */
    public List<String> parameters() {
        return parameters;
    }

    /** n, the number of spatial variables. */
    public int dimension() {
        return variables.size();
    }

    /** u(x; p), with no derivative work. */
    public double value(double[] x, double[] p) {
        checkPoint(x);
        return tape.value(bound(p), x);
    }

    /** Fills {@code gradient} (length n) with ∇u(x; p) and returns u(x; p). */
    public double gradient(double[] x, double[] p, double[] gradient) {
        checkPoint(x);
        checkLength(gradient.length, dimension(), "gradient");
        return tape.gradient(bound(p), x, gradient, 0);
    }

    /** Fills {@code gradient} with ∇u(x; p) and {@code hessian} (n × n) with ∇²u(x; p); returns u(x; p). */
    public double hessian(double[] x, double[] p, double[] gradient, double[][] hessian) {
        checkPoint(x);
        checkLength(gradient.length, dimension(), "gradient");
        checkLength(hessian.length, dimension(), "Hessian");
        for (double[] row : hessian) {
            checkLength(row.length, dimension(), "Hessian row");
        }
        return tape.hessian(bound(p), x, gradient, hessian);
    }

    /** Δu(x; p) = Σᵢ ∂²u/∂xᵢ², the trace of the spatial Hessian. */
    public double laplacian(double[] x, double[] p) {
        checkPoint(x);
        return tape.laplacian(bound(p), x);
    }

    /**
     * The scalar field x ↦ u(x; p) with these parameter values (copied), for descent, equilibria or
     * anything else that takes a {@link ScalarField}. It is quadratic ({@link ScalarField#hasConstantHessian()})
     * when u is at most quadratic in x, whatever it does in p.
     */
    public ScalarField bind(double... p) {
        checkLength(p.length, parameters.size(), "parameter");
        return new Bound(p.clone());
    }

    /**
     * out[k] = u(points[k]; p) for every k.
     *
     * @param points points[k] is a point of length n
     * @param out    at least as long as points
     */
    public void values(double[][] points, double[] p, double[] out) {
        checkAtLeast(out.length, points.length, "out");
        Tape.Workspace w = workspace(p);
        for (int k = 0; k < points.length; k++) {
            checkPoint(points[k]);
            out[k] = tape.value(w, points[k]);
        }
    }

    /**
     * u(points[k]; p) into values[k] and ∇u(points[k]; p) into gradients[k·n … k·n + n − 1], for every k.
     */
    public void gradients(double[][] points, double[] p, double[] values, double[] gradients) {
        int n = dimension();
        checkAtLeast(values.length, points.length, "values");
        checkAtLeast(gradients.length, (long) points.length * n, "gradients");
        Tape.Workspace w = workspace(p);
        for (int k = 0; k < points.length; k++) {
            checkPoint(points[k]);
            values[k] = tape.gradient(w, points[k], gradients, k * n);
        }
    }

    /** u(x; p) at every node of the tensor grid with the given axes: out[k] for node k. */
    public void valuesOnGrid(double[][] axes, double[] p, double[] out) {
        valuesOnGrid(axes, p, out, 0, TensorGrid.nodes(axes, dimension()));
    }

    /**
     * u(x; p) at the nodes from, …, to − 1 of the tensor grid with the given axes, into out[from … to − 1]:
     * the form for splitting one grid among threads, each with a range of its own.
     *
     * @param axes axes[i] holds the coordinates of the grid along variable i
     * @param out  at least as long as the number of nodes Π axes[i].length
     */
    public void valuesOnGrid(double[][] axes, double[] p, double[] out, int from, int to) {
        TensorGrid grid = new TensorGrid(axes, dimension(), from, to);
        checkAtLeast(out.length, to, "out");
        Tape.Workspace w = workspace(p);
        double[] x = grid.point();
        for (int k = from; k < to; k++) {
            out[k] = tape.value(w, x);
            grid.advance();
        }
    }

    /** u(x; p) and ∇u(x; p) at every node k of the tensor grid: values[k], gradients[k·n … k·n + n − 1]. */
    public void gradientsOnGrid(double[][] axes, double[] p, double[] values, double[] gradients) {
        gradientsOnGrid(axes, p, values, gradients, 0, TensorGrid.nodes(axes, dimension()));
    }

    /** u(x; p) and ∇u(x; p) at the nodes from, …, to − 1 of the tensor grid, as in the method above. */
    public void gradientsOnGrid(double[][] axes, double[] p, double[] values, double[] gradients, int from,
            int to) {
        int n = dimension();
        TensorGrid grid = new TensorGrid(axes, n, from, to);
        checkAtLeast(values.length, to, "values");
        checkAtLeast(gradients.length, (long) to * n, "gradients");
        Tape.Workspace w = workspace(p);
        double[] x = grid.point();
        for (int k = from; k < to; k++) {
            values[k] = tape.gradient(w, x, gradients, k * n);
            grid.advance();
        }
    }

    /** The text. */
    @Override
    public String toString() {
        return text;
    }

    /** This thread's workspace with p bound. */
    private Tape.Workspace bound(double[] p) {
        checkLength(p.length, parameters.size(), "parameter");
        Tape.Workspace w = tape.threadWorkspace();
        tape.bind(w, p);
        return w;
    }

    /** A workspace of the call's own with p bound. */
    private Tape.Workspace workspace(double[] p) {
        checkLength(p.length, parameters.size(), "parameter");
        Tape.Workspace w = tape.workspace();
        tape.bind(w, p);
        return w;
    }

    private void checkPoint(double[] x) {
        if (x.length != variables.size()) {
            throw new IllegalArgumentException("the point has " + x.length + " coordinates; the field has "
                    + variables.size() + " variables (" + String.join(", ", variables) + ")");
        }
    }

    private void checkLength(int length, int expected, String what) {
        if (length != expected) {
            throw new IllegalArgumentException("the " + what + " array has length " + length + "; expected "
                    + expected + " (variables " + String.join(", ", variables) + "; parameters "
                    + String.join(", ", parameters) + ")");
        }
    }

    private static void checkAtLeast(int length, long needed, String what) {
        if (length < needed) {
            throw new IllegalArgumentException("the " + what + " array has length " + length + "; it needs at least "
                    + needed);
        }
    }

    /** x ↦ u(x; p) for fixed p. */
    private final class Bound implements ScalarField {
        private final double[] p;

        Bound(double[] p) {
            this.p = p;
        }

        @Override
        public List<String> variables() {
            return variables;
        }

        @Override
        public double value(double[] x) {
            return ParametricField.this.value(x, p);
        }

        @Override
        public double gradient(double[] x, double[] gradient) {
            return ParametricField.this.gradient(x, p, gradient);
        }

        @Override
        public double hessian(double[] x, double[] gradient, double[][] hessian) {
            return ParametricField.this.hessian(x, p, gradient, hessian);
        }

        @Override
        public boolean hasConstantHessian() {
            return tape.degree() <= 2;
        }

        @Override
        public String toString() {
            return text + " at " + java.util.Arrays.toString(p);
        }
    }
}
