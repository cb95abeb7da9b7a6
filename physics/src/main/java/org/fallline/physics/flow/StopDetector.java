package org.fallline.physics.flow;

import java.util.function.ToDoubleFunction;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * A Hipparchus event detector that stops the integration where a switching function g changes sign and
 * remembers that it fired. Detection (g, located by a bracketing Brent solver to the time threshold) is
 * apart from handling (stop), as Hipparchus has it.
 */
final class StopDetector implements ODEEventDetector {

    private static final int MAX_ITERATIONS = 200;

    private final ToDoubleFunction<ODEStateAndDerivative> g;
    private final AdaptableInterval maxCheck;
    private final BracketedUnivariateSolver<UnivariateFunction> solver;
    private boolean fired;

    /**
     * @param g         the switching function of the state; the event is its sign change
     * @param maxCheck  largest interval between two evaluations of g
     * @param threshold the accuracy in time to which the event is located
     */
    StopDetector(ToDoubleFunction<ODEStateAndDerivative> g, double maxCheck, double threshold) {
        this.g = g;
        this.maxCheck = AdaptableInterval.of(maxCheck);
        this.solver = new BracketingNthOrderBrentSolver(0, threshold, 0, 5);
    }

    /** True once the event has stopped the integration. */
    boolean fired() {
        return fired;
    }

    @Override
    public AdaptableInterval getMaxCheckInterval() {
        return maxCheck;
    }

    @Override
    public int getMaxIterationCount() {
        return MAX_ITERATIONS;
    }

    @Override
    public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
        return solver;
    }

    @Override
    public ODEEventHandler getHandler() {
        return (state, detector, increasing) -> {
            fired = true;
            return Action.STOP;
        };
    }

    @Override
    public double g(ODEStateAndDerivative state) {
        return g.applyAsDouble(state);
    }
}
