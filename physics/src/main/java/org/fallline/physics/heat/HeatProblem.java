package org.fallline.physics.heat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.fallline.physics.PhysicsException;

/**
 * The heat equation with decay u_t = D Δu − λu + f(x, t) on the cube [0, L]^d (d = 1, 2, 3), with a
 * {@link BoundaryCondition} on each side and an initial condition u(x, 0) = u₀(x). It is the
 * gradient flow of the energy ½∫D|∇u|² + ½λ∫u² (Evans, <i>Partial Differential Equations</i>,
 * §2.3), discretised by second-order finite differences on the grid of {@link HeatGrid}.
 *
 * <p>Sides are numbered 2a (the low side of axis a: left, bottom, front) and 2a + 1 (the high side:
 * right, top, back). Build with {@link #builder()}; every check is made at {@link Builder#build()}
 * and reported as a {@link PhysicsException} of kind bad input.
 *
 * @param dimension   d
 * @param n           interior points per side (h = L/(n + 1); periodic axes have n points, h = L/n)
 * @param length      L
 * @param diffusivity D &gt; 0
 * @param decay       λ ≥ 0 (weight decay)
 * @param source      f, or null for none
 * @param initial     u₀ as a function (t = 0), or null when {@code initialValues} is given
 * @param initialValues u₀ on the unknowns of the grid (in its order), or null
 * @param boundaries  the 2d side conditions
 * @param tEnd        the final time T &gt; 0
 */
public record HeatProblem(int dimension, int n, double length, double diffusivity, double decay,
        SpaceTimeFunction source, SpaceTimeFunction initial, double[] initialValues,
        List<BoundaryCondition> boundaries, double tEnd) {

    /** Side names, in side order. */
    public static final List<String> SIDES = List.of("left", "right", "bottom", "top", "front", "back");

    public HeatProblem {
        boundaries = List.copyOf(boundaries);
        initialValues = initialValues == null ? null : initialValues.clone();
    }

    @Override
    public double[] initialValues() {
        return initialValues == null ? null : initialValues.clone();
    }

    /** The grid of unknowns. */
    public HeatGrid grid() {
        return new HeatGrid(dimension, n, length, boundaries);
    }

    /** True when f = 0 and every side's data is 0: the energy and max|u| never increase. */
    public boolean homogeneous() {
        return source == null && boundaries.stream().allMatch(BoundaryCondition::homogeneous);
    }

    /** True when the total heat Σu h^d is conserved: no source, λ = 0, only Neumann (zero flux) and periodic sides. */
    public boolean conservesHeat() {
        return homogeneous() && decay == 0 && boundaries.stream().allMatch(
                b -> b.kind() == BoundaryCondition.Kind.NEUMANN || b.kind() == BoundaryCondition.Kind.PERIODIC);
    }

    /** A builder with the defaults of {@code fallline heat}: d = 1, n = 100, L = 1, D = 1, λ = 0, T = 0.1, u = 0 on every side. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds and checks a {@link HeatProblem}. */
    public static final class Builder {
        private int dimension = 1;
        private int n = 100;
        private double length = 1;
        private double diffusivity = 1;
        private double decay = 0;
        private double tEnd = 0.1;
        private SpaceTimeFunction source;
        private SpaceTimeFunction initial;
        private double[] initialValues;
        private BoundaryCondition all = BoundaryCondition.dirichlet();
        private final Map<Integer, BoundaryCondition> bySide = new TreeMap<>();

        private Builder() {
        }

        public Builder dimension(int d) { this.dimension = d; return this; }
        public Builder n(int points) { this.n = points; return this; }
        public Builder length(double l) { this.length = l; return this; }
        public Builder diffusivity(double d) { this.diffusivity = d; return this; }
        public Builder decay(double lambda) { this.decay = lambda; return this; }
        public Builder tEnd(double t) { this.tEnd = t; return this; }
        public Builder source(SpaceTimeFunction f) { this.source = f; return this; }

        /** u₀ as a function of x. */
        public Builder initial(SpaceTimeFunction u0) {
            this.initial = Objects.requireNonNull(u0, "u0");
            this.initialValues = null;
            return this;
        }

        /** u₀ on the unknowns of the grid, in the grid's order (x fastest). */
        public Builder initialValues(double[] values) {
            this.initialValues = values.clone();
            this.initial = null;
            return this;
        }

        /** The same condition on every side. */
        public Builder boundary(BoundaryCondition all) {
            this.all = Objects.requireNonNull(all, "all");
            bySide.clear();
            return this;
        }


        /** The condition on one side (0 left, 1 right, 2 bottom, 3 top, 4 front, 5 back); it overrides {@link #boundary}. */
        public Builder boundary(int side, BoundaryCondition condition) {
            bySide.put(side, Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /** The grid of the problem as configured so far (the sides and n checked), to read an initial condition onto. */
        public HeatGrid grid() {
            BoundaryCondition[] checked = checkedSides();
            return new HeatGrid(dimension, n, length, List.of(checked));
        }

        public HeatProblem build() {
            BoundaryCondition[] sides = checkedSides();
            if (initial == null && initialValues == null) {
                throw PhysicsException.badInput("--initial: missing initial condition");
            }
            HeatProblem p = new HeatProblem(dimension, n, length, diffusivity, decay, source, initial, initialValues,
                    List.of(sides), tEnd);
            if (initialValues != null) {
                int expected = p.grid().points();
                if (initialValues.length != expected) {
                    throw PhysicsException.badInput("--initial: " + initialValues.length + " values for a grid of "
                            + expected + " unknowns (" + p.grid().describe() + ")");
                }
                for (int i = 0; i < initialValues.length; i++) {
                    if (!Double.isFinite(initialValues[i])) {
                        throw PhysicsException.badInput("--initial: value " + (i + 1) + " is not finite");
                    }
                }
            }
            return p;
        }

        private BoundaryCondition[] checkedSides() {
            if (dimension < 1 || dimension > 3) {
                throw PhysicsException.badInput("--dim must be 1, 2 or 3, got " + dimension);
            }
            if (n < 2) {
                throw PhysicsException.badInput("--n must be at least 2 interior points per side, got " + n);
            }
            positive(length, "--length");
            positive(diffusivity, "--diffusivity");
            positive(tEnd, "--t-end");
            if (!Double.isFinite(decay) || decay < 0) {
                throw PhysicsException.badInput("--decay must be a finite number >= 0, got " + decay);
            }
            BoundaryCondition[] sides = new BoundaryCondition[2 * dimension];
            Arrays.fill(sides, all);
            for (var e : bySide.entrySet()) {
                if (e.getKey() >= 2 * dimension) {
                    throw PhysicsException.badInput("--bc: side '" + SIDES.get(e.getKey()) + "' does not exist in "
                            + dimension + "-D (sides: " + String.join(", ", SIDES.subList(0, 2 * dimension)) + ")");
                }
                sides[e.getKey()] = e.getValue();
            }
            for (int a = 0; a < dimension; a++) {
                boolean lo = sides[2 * a].kind() == BoundaryCondition.Kind.PERIODIC;
                boolean hi = sides[2 * a + 1].kind() == BoundaryCondition.Kind.PERIODIC;
                if (lo != hi) {
                    throw PhysicsException.badInput("--bc: periodic on '" + SIDES.get(lo ? 2 * a : 2 * a + 1)
                            + "' needs periodic on '" + SIDES.get(lo ? 2 * a + 1 : 2 * a) + "' too");
                }
            }
            return sides;
        }

        private static void positive(double v, String option) {
            if (!Double.isFinite(v) || v <= 0) {
                throw PhysicsException.badInput(option + " must be a finite number > 0, got " + v);
            }
        }
    }
}
