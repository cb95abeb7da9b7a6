package org.fallline.geometry.internal;

import java.util.Arrays;

import org.fallline.geometry.TriangleMesh;

/**
 * The discrete area of a piecewise-linear graph and its exact derivatives with respect to the interior
 * heights. On triangle T with planar area |T| and nodal basis gradients ∇φ_k (constant on T), the graph
 * gradient is g = Σ u_k ∇φ_k and
 * <pre>
 *   A(u) = Σ_T |T| Q_T,                      Q_T = √(1 + |g|²),
 *   ∂A/∂u_k = Σ_T |T| (g·∇φ_k)/Q_T,
 *   ∂²A/∂u_k∂u_l = Σ_T |T| [ (∇φ_k·∇φ_l)/Q_T − (g·∇φ_k)(g·∇φ_l)/Q_T³ ].
 * </pre>
 * The Hessian is symmetric positive definite: on each triangle the 2 × 2 kernel I/Q − ggᵀ/Q³ has
 * eigenvalues 1/Q and 1/Q³. With Q ≡ 1 the same assembly gives the Dirichlet energy ½∫|∇u|² and the P1
 * stiffness matrix, whose minimiser is the harmonic extension of the boundary data. (The P1 discrete area
 * of e.g. MINPACK-2's minimal surface problem, Averick et al., ANL/MCS-TM-150, 1991.)
 */
public final class AreaFunctional {

    private final TriangleMesh mesh;
    private final SparsePattern pattern;
    private final boolean dirichlet;

    /**
     * @param dirichlet true for the Dirichlet energy ½∫|∇u|² (Q ≡ 1) instead of the area
     */
    public AreaFunctional(TriangleMesh mesh, SparsePattern pattern, boolean dirichlet) {
        this.mesh = mesh;
        this.pattern = pattern;
        this.dirichlet = dirichlet;
    }

    /** The mesh. */
    public TriangleMesh mesh() {
        return mesh;
    }

    /** The pattern of the Hessian. */
    public SparsePattern pattern() {
        return pattern;
    }

    /** A(u), u the heights at all vertices. */
    public double value(double[] u) {
        return evaluate(u, null, null);
    }

    /**
     * The value at u, with the gradient (by unknown) written into {@code gradient} and the Hessian
     * values into {@code hessian} (in {@link #pattern()} order) when these are non-null.
     */
    public double evaluate(double[] u, double[] gradient, double[] hessian) {
        if (gradient != null) {
            Arrays.fill(gradient, 0);
        }
        if (hessian != null) {
            Arrays.fill(hessian, 0);
        }
        int nt = mesh.triangles();
        int[] v = new int[3];
        int[] unk = new int[3];
        double[] px = new double[3];
        double[] py = new double[3];
        double[] gu = new double[3];
        double sum = 0;
        for (int t = 0; t < nt; t++) {
            // basis gradients: ∇φ_a = (y_b − y_c, x_c − x_b)/(2|T|)
            double d = basis(t, v, unk, px, py);
            double gx = u[v[0]] * px[0] + u[v[1]] * px[1] + u[v[2]] * px[2];
            double gy = u[v[0]] * py[0] + u[v[1]] * py[1] + u[v[2]] * py[2];
            double g2 = gx * gx + gy * gy;
            double area = 0.5 * d;
            double q = dirichlet ? 1 : Math.sqrt(1 + g2);
            sum += dirichlet ? 0.5 * area * g2 : area * q;
            if (gradient == null && hessian == null) {
                continue;
            }
            double invQ = 1 / q;
            for (int k = 0; k < 3; k++) {
                gu[k] = gx * px[k] + gy * py[k];
            }
            if (gradient != null) {
                for (int k = 0; k < 3; k++) {
                    if (unk[k] >= 0) {
                        gradient[unk[k]] += area * gu[k] * invQ;
                    }
                }
            }
            if (hessian != null) {
                double c1 = area * invQ;
                double c3 = dirichlet ? 0 : area * invQ * invQ * invQ;
                for (int k = 0; k < 3; k++) {
                    int i = unk[k];
                    if (i < 0) {
                        continue;
                    }
                    for (int l = 0; l < 3; l++) {
                        int j = unk[l];
                        if (j < 0) {
                            continue;
                        }
                        hessian[pattern.position(i, j)] += c1 * (px[k] * px[l] + py[k] * py[l]) - c3 * gu[k] * gu[l];
                    }
                }
            }
        }
        return sum;
    }

    /**
     * The residual of the discrete Dirichlet problem's linear part: writes into {@code rhs} the gradient at
     * u (unknown entries of u zero), so that the harmonic extension solves K u_I = −rhs.
     */
    public double[] gradientAt(double[] u) {
        double[] g = new double[mesh.unknowns()];
        evaluate(u, g, null);
        return g;
    }

    /**
     * Assembles the semi-implicit (Deckelnick–Dziuk) step matrix K_w + M_w/τ on the interior pattern, with
     * w_T = 1/Q_T from the heights u: K_w the stiffness Σ_T w_T |T| ∇φ_k·∇φ_l and M_w the consistent mass
     * Σ_T ω_T |T|(1 + δ_kl)/12, where ω_T = w_T for the geometric flow and 1 for the area-gradient flow.
     */
    public void flowMatrix(double[] u, double tau, boolean geometric, double[] values) {
        Arrays.fill(values, 0);
        int[] v = new int[3];
        int[] unk = new int[3];
        double[] px = new double[3];
        double[] py = new double[3];
        for (int t = 0; t < mesh.triangles(); t++) {
            double d = basis(t, v, unk, px, py);
            double gx = u[v[0]] * px[0] + u[v[1]] * px[1] + u[v[2]] * px[2];
            double gy = u[v[0]] * py[0] + u[v[1]] * py[1] + u[v[2]] * py[2];
            double area = 0.5 * d;
            double w = 1 / Math.sqrt(1 + gx * gx + gy * gy);
            double mass = (geometric ? w : 1) * area / (12 * tau);
            for (int k = 0; k < 3; k++) {
                if (unk[k] < 0) {
                    continue;
                }
                for (int l = 0; l < 3; l++) {
                    if (unk[l] < 0) {
                        continue;
                    }
                    values[pattern.position(unk[k], unk[l])] += w * area * (px[k] * px[l] + py[k] * py[l])
                            + mass * (k == l ? 2 : 1);
                }
            }
        }
    }

    /**
     * The lumped mass m_i = Σ_{T∋i} ω_T |T|/3 of every unknown, ω_T = 1/Q_T for the geometric flow and 1
     * for the area-gradient flow.
     */
    public void lumpedMass(double[] u, boolean geometric, double[] mass) {
        Arrays.fill(mass, 0);
        int[] v = new int[3];
        int[] unk = new int[3];
        double[] px = new double[3];
        double[] py = new double[3];
        for (int t = 0; t < mesh.triangles(); t++) {
            double d = basis(t, v, unk, px, py);
            double w = 1;
            if (geometric) {
                double gx = u[v[0]] * px[0] + u[v[1]] * px[1] + u[v[2]] * px[2];
                double gy = u[v[0]] * py[0] + u[v[1]] * py[1] + u[v[2]] * py[2];
                w = 1 / Math.sqrt(1 + gx * gx + gy * gy);
            }
            for (int k = 0; k < 3; k++) {
                if (unk[k] >= 0) {
                    mass[unk[k]] += w * d / 6;
                }
            }
        }
    }

    /**
     * The largest element eigenvalue max_T λ_max(k_T)/(|T|/3) of the P1 stiffness against the lumped mass:
     * by the element eigenvalue inequality (Irons and Treharne, <i>Int. J. Numer. Methods Eng.</i> 3 (1971))
     * and the mediant inequality it bounds λ_max(M_ω⁻¹ K_w) for every weighting w_T = ω_T ∈ (0, 1] or
     * ω_T = 1, w_T ∈ (0, 1], so forward Euler is stable for τ ≤ 2 / this bound at every state.
     */
    public double elementEigenvalueBound() {
        int[] v = new int[3];
        int[] unk = new int[3];
        double[] px = new double[3];
        double[] py = new double[3];
        double max = 0;
        for (int t = 0; t < mesh.triangles(); t++) {
            double d = basis(t, v, unk, px, py);
            double area = 0.5 * d;
            double[][] k = new double[3][3];
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    k[a][b] = area * (px[a] * px[b] + py[a] * py[b]);
                }
            }
            // k has the constants in its kernel: its other eigenvalues have sum tr k and product e2 (2x2 minors)
            double tr = k[0][0] + k[1][1] + k[2][2];
            double e2 = k[0][0] * k[1][1] - k[0][1] * k[0][1] + k[0][0] * k[2][2] - k[0][2] * k[0][2]
                    + k[1][1] * k[2][2] - k[1][2] * k[1][2];
            double lambda = 0.5 * (tr + Math.sqrt(Math.max(0, tr * tr - 4 * e2)));
            max = Math.max(max, lambda / (area / 3));
        }
        return max;
    }

    // corner vertices, unknowns and basis gradients of triangle t; returns 2|T|
    private double basis(int t, int[] v, int[] unk, double[] px, double[] py) {
        for (int k = 0; k < 3; k++) {
            v[k] = mesh.corner(t, k);
            unk[k] = mesh.unknown(v[k]);
        }
        double xa = mesh.x(v[0]);
        double xb = mesh.x(v[1]);
        double xc = mesh.x(v[2]);
        double ya = mesh.y(v[0]);
        double yb = mesh.y(v[1]);
        double yc = mesh.y(v[2]);
        double d = (xb - xa) * (yc - ya) - (xc - xa) * (yb - ya);
        px[0] = (yb - yc) / d;
        py[0] = (xc - xb) / d;
        px[1] = (yc - ya) / d;
        py[1] = (xa - xc) / d;
        px[2] = (ya - yb) / d;
        py[2] = (xb - xa) / d;
        return d;
    }
}
