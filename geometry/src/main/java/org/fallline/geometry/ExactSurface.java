package org.fallline.geometry;

import org.fallline.geometry.internal.AreaQuadrature;
import org.fallline.geometry.internal.EnneperGraph;

/**
 * Classical minimal graphs, used as boundary data (their trace on the boundary) and as exact solutions
 * (u everywhere, its gradient, and the exact area ∫_Ω √(1 + |∇u|²) dx dy).
 * <ul>
 * <li>{@link #SCHERK}: u = ln(cos y / cos x), minimal where |x|, |y| &lt; π/2 (Scherk 1835);</li>
 * <li>{@link #CATENOID}: u = arccosh r (c = 1), the upper half of the catenoid over r ≥ 1;</li>
 * <li>{@link #HELICOID}: u = θ = atan2(y, x), away from the origin and the cut θ = ±π;</li>
 * <li>{@link #ENNEPER}: Enneper's surface z(x, y) as a graph over the image of |w| &lt; 1 under
 *     w ↦ (Re(w̄ − w³/3), Im(w̄ − w³/3)) (Weierstrass data f = 2, g = w; Dierkes, Hildebrandt and
 *     Sauvigny, <i>Minimal Surfaces</i>, 2nd ed., Springer 2010, §3.5), evaluated by Newton inversion;</li>
 * <li>{@link #PLANE}: u = 0.3x − 0.4y + 0.1.</li>
 * </ul>
 * Exact areas: the plane's is |Ω|√1.25; the others are integrated by composite Gauss–Legendre
 * quadrature (tensor rules on rectangles, polar rules on disks, annuli and sectors, collapsed-square
 * rules on the triangles of a polygon), accurate to about 1e-13 relative on smooth integrands — the
 * reference values of Scherk, catenoid and helicoid are reproduced to that accuracy in the tests.
 */
public enum ExactSurface implements BoundaryData {

    /** u = ln(cos y / cos x). */
    SCHERK("scherk") {
        @Override
        public double height(double x, double y) {
            return Math.log(Math.cos(y) / Math.cos(x));
        }

        @Override
        public void gradient(double x, double y, double[] g) {
            g[0] = Math.tan(x);
            g[1] = -Math.tan(y);
        }

        @Override
        String undefinedAt(double x, double y) {
            return Math.abs(x) < Math.PI / 2 && Math.abs(y) < Math.PI / 2 ? null
                    : "Scherk's surface needs |x|, |y| < pi/2";
        }
    },

    /** u = arccosh r. */
    CATENOID("catenoid") {
        @Override
        public double height(double x, double y) {
            double r = Math.hypot(x, y);
            return Math.log(r + Math.sqrt(r * r - 1));
        }

        @Override
        public void gradient(double x, double y, double[] g) {
            double r2 = x * x + y * y;
            double s = 1 / Math.sqrt(r2 * (r2 - 1));
            g[0] = x * s;
            g[1] = y * s;
        }

        @Override
        String undefinedAt(double x, double y) {
            return Math.hypot(x, y) > 1 ? null : "the catenoid u = arccosh(r) needs r > 1";
        }
    },

    /** u = atan2(y, x). */
    HELICOID("helicoid") {
        @Override
        public double height(double x, double y) {
            return Math.atan2(y, x);
        }

        @Override
        public void gradient(double x, double y, double[] g) {
            double r2 = x * x + y * y;
            g[0] = -y / r2;
            g[1] = x / r2;
        }

        @Override
        String undefinedAt(double x, double y) {
            return x * x + y * y > 0 && !(x < 0 && Math.abs(y) <= 1e-9 * -x) ? null
                    : "the helicoid u = atan2(y, x) needs a domain avoiding the origin and the negative x axis";
        }
    },

    /** Enneper's surface as a graph. */
    ENNEPER("enneper") {
        @Override
        public double height(double x, double y) {
            return EnneperGraph.height(x, y);
        }

        @Override
        public void gradient(double x, double y, double[] g) {
            EnneperGraph.gradient(x, y, g);
        }

        @Override
        String undefinedAt(double x, double y) {
            return EnneperGraph.inside(x, y) ? null
                    : "Enneper's surface is a graph only over the image of |w| < 1 (it contains the disk r < 2/3)";
        }
    },

    /** u = 0.3x − 0.4y + 0.1. */
    PLANE("plane") {
        @Override
        public double height(double x, double y) {
            return 0.3 * x - 0.4 * y + 0.1;
        }

        @Override
        public void gradient(double x, double y, double[] g) {
            g[0] = 0.3;
            g[1] = -0.4;
        }

        @Override
        String undefinedAt(double x, double y) {
            return null;
        }

        @Override
        public double exactArea(Domain domain) {
            return domain.area() * Math.sqrt(1.25);
        }
    };

    private final String label;

    ExactSurface(String label) {
        this.label = label;
    }

    /** The name used on the command line. */
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return label;
    }

    /** Writes ∇u(x, y) into g (length 2). */
    public abstract void gradient(double x, double y, double[] g);

    // null where the surface is a smooth graph at (x, y), otherwise why not
    abstract String undefinedAt(double x, double y);

    /** The surface by its command-line name, or null. */
    public static ExactSurface byLabel(String name) {
        for (ExactSurface s : values()) {
            if (s.label.equals(name)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Checks that this surface is a smooth graph over the closed domain, sampling its boundary and
     * interior.
     *
     * @throws GeometryException (bad input) naming a point where it is not
     */
    public void checkDefinedOn(Domain domain) {
        AreaQuadrature.forEachSample(domain, (x, y) -> {
            String why = undefinedAt(x, y);
            if (why != null) {
                throw GeometryException.badInput(why + "; the domain reaches (" + (float) x + ", " + (float) y + ")");
            }
        });
    }

    /** The exact area ∫_Ω √(1 + |∇u|²) dx dy of the graph over {@code domain}. */
    public double exactArea(Domain domain) {
        checkDefinedOn(domain);
        double[] g = new double[2];
        return AreaQuadrature.integrate(domain, (x, y) -> {
            gradient(x, y, g);
            return Math.sqrt(1 + g[0] * g[0] + g[1] * g[1]);
        });
    }
}
