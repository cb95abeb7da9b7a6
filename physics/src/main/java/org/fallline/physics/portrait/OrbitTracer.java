package org.fallline.physics.portrait;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fallline.core.field.Box;
import org.fallline.physics.PhysicsException;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;

/**
 * Traces one orbit of a flow with Dormand–Prince 8(5,3) until it leaves a box, comes within a radius of one
 * of a list of equilibria, or a time cap runs out, keeping points spaced by arc length (each accepted step is
 * sampled at eight interior points of its dense output) so that a curve costs memory in proportion to its
 * length, not to its number of steps.
 */
final class OrbitTracer {

    private static final int SUBSTEPS = 8;
    private static final int MAX_POINTS = 20_000;

    private final double[] lower;
    private final double[] upper;
    private final double tolerance;
    private final double spacing;

    /**
     * @param spacing the arc length between kept points
     */
    OrbitTracer(Box box, double tolerance, double spacing) {
        this.lower = box.lower();
        this.upper = box.upper();
        this.tolerance = tolerance;
        this.spacing = spacing;
    }

    Curve trace(OrdinaryDifferentialEquation ode, double[] start, List<double[]> stopAt, double stopRadius,
                double timeCap) {
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-14 * timeCap, timeCap,
                tolerance, tolerance);
        Detector leave = new Detector(timeCap, s -> {
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < s.length; i++) {
                m = Math.min(m, Math.min(s[i] - lower[i], upper[i] - s[i]) / (upper[i] - lower[i]));
            }
            return m;
        });
        integrator.addEventDetector(leave);
        Detector near = null;
        if (!stopAt.isEmpty()) {
            near = new Detector(timeCap, s -> {
                double m = Double.POSITIVE_INFINITY;
                for (double[] e : stopAt) {
                    m = Math.min(m, distance(s, e));
                }
                return m - stopRadius;
            });
            integrator.addEventDetector(near);
        }
        List<double[]> points = new ArrayList<>();
        points.add(start.clone());
        integrator.addStepHandler(new org.hipparchus.ode.sampling.ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double t0 = interpolator.getPreviousState().getTime();
                double t1 = interpolator.getCurrentState().getTime();
                for (int k = 1; k <= SUBSTEPS && points.size() < MAX_POINTS; k++) {
                    double[] x = interpolator.getInterpolatedState(t0 + (t1 - t0) * k / SUBSTEPS).getCompleteState();
                    if (distance(x, points.get(points.size() - 1)) >= spacing) {
                        points.add(x);
                    }
                }
            }
        });
        Curve.End end;
        double[] last;
        try {
            last = integrator.integrate(ode, new ODEState(0, start), timeCap).getCompleteState();
            end = leave.fired ? Curve.End.LEFT_BOX : near != null && near.fired ? Curve.End.EQUILIBRIUM
                    : Curve.End.TIME_CAP;
        } catch (MathRuntimeException | PhysicsException e) {
            last = null;
            end = Curve.End.FAILED;
        }
        if (last != null && points.size() < MAX_POINTS && !Arrays.equals(last, points.get(points.size() - 1))) {
            points.add(last);
        }
        return new Curve(points.toArray(double[][]::new), end);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** A stopping event on a function of the position. */
    private static final class Detector implements ODEEventDetector {
        private final AdaptableInterval check;
        private final java.util.function.ToDoubleFunction<double[]> g;
        private final BracketingNthOrderBrentSolver solver;
        boolean fired;

        Detector(double timeCap, java.util.function.ToDoubleFunction<double[]> g) {
            this.check = AdaptableInterval.of(timeCap / 1000);
            this.g = g;
            this.solver = new BracketingNthOrderBrentSolver(0, 1e-10 * timeCap, 0, 5);
        }

        @Override
        public AdaptableInterval getMaxCheckInterval() {
            return check;
        }

        @Override
        public int getMaxIterationCount() {
            return 200;
        }

        @Override
        public BracketingNthOrderBrentSolver getSolver() {
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
        public double g(org.hipparchus.ode.ODEStateAndDerivative state) {
            return g.applyAsDouble(state.getCompleteState());
        }
    }
}
