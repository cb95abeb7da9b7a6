package org.fallline.core.field;

import java.util.List;

import org.fallline.core.testing.Benchmarks;
import org.fallline.core.testing.ScalarFieldContract;
import org.fallline.core.testing.TestFields;
import org.junit.jupiter.api.Nested;

/** Every ScalarField implementation of core runs the {@link ScalarFieldContract}. */
class ScalarFieldContractsTest {

    private static final List<double[]> PLANE_POINTS = List.of(new double[] {0.3, -0.7}, new double[] {-1.2, 2.5},
            new double[] {0.9, 0.1});

    @Nested
    class ExpressionOfTheSaddleField extends ScalarFieldContract {
        @Override
        protected ScalarField field() {
            return Expression.parse("exp(x)*cos(y) - x - 1");
        }

        @Override
        protected List<double[]> points() {
            return PLANE_POINTS;
        }
    }

    @Nested
    class ExpressionOfEveryFunction extends ScalarFieldContract {
        @Override
        protected ScalarField field() {
            return Expression.parse("sin(x)*cosh(y) + log(1 + x^2) * sqrt(2 + y^2) - atan(x*y) + tanh(x - y)^2 + exp(-x^2)/(3 + cos(y))");
        }

        @Override
        protected List<double[]> points() {
            return PLANE_POINTS;
        }
    }

    @Nested
    class QuadraticFieldB2 extends ScalarFieldContract {
        @Override
        protected ScalarField field() {
            return Benchmarks.b2();
        }

        @Override
        protected List<double[]> points() {
            double[] a = new double[50];
            double[] b = new double[50];
            for (int i = 0; i < 50; i++) {
                a[i] = Math.sin(i);
                b[i] = 0.1 * i - 2;
            }
            return List.of(a, b);
        }
    }

    @Nested
    class HandWrittenRosenbrock extends ScalarFieldContract {
        @Override
        protected ScalarField field() {
            return new TestFields.Rosenbrock();
        }

        @Override
        protected List<double[]> points() {
            return PLANE_POINTS;
        }
    }

    @Nested
    class HandWrittenSaddle extends ScalarFieldContract {
        @Override
        protected ScalarField field() {
            return new TestFields.Saddle();
        }

        @Override
        protected List<double[]> points() {
            return PLANE_POINTS;
        }
    }
}
