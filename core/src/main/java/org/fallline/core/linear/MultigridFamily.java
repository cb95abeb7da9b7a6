package org.fallline.core.linear;

import org.fallline.core.CoreException;

/**
 * Galerkin multigrid for every member of a family of operators M + cL, c ≥ 0, on one tensor grid — the
 * matrices of implicit time steps (M the identity or a mass matrix, L a discrete −DΔ + λ, c the step size
 * times the method's weight) whose step size changes as an adaptive integrator goes. The Galerkin product is
 * linear, Pᵀ(M + cL)P = PᵀMP + c PᵀLP, so the triple products are computed once for M and once for L, and
 * {@link #at(double)} forms each level's operator as a sum (a pass over the non-zeros) instead of repeating
 * the products; the result is the same {@link Multigrid} that {@link Multigrid#galerkin} builds for M + cL
 * (Trottenberg, Oosterlee &amp; Schüller, <i>Multigrid</i>, Academic Press 2001, §2.3.2 and §5.2). Immutable
 * and thread-safe; each {@code at} returns a new Multigrid with its own work vectors.
 */
public final class MultigridFamily {

    private final MultigridHierarchy.Levels m;
    private final MultigridHierarchy.Levels l;

    private MultigridFamily(MultigridHierarchy.Levels m, MultigridHierarchy.Levels l) {
        this.m = m;
        this.l = l;
    }

    /**
     * The family M + cL on the grid.
     *
     * @param m symmetric positive definite (identity or mass matrix), numbered as {@code shape} says
     * @param l symmetric positive semi-definite, the same size
     */
    public static MultigridFamily galerkin(CsrMatrix m, CsrMatrix l, GridShape shape) {
        if (l.rows() != m.rows() || l.cols() != m.cols()) {
            throw new IllegalArgumentException("multigrid family: M is " + m.rows() + " × " + m.cols() + " but L is "
                    + l.rows() + " × " + l.cols());
        }
        MultigridHierarchy.Levels levels = MultigridHierarchy.Levels.galerkin(m, shape);
        return new MultigridFamily(levels, levels.withFine(l));
    }

    /**
     * The multigrid of M + cL, with the default smoothing ({@link Multigrid#withSweeps} changes it).
     *
     * @throws CoreException if M + cL is not positive definite (a diagonal entry or the coarsest pivot)
     */
    public Multigrid at(double c) {
        if (!(c >= 0.0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("multigrid family: c must be finite and non-negative, got " + c);
        }
        return new Multigrid(new MultigridHierarchy(m.combine(1.0, c, l)), Multigrid.DEFAULT_SWEEPS);
    }

    /** The matrix M + cL itself (level 0 of {@link #at}), for the CG solve it preconditions. */
    public CsrMatrix operator(double c) {
        return CsrMatrix.linearCombination(1.0, m.a()[0], c, l.a()[0]);
    }
}
