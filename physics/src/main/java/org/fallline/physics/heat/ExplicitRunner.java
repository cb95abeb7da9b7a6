package org.fallline.physics.heat;

import org.fallline.physics.PhysicsException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * The semi-discrete heat equation u' = −Ku + F(t) as a Hipparchus {@link OrdinaryDifferentialEquation},
 * integrated by an {@link ExplicitScheme}; a step handler reads the output samples from each step's
 * interpolator and reports every step to the {@link Recorder}. Hipparchus failures (NaN, minimal step
 * reached) become numerical {@link PhysicsException}s.
 */
final class ExplicitRunner {

    private final HeatOperator op;
    private final ExplicitScheme scheme;
    private final double dt;
    private final double tol;
    private int steps;
    private int evaluations;

    ExplicitRunner(HeatOperator op, ExplicitScheme scheme, double dt, double tol) {
        this.op = op;
        this.scheme = scheme;
        this.dt = dt;
        this.tol = tol;
    }

    int steps() {
        return steps;
    }

    int evaluations() {
        return evaluations;
    }

    void run(double[] u0, Recorder rec) {
        double[] times = rec.times();
        double tEnd = times[times.length - 1];
        double[] work = new double[op.points];
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return op.points;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] yDot = new double[y.length];
                op.derivative(t, y, yDot, work);
                return yDot;
            }
        };
        AbstractIntegrator integrator = scheme.create(dt, tol, tEnd);
        int[] next = {0};
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void init(org.hipparchus.ode.ODEStateAndDerivative initial, double finalTime) {
                while (next[0] < times.length && times[next[0]] <= initial.getTime()) {
                    rec.sample(next[0]++, initial.getPrimaryState());
                }
                rec.step(initial.getTime(), initial.getPrimaryState());
            }

            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double t1 = interpolator.getCurrentState().getTime();
                while (next[0] < times.length && times[next[0]] <= t1 * (1 + 1e-14)) {
                    rec.sample(next[0], interpolator.getInterpolatedState(Math.min(times[next[0]], t1)).getPrimaryState());
                    next[0]++;
                }
                steps++;
                rec.step(t1, interpolator.getCurrentState().getPrimaryState());
            }
        });
        try {
            integrator.integrate(ode, new ODEState(0, u0.clone()), tEnd);
        } catch (MathRuntimeException e) {
            throw new PhysicsException(PhysicsException.Kind.NUMERICAL, "explicit:" + scheme.label() + " failed after "
                    + steps + " steps: " + e.getMessage(), e);
        }
        evaluations = integrator.getEvaluations();
    }
}
