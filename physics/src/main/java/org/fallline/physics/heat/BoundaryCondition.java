package org.fallline.physics.heat;

import java.util.Objects;

/**
 * The condition on one side of the domain, with n the outward normal:
 * <ul>
 * <li>Dirichlet: u = g;</li>
 * <li>Neumann: ∂u/∂n = g (g &gt; 0 lets heat flow in at the rate D·g per unit area);</li>
 * <li>Robin: a·u + b·∂u/∂n = g with a ≥ 0, b &gt; 0 (Newton's law of cooling for a/b the heat
 * transfer coefficient over the conductivity);</li>
 * <li>periodic: the side is glued to the opposite one (both sides of an axis must say so).</li>
 * </ul>
 * The data g is a function of the point on the side and of t; {@code null} means g = 0.
 *
 * @param kind  the kind of condition
 * @param a     the Robin coefficient of u (0 for the other kinds)
 * @param b     the Robin coefficient of ∂u/∂n (0 for the other kinds)
 * @param data  g, or null for homogeneous data
 */
public record BoundaryCondition(Kind kind, double a, double b, SpaceTimeFunction data) {

    /** The kinds of boundary condition. */
    public enum Kind {
        DIRICHLET, NEUMANN, ROBIN, PERIODIC;

        /** The lower-case name used on the command line. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BoundaryCondition {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.ROBIN) {
            if (!(Double.isFinite(a) && Double.isFinite(b)) || a < 0 || b <= 0) {
                throw org.fallline.physics.PhysicsException.badInput("robin:A,B needs A >= 0 and B > 0 (a*u + b*du/dn = g), got A = "
                        + a + ", B = " + b);
            }
        } else if (a != 0 || b != 0) {
            throw new IllegalArgumentException("only a Robin condition has coefficients");
        }
        if (kind == Kind.PERIODIC && data != null) {
            throw org.fallline.physics.PhysicsException.badInput("a periodic side takes no value");
        }
    }

    /** u = 0. */
    public static BoundaryCondition dirichlet() {
        return new BoundaryCondition(Kind.DIRICHLET, 0, 0, null);
    }

    /** u = g. */
    public static BoundaryCondition dirichlet(SpaceTimeFunction g) {
        return new BoundaryCondition(Kind.DIRICHLET, 0, 0, g);
    }

    /** ∂u/∂n = 0 (insulated). */
    public static BoundaryCondition neumann() {
        return new BoundaryCondition(Kind.NEUMANN, 0, 0, null);
    }

    /** ∂u/∂n = g. */
    public static BoundaryCondition neumann(SpaceTimeFunction g) {
        return new BoundaryCondition(Kind.NEUMANN, 0, 0, g);
    }

    /** a·u + b·∂u/∂n = g (g = null for 0). */
    public static BoundaryCondition robin(double a, double b, SpaceTimeFunction g) {
        return new BoundaryCondition(Kind.ROBIN, a, b, g);
    }

    /** Glued to the opposite side. */
    public static BoundaryCondition periodic() {
        return new BoundaryCondition(Kind.PERIODIC, 0, 0, null);
    }

    /** True when g = 0. */
    public boolean homogeneous() {
        return data == null;
    }

    /** True when the boundary node is an unknown (Neumann and Robin sides, with a ghost-point closure). */
    boolean nodeIsUnknown() {
        return kind == Kind.NEUMANN || kind == Kind.ROBIN;
    }

    /** "dirichlet", "robin:1,2", … */
    public String label() {
        return kind == Kind.ROBIN ? "robin:" + a + "," + b : kind.label();
    }
}
