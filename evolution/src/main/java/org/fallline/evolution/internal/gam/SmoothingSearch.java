package org.fallline.evolution.internal.gam;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.fallline.evolution.gam.SmoothingCriterion;

/**
 * Chooses the log smoothing parameters ρ = log λ by minimising the GCV or UBRE score of the converged
 * penalised fit (mgcv's "outer" iteration, Wood 2008, JRSS B 70: 495), by a derivative-free search rather than
 * mgcv's Newton method: the score is first evaluated along the diagonal ρ<sub>1</sub> = … = ρ<sub>m</sub> on a grid
 * from {@value #GRID_LOW} to {@value #GRID_HIGH} in steps of {@value #GRID_STEP}, then refined from the best grid
 * point by Brent's method (m = 1, on the neighbouring grid interval) or by Powell's BOBYQA (m ≥ 2, from the best
 * grid point and, for additive models, also from ρ = 0, bound to
 * [{@value #LOW}, {@value #HIGH}]<sup>m</sup>, trust region shrunk to {@value #STOP}). Every fit starts from the linear
 * predictor of the best fit so far. A λ at which the penalised IRLS fails scores {@value #FAILED}; when it fails everywhere the
 * first failure is rethrown.
 */
public final class SmoothingSearch {

    static final double GRID_LOW = -16;
    static final double GRID_HIGH = 24;
    static final double GRID_STEP = 2;
    static final double LOW = -20;
    static final double HIGH = 30;
    static final double STOP = 1e-5;
    /** The score of a failed fit: finite, so the optimisers' models stay finite, and above any real score. */
    static final double FAILED = 1e100;

    private final PenalizedIrls irls;
    private final SmoothingCriterion criterion;
    private final long n;
    private PenalizedIrls.Fit best;
    private double[] bestRho;
    private double bestScore = Double.POSITIVE_INFINITY;
    private double[] warm;
    private PenalizedIrls.NotConverged failure;

    /** The chosen smoothing parameters and the fit there. */
    public record Result(double[] rho, double score, PenalizedIrls.Fit fit, boolean converged) {
    }

    /** Score evaluations one BOBYQA run may take before the best point so far is accepted (not converged). */
    static final int MAX_EVALUATIONS = 500;

    private boolean converged = true;

    private void bobyqa(double[] from, double radius) {
        int m = from.length;
        double[] lo = new double[m];
        double[] hi = new double[m];
        java.util.Arrays.fill(lo, LOW);
        java.util.Arrays.fill(hi, HIGH);
        try {
            // the optimum found is the best point scored, kept by score()
            new BOBYQAOptimizer(2 * m + 1, radius, STOP).optimize(new MaxEval(MAX_EVALUATIONS),
                    new ObjectiveFunction(this::score), GoalType.MINIMIZE, new InitialGuess(from),
                    new SimpleBounds(lo, hi));
        } catch (TooManyEvaluationsException e) {
            converged = false;
        }
    }

    public SmoothingSearch(PenalizedIrls irls, SmoothingCriterion criterion, long n) {
        this.irls = irls;
        this.criterion = criterion;
        this.n = n;
        this.warm = irls.startingEta();
    }

    /** The fit at given ρ (no search). */
    public Result at(double[] rho) throws PenalizedIrls.NotConverged {
        PenalizedIrls.Fit f = irls.fit(rho, warm);
        return new Result(rho.clone(), criterion.score(f.deviance(), f.edf(), n), f, true);
    }

    /**
     * Minimises the score over m log smoothing parameters; {@code secondStart} adds the BOBYQA run from ρ = 0 (for
     * additive models, whose smooths may need very different smoothing).
     */
    public Result minimise(int m, boolean secondStart) throws PenalizedIrls.NotConverged {
        for (double r = GRID_LOW; r <= GRID_HIGH; r += GRID_STEP) {
            double[] rho = new double[m];
            java.util.Arrays.fill(rho, r);
            score(rho);
        }
        if (best == null) {
            throw failure;
        }
        double[] diagonal = bestRho.clone();
        if (m == 1) {
            double c = diagonal[0];
            UnivariateFunction f = r -> score(new double[] {r});
            new BrentOptimizer(1e-10, 1e-9).optimize(new MaxEval(500), new UnivariateObjectiveFunction(f),
                    GoalType.MINIMIZE, new SearchInterval(Math.max(LOW, c - GRID_STEP), Math.min(HIGH, c + GRID_STEP), c));
            return new Result(bestRho.clone(), bestScore, best, converged);
        }
        // the best diagonal point and, for an additive model, ρ = 0 (penalties on the scale of XᵀX, near where mgcv's
        // Newton iteration starts), each polished by BOBYQA; the best point scored wins. (ρ = 0 is what finds mgcv's
        // optimum for smooths needing very different smoothing, such as Bumpus's four-trait additive model; a tensor
        // product's margins share one surface and the diagonal start finds mgcv's optimum.)
        for (double[] start : secondStart ? new double[][] {diagonal, new double[m]} : new double[][] {diagonal}) {
            double[] from = start.clone();
            if (start != diagonal && java.util.Arrays.equals(start, diagonal)) {
                continue;
            }
            bobyqa(from, GRID_STEP);
        }
        return new Result(bestRho.clone(), bestScore, best, converged);
    }

    /** A local minimisation from ρ₀: Brent on [ρ₀ − 2, ρ₀ + 2] (m = 1) or BOBYQA from ρ₀. */
    public Result refine(double[] rho0) throws PenalizedIrls.NotConverged {
        int m = rho0.length;
        double[] start = rho0.clone();
        for (int j = 0; j < m; j++) {
            start[j] = Math.max(LOW, Math.min(HIGH, start[j]));
        }
        score(start);
        if (best == null) {
            throw failure;
        }
        if (m == 1) {
            double c = start[0];
            UnivariateFunction f = r -> score(new double[] {r});
            new BrentOptimizer(1e-10, 1e-9).optimize(new MaxEval(500), new UnivariateObjectiveFunction(f),
                    GoalType.MINIMIZE, new SearchInterval(Math.max(LOW, c - GRID_STEP), Math.min(HIGH, c + GRID_STEP), c));
        } else {
            bobyqa(start, 1.0);
        }
        return new Result(bestRho.clone(), bestScore, best, converged);
    }

    private double score(double[] rho) {
        PenalizedIrls.Fit f;
        try {
            f = irls.fit(rho, warm);
        } catch (PenalizedIrls.NotConverged e) {
            if (failure == null) {
                failure = e;
            }
            return FAILED;
        }
        double s = criterion.score(f.deviance(), f.edf(), n);
        if (!Double.isFinite(s)) {
            return FAILED;
        }
        if (s < bestScore) {
            bestScore = s;
            best = f;
            bestRho = rho.clone();
            warm = f.eta();
        }
        return s;
    }
}
