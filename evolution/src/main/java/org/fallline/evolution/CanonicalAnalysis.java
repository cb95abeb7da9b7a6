package org.fallline.evolution;

import java.util.List;

/**
 * Canonical analysis of γ (Phillips &amp; Arnold 1989, Evolution 43: 1209–1222): γ = MΛMᵀ with the
 * eigenvalues λ<sub>1</sub> ≥ … ≥ λ<sub>k</sub> in decreasing order and each eigenvector's sign fixed
 * so that its largest-magnitude element is positive. The canonical axes y = Mᵀz are the principal axes
 * of the fitted surface: λ &lt; 0 is curvature down (stabilising along that axis), λ &gt; 0 up
 * (disruptive). Standard errors come from the double regression w = α + θᵀy + ½ Σ λ<sub>i</sub>
 * y<sub>i</sub>² + ε without cross terms (Bisgaard &amp; Ankenman 1996; Blows &amp; Brooks 2003,
 * Am. Nat. 162: 815–820), whose quadratic coefficients equal the eigenvalues of γ and whose linear
 * coefficients θ = Mᵀb are the linear gradients along the canonical axes.
 *
 * @param traits       trait names
 * @param eigenvalues  λ<sub>1</sub>, …, λ<sub>k</sub> with the double-regression inference, terms m1…mk
 * @param eigenvectors M, k × k: column j is the axis m<sub>j+1</sub>, rows in trait order
 * @param theta        θ, the linear terms of the double regression, terms m1…mk
 * @param fit          summary of the double regression
 */
public record CanonicalAnalysis(List<String> traits, List<Coefficient> eigenvalues, double[][] eigenvectors,
        List<Coefficient> theta, ModelFit fit) {

    public CanonicalAnalysis {
        traits = List.copyOf(traits);
        eigenvalues = List.copyOf(eigenvalues);
        eigenvectors = Matrices.copy(eigenvectors);
        theta = List.copyOf(theta);
    }

    @Override
    public double[][] eigenvectors() {
        return Matrices.copy(eigenvectors);
    }

    /** The eigenvalues, in decreasing order. */
    public double[] eigenvalueValues() {
        double[] v = new double[eigenvalues.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = eigenvalues.get(i).estimate();
        }
        return v;
    }
}
