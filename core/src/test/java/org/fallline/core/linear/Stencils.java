package org.fallline.core.linear;

import java.util.function.DoubleBinaryOperator;

/** Finite-difference operators used as test problems: Dirichlet-eliminated Laplacians, a diffusion operator. */
final class Stencils {

    private Stencils() {
    }

    /** −u'' on n interior nodes of (0, 1), h = 1/(n + 1), Dirichlet: tridiag(−1, 2, −1)/h². */
    static CsrMatrix laplacian1d(int n) {
        double h2 = Math.pow(n + 1, 2);
        CsrMatrix.Builder b = CsrMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            b.add(i, i, 2 * h2);
            if (i > 0) {
                b.add(i, i - 1, -h2);
            }
            if (i < n - 1) {
                b.add(i, i + 1, -h2);
            }
        }
        return b.build();
    }

    /** −Δu, 5-point, on n × n interior nodes of the unit square, h = 1/(n + 1), Dirichlet. */
    static CsrMatrix laplacian2d(int n) {
        return diffusion2d(n, (x, y) -> 1.0);
    }

    /**
     * −∇·(k∇u) in conservative form on n × n interior nodes of the unit square, k evaluated at the
     * mid-points of the edges, Dirichlet: row (i, j) has k_{i±½,j}, k_{i,j±½} off the diagonal (negated, /h²).
     */
    static CsrMatrix diffusion2d(int n, DoubleBinaryOperator k) {
        double h = 1.0 / (n + 1);
        double h2 = 1.0 / (h * h);
        GridShape g = GridShape.of(n, n);
        CsrMatrix.Builder b = CsrMatrix.builder(n * n, n * n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = (i + 1) * h;
                double y = (j + 1) * h;
                double kw = k.applyAsDouble(x - h / 2, y) * h2;
                double ke = k.applyAsDouble(x + h / 2, y) * h2;
                double ks = k.applyAsDouble(x, y - h / 2) * h2;
                double kn = k.applyAsDouble(x, y + h / 2) * h2;
                int row = g.index(i, j);
                b.add(row, row, kw + ke + ks + kn);
                if (i > 0) {
                    b.add(row, g.index(i - 1, j), -kw);
                }
                if (i < n - 1) {
                    b.add(row, g.index(i + 1, j), -ke);
                }
                if (j > 0) {
                    b.add(row, g.index(i, j - 1), -ks);
                }
                if (j < n - 1) {
                    b.add(row, g.index(i, j + 1), -kn);
                }
            }
        }
        return b.build();
    }

    /** −Δu, 7-point, on n³ interior nodes of the unit cube, Dirichlet. */
    static CsrMatrix laplacian3d(int n) {
        double h2 = Math.pow(n + 1, 2);
        GridShape g = GridShape.of(n, n, n);
        CsrMatrix.Builder b = CsrMatrix.builder(n * n * n, n * n * n);
        for (int l = 0; l < n; l++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int row = g.index(i, j, l);
                    b.add(row, row, 6 * h2);
                    if (i > 0) {
                        b.add(row, g.index(i - 1, j, l), -h2);
                    }
                    if (i < n - 1) {
                        b.add(row, g.index(i + 1, j, l), -h2);
                    }
                    if (j > 0) {
                        b.add(row, g.index(i, j - 1, l), -h2);
                    }
                    if (j < n - 1) {
                        b.add(row, g.index(i, j + 1, l), -h2);
                    }
                    if (l > 0) {
                        b.add(row, g.index(i, j, l - 1), -h2);
                    }
                    if (l < n - 1) {
                        b.add(row, g.index(i, j, l + 1), -h2);
                    }
                }
            }
        }
        return b.build();
    }

    /**
     * I + τ(−Δ_h) on an n × n grid of the unit square including the boundary nodes with homogeneous Neumann
     * conditions by reflection (h = 1/(n − 1)), symmetrised by the half weights of edge and corner cells —
     * the matrix of an implicit heat step with insulated sides.
     */
    static CsrMatrix neumannHeatStep2d(int n, double tau) {
        double h = 1.0 / (n - 1);
        GridShape g = GridShape.of(n, n);
        CsrMatrix.Builder b = CsrMatrix.builder(n * n, n * n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int row = g.index(i, j);
                double wi = (i == 0 || i == n - 1) ? 0.5 : 1.0;
                double wj = (j == 0 || j == n - 1) ? 0.5 : 1.0;
                // Mass-weighted form: cell area h²·wi·wj on the diagonal, edge fluxes between neighbours.
                b.add(row, row, wi * wj);
                if (i < n - 1) {
                    double c = tau * wj;
                    int east = g.index(i + 1, j);
                    b.add(row, row, c / (h * h));
                    b.add(east, east, c / (h * h));
                    b.add(row, east, -c / (h * h));
                    b.add(east, row, -c / (h * h));
                }
                if (j < n - 1) {
                    double c = tau * wi;
                    int north = g.index(i, j + 1);
                    b.add(row, row, c / (h * h));
                    b.add(north, north, c / (h * h));
                    b.add(row, north, -c / (h * h));
                    b.add(north, row, -c / (h * h));
                }
            }
        }
        return b.build();
    }

    /** I + τ(−Δ_h) on an n × n periodic grid of the unit torus (h = 1/n): rows that wrap around. */
    static CsrMatrix periodicHeatStep2d(int n, double tau) {
        double c = tau * n * n;
        GridShape g = GridShape.of(n, n);
        CsrMatrix.Builder b = CsrMatrix.builder(n * n, n * n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int row = g.index(i, j);
                b.add(row, row, 1 + 4 * c);
                b.add(row, g.index((i + 1) % n, j), -c);
                b.add(row, g.index((i + n - 1) % n, j), -c);
                b.add(row, g.index(i, (j + 1) % n), -c);
                b.add(row, g.index(i, (j + n - 1) % n), -c);
            }
        }
        return b.build();
    }
}
