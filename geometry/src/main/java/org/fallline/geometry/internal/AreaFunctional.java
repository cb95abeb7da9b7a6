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
            for (int k = 0; k < 3; k++) {
                v[k] = mesh.corner(t, k);
                unk[k] = mesh.unknown(v[k]);
            }
            // basis gradients times 2|T|: ∇φ_a = (y_b − y_c, x_c − x_b)/(2|T|)
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
}
