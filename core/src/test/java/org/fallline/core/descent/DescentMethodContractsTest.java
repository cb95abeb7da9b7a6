package org.fallline.core.descent;

import org.fallline.core.field.ScalarField;
import org.fallline.core.testing.DescentMethodContract;
import org.junit.jupiter.api.Nested;

/**
 * Every descent method runs the {@link DescentMethodContract} on B1 (eigenvalues μ = 1, L = 100), with the
 * parameters of the quadratic analysis: η = 2/(μ + L) for gd, Polyak's and Nesterov's tunings for the momentum
 * methods.
 */
class DescentMethodContractsTest {

    @Nested
    class Gd extends DescentMethodContract {
        @Override
        protected DescentMethod method(ScalarField field) {
            return new GradientDescent(2.0 / 101);
        }
    }

    @Nested
    class Armijo extends DescentMethodContract {
        @Override
        protected DescentMethod method(ScalarField field) {
            return new ArmijoDescent(1.0);
        }
    }

    @Nested
    class Steepest extends DescentMethodContract {
        @Override
        protected DescentMethod method(ScalarField field) {
            return new SteepestDescent();
        }
    }

    @Nested
    class Newton extends DescentMethodContract {
        @Override
        protected DescentMethod method(ScalarField field) {
            return new NewtonMethod();
        }
    }

    @Nested
    class HeavyBallMethod extends DescentMethodContract {
        @Override
        protected DescentMethod method(ScalarField field) {
            return new HeavyBall(4.0 / Math.pow(1 + 10, 2), Math.pow(9.0 / 11, 2));
        }
    }

    @Nested
    class NesterovMethod extends DescentMethodContract {
        @Override
        protected DescentMethod method(ScalarField field) {
            return new Nesterov(1.0 / 100, 9.0 / 11);
        }
    }

    @Nested
    class Cg extends DescentMethodContract {
        @Override
        protected DescentMethod method(ScalarField field) {
            return new ConjugateGradient();
        }
    }
}
