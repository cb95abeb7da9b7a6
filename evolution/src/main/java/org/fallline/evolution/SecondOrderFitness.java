package org.fallline.evolution;

import org.fallline.evolution.internal.PolynomialBasis;

/**
 * The fitted second-order fitness function of a group, in its standardised traits z: the linear predictor
 * η(z) = α + bᵀz + ½ zᵀQz + c and the fitted fitness W̃(z) = h(η(z)), h the inverse link of the model
 * (McCullagh &amp; Nelder 1989, §2.2):
 *
 * <ul>
 *   <li>{@link Model#OLS}: h(η) = η, W̃ is relative fitness w = W/W̄ (Lande &amp; Arnold 1983, eq. 15; Q = γ);</li>
 *   <li>{@link Model#LOGISTIC}: h(η) = 1/(1 + e<sup>−η</sup>), W̃ is the probability P(W = 1), in (0, 1);</li>
 *   <li>{@link Model#POISSON}: h(η) = e<sup>η</sup>, W̃ is the expected count E[W], positive.</li>
 * </ul>
 * Q is symmetric, its diagonal the coefficients of ½z<sub>i</sub>² and its off-diagonal those of
 * z<sub>i</sub>z<sub>j</sub>, as for γ. c is the part of η contributed by the covariates held at their means
 * (numeric) and reference levels (categorical): 0 without covariates. Relative fitness is W̃/W̄ for the GLMs,
 * W̃ itself for least squares. Immutable.
 *
 * @param model       the regression model
 * @param intercept   α
 * @param linear      b, length k
 * @param quadratic   Q, k × k, symmetric
 * @param heldTerm    c, the covariates' part of η at their held values
 * @param meanFitness W̄ of the group
 */
public record SecondOrderFitness(Model model, double intercept, double[] linear, double[][] quadratic, double heldTerm,
        double meanFitness) {

    public SecondOrderFitness {
        linear = linear.clone();
        quadratic = copy(quadratic);
        for (double[] row : quadratic) {
            if (row.length != linear.length) {
                throw new IllegalArgumentException("Q must be " + linear.length + " × " + linear.length);
            }
        }
        if (quadratic.length != linear.length) {
            throw new IllegalArgumentException("Q must be " + linear.length + " × " + linear.length);
        }
    }

    /** The least-squares surface w(z) = α + bᵀz + ½zᵀγz of the second-order model. */
    public static SecondOrderFitness of(QuadraticSelectionMatrix q, double meanFitness) {
        return new SecondOrderFitness(Model.OLS, q.intercept().estimate(), q.linearValues(), q.matrix(), 0,
                meanFitness);
    }

    /**
     * The least-squares surface of a group, with its covariates (if any) held at their means (numeric) and
     * reference levels (categorical): c = {@link GroupReport#covariateHeldTerm()}.
     */
    public static SecondOrderFitness of(GroupReport g) {
        QuadraticSelectionMatrix q = g.quadratic().orElseThrow(() -> new IllegalArgumentException(
                "group " + g.group() + " has no second-order model"));
        return new SecondOrderFitness(Model.OLS, q.intercept().estimate(), q.linearValues(), q.matrix(),
                g.covariateHeldTerm(), g.meanFitness());
    }

    /** The fitted GLM from its coefficients in the order of the second-order basis ({@link PolynomialBasis}). */
    static SecondOrderFitness ofBasis(Model model, double[] coefficients, int k, double heldTerm, double meanFitness) {
        double[] b = new double[k];
        double[][] q = new double[k][k];
        for (int i = 0; i < k; i++) {
            b[i] = coefficients[PolynomialBasis.linear(i)];
            for (int j = 0; j < k; j++) {
                q[i][j] = coefficients[PolynomialBasis.quadratic(k, i, j)];
            }
        }
        return new SecondOrderFitness(model, coefficients[0], b, q, heldTerm, meanFitness);
    }

    /** Number of traits k. */
    public int dimension() {
        return linear.length;
    }

    /** η(z). */
    public double linearPredictor(double[] z) {
        int k = linear.length;
        double eta = intercept + heldTerm;
        for (int i = 0; i < k; i++) {
            double qz = 0;
            for (int j = 0; j < k; j++) {
                qz += quadratic[i][j] * z[j];
            }
            eta += z[i] * (linear[i] + 0.5 * qz);
        }
        return eta;
    }

    /** W̃(z) = h(η(z)) on the model's response scale (relative fitness for OLS, P(W = 1), E[W]). */
    public double fitness(double[] z) {
        double eta = linearPredictor(z);
        return switch (model) {
            case LOGISTIC -> 1 / (1 + Math.exp(-eta));
            case POISSON -> Math.exp(eta);
            default -> eta;
        };
    }

    /** The fitted relative fitness W̃(z)/W̄ (W̃ itself for least squares, which is fitted to relative fitness). */
    public double relativeFitness(double[] z) {
        return model == Model.OLS ? fitness(z) : fitness(z) / meanFitness;
    }

    @Override
    public double[] linear() {
        return linear.clone();
    }

    @Override
    public double[][] quadratic() {
        return copy(quadratic);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
