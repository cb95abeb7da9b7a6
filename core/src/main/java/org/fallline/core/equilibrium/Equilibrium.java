package org.fallline.core.equilibrium;

import org.fallline.core.CoreException;
import org.fallline.core.field.ScalarField;

import java.util.ArrayList;
import java.util.List;
import org.fallline.core.internal.SymmetricEigen;
import org.fallline.core.internal.Vectors;

/**
 * A critical point x̄ of V (∇V(x̄) = 0) with its second-order classification: the eigenvalues
 * λ₁ ≤ … ≤ λₙ of the Hessian ∇²V(x̄), their eigenvectors, the Morse index (number of negative
 * eigenvalues) and the resulting {@link EquilibriumType}.
 *
 * <p>For the gradient flow dx/dt = −∇V(x), linearised at x̄ as dξ/dt = −∇²V(x̄) ξ, a perturbation along
 * an eigenvector with λ &gt; 0 decays like e^{−λt} ({@link #stableDirections()}), one with λ &lt; 0 grows like
 * e^{|λ|t} ({@link #unstableDirections()}); the index is the dimension of the unstable manifold.
 *
 * <p>Arrays are copied on the way in and out.
 *
 * <p>Reference: M. W. Hirsch, S. Smale and R. L. Devaney, <i>Differential Equations, Dynamical Systems,
 * and an Introduction to Chaos</i>, 3rd ed., Academic Press 2013, §9.3 (gradient systems).
 *
 * @param point        x̄
 * @param value        V(x̄)
 * @param type         minimum, maximum, saddle or degenerate
 * @param index        number of eigenvalues below −threshold (the Morse index for a non-degenerate point)
 * @param eigenvalues  eigenvalues of the symmetrised Hessian, ascending
 * @param eigenvectors n × n, column j is the unit eigenvector of {@code eigenvalues[j]}
 */
public record Equilibrium(double[] point, double value, EquilibriumType type, int index, double[] eigenvalues,
                          double[][] eigenvectors) {

    public Equilibrium {
        point = point.clone();
        eigenvalues = eigenvalues.clone();
        eigenvectors = Vectors.copy(eigenvectors);
    }

    /**
     * Classifies the point x by the spectrum of (H + Hᵀ)/2, H = ∇²V(x) (symmetric QR
     * algorithm, see SymmetricEigen). An eigenvalue with |λ| ≤ tolerance·max(1, max|λ|) counts as zero and makes the
     * point {@link EquilibriumType#DEGENERATE}; otherwise the point is a minimum (index 0), a maximum
     * (index n) or a saddle. The method does not check that ∇V(x) = 0; {@link EquilibriumFinder} does.
     *
     * @param tolerance relative threshold for a zero eigenvalue, finite and ≥ 0 (1e-8 is a sensible choice)
     * @throws CoreException if the dimensions disagree, the tolerance is invalid or V or ∇²V is not finite at x
     */
    public static Equilibrium classify(ScalarField f, double[] point, double tolerance) {
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new CoreException("classification tolerance must be finite and >= 0, got " + tolerance);
        }
        int n = f.dimension();
        if (point.length != n) {
            throw new CoreException("point has " + point.length + " coordinates, expected " + n);
        }
        double[][] h = new double[n][n];
        double value = f.hessian(point, new double[n], h);
        if (!Double.isFinite(value)) {
            throw new CoreException(CoreException.Kind.NUMERICAL, "V is not finite at the point to classify: " + value);
        }
        SymmetricEigen eig = SymmetricEigen.of(h);
        double threshold = tolerance * Math.max(1.0, eig.spectralRadius());
        int negative = 0;
        boolean degenerate = false;
        for (double lambda : eig.values()) {
            if (Math.abs(lambda) <= threshold) {
                degenerate = true;
            } else if (lambda < 0) {
                negative++;
            }
        }
        EquilibriumType type = degenerate ? EquilibriumType.DEGENERATE
                : negative == 0 ? EquilibriumType.MINIMUM
                : negative == n ? EquilibriumType.MAXIMUM
                : EquilibriumType.SADDLE;
        return new Equilibrium(point, value, type, negative, eig.values(), eig.vectors());
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public double[][] eigenvectors() {
        return Vectors.copy(eigenvectors);
    }

    /** n. */
    public int dimension() {
        return point.length;
    }

    /** The unit eigenvector of {@code eigenvalues()[j]}. */
    public double[] eigenvector(int j) {
        double[] v = new double[point.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = eigenvectors[i][j];
        }
        return v;
    }

    /** Eigenvectors with λ &gt; 0, in ascending order of λ: the gradient flow contracts along them. */
    public List<double[]> stableDirections() {
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < eigenvalues.length; j++) {
            if (eigenvalues[j] > 0) {
                out.add(eigenvector(j));
            }
        }
        return out;
    }

    /** Eigenvectors with λ &lt; 0, in ascending order of λ: the gradient flow expands along them. */
    public List<double[]> unstableDirections() {
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < eigenvalues.length; j++) {
            if (eigenvalues[j] < 0) {
                out.add(eigenvector(j));
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Equilibrium e && java.util.Arrays.equals(point, e.point)
                && Double.compare(value, e.value) == 0 && type == e.type && index == e.index
                && java.util.Arrays.equals(eigenvalues, e.eigenvalues)
                && java.util.Arrays.deepEquals(eigenvectors, e.eigenvectors);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(point) * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return type.label() + " at " + java.util.Arrays.toString(point) + ", V = " + value + ", index " + index
                + ", eigenvalues " + java.util.Arrays.toString(eigenvalues);
    }
}
