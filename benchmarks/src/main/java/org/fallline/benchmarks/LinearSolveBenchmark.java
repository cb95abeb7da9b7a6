package org.fallline.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.fallline.core.linear.ConjugateGradientSolver;
import org.fallline.core.linear.CsrMatrix;
import org.fallline.core.linear.GridShape;
import org.fallline.core.linear.IncompleteCholesky;
import org.fallline.core.linear.LinearSolveResult;
import org.fallline.core.linear.Multigrid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Solve time of the 2-D Poisson problem −Δu = f on the unit square (5-point stencil, n × n unknowns with
 * Dirichlet boundary nodes eliminated, f = 2π² sin πx sin πy) against the number of unknowns, from u = 0 to a
 * relative residual of 1e-8: multigrid-preconditioned CG ({@code mgCg}), multigrid V(2,2)-cycles alone
 * ({@code mg}), IC(0)-preconditioned CG for contrast ({@code icCg}, whose iteration count grows like n, so
 * its time per unknown grows like √N), and the cost of building the multigrid hierarchy
 * ({@code mgSetup}: Galerkin products on every level) and of IC(0) ({@code icSetup}). The goal is a time per
 * unknown independent of N for the multigrid solves; the ratio (time/N) / (time/N at 65²) is recorded in the
 * README.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class LinearSolveBenchmark {

    static final double TOLERANCE = 1e-8;

    /** The Poisson problem of size n × n and what the solvers keep between invocations. */
    public static class Problem {
        CsrMatrix a;
        GridShape shape;
        double[] f;
        double[] x;

        void build(int n) {
            double h = 1.0 / (n + 1);
            double h2 = 1.0 / (h * h);
            shape = GridShape.of(n, n);
            CsrMatrix.Builder b = CsrMatrix.builder(n * n, n * n);
            f = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int row = shape.index(i, j);
                    b.add(row, row, 4 * h2);
                    if (i > 0) {
                        b.add(row, row - 1, -h2);
                    }
                    if (i < n - 1) {
                        b.add(row, row + 1, -h2);
                    }
                    if (j > 0) {
                        b.add(row, row - n, -h2);
                    }
                    if (j < n - 1) {
                        b.add(row, row + n, -h2);
                    }
                    f[row] = 2 * Math.PI * Math.PI * Math.sin(Math.PI * (i + 1) * h) * Math.sin(Math.PI * (j + 1) * h);
                }
            }
            a = b.build();
            x = new double[n * n];
        }
    }

    /** Every size, for the multigrid methods. */
    @State(Scope.Thread)
    public static class Grid extends Problem {
        @Param({"65", "129", "257", "513", "1025"})
        public int n;
        Multigrid multigrid;

        @Setup(Level.Trial)
        public void setUp() {
            build(n);
            multigrid = Multigrid.galerkin(a, shape);
        }
    }

    /** Sizes up to 513², for IC(0)-CG, whose iteration count grows with n. */
    @State(Scope.Thread)
    public static class SmallGrid extends Problem {
        @Param({"65", "129", "257", "513"})
        public int n;
        IncompleteCholesky ic;

        @Setup(Level.Trial)
        public void setUp() {
            build(n);
            ic = IncompleteCholesky.of(a);
        }
    }

    @Benchmark
    public LinearSolveResult mgCg(Grid g) {
        Arrays.fill(g.x, 0.0);
        return ConjugateGradientSolver.withTolerance(TOLERANCE).solve(g.a, g.f, g.x, g.multigrid);
    }

    @Benchmark
    public LinearSolveResult mg(Grid g) {
        Arrays.fill(g.x, 0.0);
        return g.multigrid.solve(g.f, g.x, TOLERANCE, 100);
    }

    @Benchmark
    public Multigrid mgSetup(Grid g) {
        return Multigrid.galerkin(g.a, g.shape);
    }

    @Benchmark
    public LinearSolveResult icCg(SmallGrid g) {
        Arrays.fill(g.x, 0.0);
        return ConjugateGradientSolver.withTolerance(TOLERANCE).solve(g.a, g.f, g.x, g.ic);
    }

    @Benchmark
    public IncompleteCholesky icSetup(SmallGrid g) {
        return IncompleteCholesky.of(g.a);
    }
}
