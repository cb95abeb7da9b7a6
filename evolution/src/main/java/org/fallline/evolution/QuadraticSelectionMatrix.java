package org.fallline.evolution;

import java.util.List;

/**
 * The quadratic selection matrix γ of one group, from the second-order least-squares model
 * w = α + bᵀz + ½ Σ<sub>i</sub> γ<sub>ii</sub> z<sub>i</sub>² + Σ<sub>i&lt;j</sub> γ<sub>ij</sub>
 * z<sub>i</sub>z<sub>j</sub> + ε (Lande &amp; Arnold 1983, eq. 15). The regressor of a diagonal term is
 * ½z<sub>i</sub>², so its coefficient is γ<sub>ii</sub> itself, twice the coefficient of z<sub>i</sub>²
 * (Stinchcombe et al. 2008, Evolution 62: 2435–2440), with twice its standard error; cross terms are
 * not doubled. The linear terms b are the gradient of the fitted surface at the mean phenotype; they
 * are not β, which comes from the first-order model alone.
 *
 * @param traits    trait names
 * @param intercept α, the fitted relative fitness at the mean phenotype, term {@code (Intercept)}
 * @param gamma  the upper triangle γ<sub>ij</sub>, i ≤ j, row by row in trait order, term {@code a:b}
 * @param linear the linear terms b of the second-order model, term = trait name
 * @param fit    summary of the second-order fit
 */
public record QuadraticSelectionMatrix(List<String> traits, Coefficient intercept, List<Coefficient> gamma, List<Coefficient> linear,
        ModelFit fit) {

    public QuadraticSelectionMatrix {
        traits = List.copyOf(traits);
        gamma = List.copyOf(gamma);
        linear = List.copyOf(linear);
        int k = traits.size();
        if (gamma.size() != k * (k + 1) / 2 || linear.size() != k) {
            throw new IllegalArgumentException("γ needs " + k * (k + 1) / 2 + " elements and " + k + " linear terms");
        }
    }

    /** γ<sub>ij</sub> (either order of i and j). */
    public Coefficient element(int i, int j) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        int k = traits.size();
        return gamma.get(a * k - a * (a - 1) / 2 + (b - a));
    }

    /** γ as a symmetric k × k matrix. */
    public double[][] matrix() {
        int k = traits.size();
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                g[i][j] = element(i, j).estimate();
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    /** The linear terms b, in trait order. */
    public double[] linearValues() {
        double[] v = new double[linear.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = linear.get(i).estimate();
        }
        return v;
    }
}
