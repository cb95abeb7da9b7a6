package org.fallline.core.equilibrium;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.fallline.core.CoreException;
import org.fallline.core.ProgressListener;
import org.fallline.core.field.Box;
import org.fallline.core.field.Expression;
import org.fallline.core.internal.IntervalDerivatives;
import org.fallline.core.internal.SymmetricEigen;
import org.fallline.core.interval.Interval;

/**
 * Every critical point ∇V = 0 of an expression in a box, with a proof that none is missing: interval Newton
 * in Krawczyk's form with bisection, on the interval extension of ∇V and ∇²V
 * ({@link org.fallline.core.interval.Interval}).
 *
 * <p>Each sub-box X, starting from the whole box, is
 * <ul>
 * <li><b>excluded</b> when 0 ∉ ∇ᵢV(X) for some i (no point of X is critical), or when K(X) ∩ X = ∅;</li>
 * <li><b>proved</b> to hold exactly one critical point when K(X) ⊂ int X, where
 * K(X) = m − Y∇V(m) + (I − Y∇²V(X))(X − m), m the midpoint of X, Y ≈ ∇²V(m)⁻¹ (Krawczyk's theorem; the
 * point is then located by iterating X ← K(X) ∩ X, and classified as {@link Equilibrium#classify} does);</li>
 * <li>otherwise cut in two across its widest side (relative to the box), slightly off the middle so that a
 * symmetric box does not put a critical point such as 0 on the face between two halves, where no box
 * could prove it;</li>
 * <li><b>undecided</b> when it reaches the depth limit (number of cuts) — because ∇²V is singular there
 * (a degenerate critical point), V is not smooth on it, or simply too deep — or when the time limit runs
 * out, or when {@value #DEFAULT_MAX_UNDECIDED} (by default) boxes are undecided already — as happens along a
 * curve of critical points or of kinks.</li>
 * </ul>
 * The list is complete (and {@link EquilibriumSearch#complete()} true) when no sub-box stays undecided. A
 * critical point on the boundary of the box cannot be proved (K(X) ⊂ int X fails) and leaves an undecided box.
 * V is the function the expression computes in double arithmetic with its constants as parsed; the
 * enclosures round outwards, so rounding errors cannot hide a critical point.
 *
 * <p>References: R. Krawczyk, Newton-Algorithmen zur Bestimmung von Nullstellen mit Fehlerschranken,
 * Computing 4 (1969) 187–201; R. E. Moore, A test for existence of solutions to nonlinear systems,
 * SIAM J. Numer. Anal. 14 (1977) 611–615; R. E. Moore, R. B. Kearfott and M. J. Cloud, <i>Introduction to
 * Interval Analysis</i>, SIAM 2009, §8.2–8.4 (the Krawczyk method, existence and uniqueness, bisection).
 */
public final class CertifiedEquilibriumFinder {

    /** Default largest number of cuts from the whole box to a sub-box. */
    public static final int DEFAULT_MAX_DEPTH = 60;
    /** Default number of undecided boxes after which the search stops. */
    public static final int DEFAULT_MAX_UNDECIDED = 1000;
    /** Default time limit. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    /** Cut position as a fraction of the side: near ½, off it so that symmetric boxes are not cut through 0. */
    private static final double CUT = 0.4873;
    /** Progress is reported in millionths of the box volume decided. */
    private static final long PROGRESS_UNITS = 1_000_000;

    private final int maxDepth;
    private final int maxUndecided;
    private final Duration timeLimit;
    private final double classificationTolerance;

    private CertifiedEquilibriumFinder(Builder b) {
        this.maxDepth = b.maxDepth;
        this.maxUndecided = b.maxUndecided;
        this.timeLimit = b.timeLimit;
        this.classificationTolerance = b.classificationTolerance;
    }

    /** Options, each with a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The largest number of cuts from the whole box to a sub-box. */
    public int maxDepth() {
        return maxDepth;
    }

    /** The number of undecided boxes after which the search stops. */
    public int maxUndecided() {
        return maxUndecided;
    }

    /** The time after which the boxes not yet examined are reported undecided. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /**
     * The critical points of f in the box, each proved to be the only one in its enclosure, and the sub-boxes
     * that could not be decided.
     *
     * @param progress told the fraction of the box decided so far, in millionths
     * @throws CoreException if the box dimension differs from the field's
     */
    public EquilibriumSearch search(Expression f, Box box, ProgressListener progress) {
        FinderChecks.sameDimension(f, box);
        IntervalDerivatives extension = IntervalDerivatives.of(f.text(), f.variables());
        Krawczyk krawczyk = new Krawczyk(f, extension);
        long start = System.nanoTime();
        long budget = timeLimit.toNanos();
        Deque<Cell> stack = new ArrayDeque<>();
        stack.push(new Cell(toIntervals(box), 0, 1.0));
        List<double[]> roots = new ArrayList<>();
        List<Interval[]> enclosures = new ArrayList<>();
        List<EquilibriumSearch.UndecidedBox> undecided = new ArrayList<>();
        long boxes = 0;
        double decided = 0;
        long reported = -1;
        while (!stack.isEmpty()) {
            boolean late = System.nanoTime() - start > budget; // a difference of nanoTimes cannot overflow
            if (late || undecided.size() >= maxUndecided) {
                // a line or surface of critical points, or of kinks, would otherwise be listed box by box
                EquilibriumSearch.Reason reason = late ? EquilibriumSearch.Reason.TIME_LIMIT
                        : EquilibriumSearch.Reason.UNDECIDED_LIMIT;
                for (Cell c : stack) {
                    undecided.add(new EquilibriumSearch.UndecidedBox(toBox(c.x), reason));
                }
                break;
            }
            Cell cell = stack.pop();
            boxes++;
            Krawczyk.Verdict v = krawczyk.examine(cell.x);
            if (v.outcome == Krawczyk.Outcome.EXCLUDED || v.outcome == Krawczyk.Outcome.PROVED) {
                if (v.outcome == Krawczyk.Outcome.PROVED) {
                    Interval[] tight = krawczyk.contract(cell.x);
                    roots.add(midpoint(tight));
                    enclosures.add(tight);
                }
                decided += cell.volume;
            } else if (cell.depth >= maxDepth || !splittable(v.x)) {
                EquilibriumSearch.Reason reason = !v.smooth ? EquilibriumSearch.Reason.NOT_SMOOTH
                        : v.singular ? EquilibriumSearch.Reason.SINGULAR : EquilibriumSearch.Reason.DEPTH_LIMIT;
                undecided.add(new EquilibriumSearch.UndecidedBox(toBox(cell.x), reason));
                decided += cell.volume;
            } else {
                int k = widest(v.x, box);
                Interval side = v.x[k];
                double cut = side.lo() + CUT * (side.hi() - side.lo());
                Interval[] left = v.x.clone();
                Interval[] right = v.x.clone();
                left[k] = Interval.of(side.lo(), cut);
                right[k] = Interval.of(cut, side.hi());
                // the contraction X ∩ K(X) removed no critical point; what it removed counts as decided
                double kept = cell.volume * relativeVolume(v.x, cell.x);
                decided += cell.volume - kept;
                stack.push(new Cell(right, cell.depth + 1, kept * (1 - CUT)));
                stack.push(new Cell(left, cell.depth + 1, kept * CUT));
            }
            long now = Math.min(PROGRESS_UNITS - 1, (long) (decided * PROGRESS_UNITS));
            if (now != reported) {
                progress.progress(now, PROGRESS_UNITS);
                reported = now;
            }
        }
        progress.progress(PROGRESS_UNITS, PROGRESS_UNITS);
        List<Equilibrium> equilibria = EquilibriumFinder.classifyAndSort(f, roots, box, classificationTolerance);
        List<Box> ordered = new ArrayList<>();
        for (Equilibrium e : equilibria) {
            double[] p = e.point();
            for (int r = 0; r < roots.size(); r++) {
                if (Arrays.equals(roots.get(r), p)) {
                    ordered.add(toBox(enclosures.get(r)));
                    break;
                }
            }
        }
        EquilibriumSearch.Certification certification = new EquilibriumSearch.Certification(boxes, ordered, undecided);
        return new EquilibriumSearch(equilibria, EquilibriumSearch.Method.CERTIFIED, undecided.isEmpty(),
                Optional.empty(), Optional.of(certification));
    }

    /** A sub-box on the stack, with its number of cuts and its share of the volume of the whole box. */
    private record Cell(Interval[] x, int depth, double volume) {
    }

    private static boolean splittable(Interval[] x) {
        for (Interval xi : x) {
            double cut = xi.lo() + CUT * (xi.hi() - xi.lo());
            if (xi.lo() < cut && cut < xi.hi()) {
                return true;
            }
        }
        return false;
    }

    /** The side to cut: the widest relative to the box's width in that coordinate. */
    private static int widest(Interval[] x, Box box) {
        int best = 0;
        double widest = -1;
        for (int i = 0; i < x.length; i++) {
            double w = (x[i].hi() - x[i].lo()) / box.width(i);
            double cut = x[i].lo() + CUT * (x[i].hi() - x[i].lo());
            if (w > widest && x[i].lo() < cut && cut < x[i].hi()) {
                widest = w;
                best = i;
            }
        }
        return best;
    }

    private static double relativeVolume(Interval[] inner, Interval[] outer) {
        double r = 1;
        for (int i = 0; i < inner.length; i++) {
            double w = outer[i].hi() - outer[i].lo();
            r *= w > 0 ? (inner[i].hi() - inner[i].lo()) / w : 1;
        }
        return r;
    }

    private static Interval[] toIntervals(Box box) {
        double[] lo = box.lower();
        double[] hi = box.upper();
        Interval[] x = new Interval[lo.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Interval.of(lo[i], hi[i]);
        }
        return x;
    }

    private static Box toBox(Interval[] x) {
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            lo[i] = x[i].lo();
            // a Box needs lo < hi; a side contracted to a point is widened by one ulp
            hi[i] = x[i].hi() > x[i].lo() ? x[i].hi() : Math.nextUp(x[i].lo());
        }
        return new Box(lo, hi);
    }

    static double[] midpoint(Interval[] x) {
        double[] m = new double[x.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = x[i].midpoint();
        }
        return m;
    }

    /** The Krawczyk test on one sub-box. */
    private static final class Krawczyk {
        enum Outcome { EXCLUDED, PROVED, UNDECIDED }

        /** The outcome, the box after contraction by K, and why it could not be decided. */
        record Verdict(Outcome outcome, Interval[] x, boolean smooth, boolean singular) {
        }

        private final Expression f;
        private final IntervalDerivatives extension;
        private final int n;

        Krawczyk(Expression f, IntervalDerivatives extension) {
            this.f = f;
            this.extension = extension;
            this.n = f.dimension();
        }

        Verdict examine(Interval[] x) {
            IntervalDerivatives.Enclosure e = extension.over(x);
            for (Interval gi : e.gradient()) {
                if (!gi.contains(0)) {
                    return new Verdict(Outcome.EXCLUDED, x, e.smooth(), false);
                }
            }
            if (!e.smooth()) {
                return new Verdict(Outcome.UNDECIDED, x, false, false);
            }
            Interval[] k = operator(x, e.hessian());
            if (k == null) {
                return new Verdict(Outcome.UNDECIDED, x, true, true);
            }
            boolean inside = true;
            Interval[] meet = new Interval[n];
            for (int i = 0; i < n; i++) {
                meet[i] = k[i].intersect(x[i]);
                if (meet[i].isEmpty()) {
                    return new Verdict(Outcome.EXCLUDED, x, true, false);
                }
                inside &= k[i].inInteriorOf(x[i]);
            }
            if (inside) {
                return new Verdict(Outcome.PROVED, x, true, false);
            }
            return new Verdict(Outcome.UNDECIDED, meet, true, singular);
        }

        private boolean singular;

        /**
         * K(X) = m − Y∇V(m) + (I − Y∇²V(X))(X − m), or null when ∇²V(m) is numerically singular. Also records
         * whether ‖I − Y∇²V(X)‖∞ ≥ 1, in which case ∇²V(X) may hold a singular matrix.
         */
        Interval[] operator(Interval[] x, Interval[][] jacobian) {
            double[] m = midpoint(x);
            double[][] h = new double[n][n];
            f.hessian(m, new double[n], h);
            double[][] y = inverse(h);
            singular = true;
            if (y == null) {
                return null;
            }
            Interval[] point = new Interval[n];
            for (int i = 0; i < n; i++) {
                point[i] = Interval.of(m[i]);
            }
            Interval[] gm = extension.over(point).gradient();
            Interval[] k = new Interval[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                Interval yg = Interval.ZERO;
                for (int l = 0; l < n; l++) {
                    yg = yg.add(gm[l].multiply(y[i][l]));
                }
                Interval ki = Interval.of(m[i]).subtract(yg);
                double row = 0;
                for (int j = 0; j < n; j++) {
                    Interval mij = Interval.of(i == j ? 1 : 0);
                    for (int l = 0; l < n; l++) {
                        mij = mij.subtract(jacobian[l][j].multiply(y[i][l]));
                    }
                    row += mij.magnitude();
                    ki = ki.add(mij.multiply(x[j].subtract(Interval.of(m[j]))));
                }
                norm = Math.max(norm, row);
                k[i] = ki;
            }
            singular = !(norm < 1);
            return k;
        }

        /** ∇²V(m)⁻¹ from its eigen-decomposition, or null when it is not finite or |λ|min ≤ 1e-12 |λ|max. */
        private double[][] inverse(double[][] h) {
            for (double[] row : h) {
                for (double v : row) {
                    if (!Double.isFinite(v)) {
                        return null;
                    }
                }
            }
            SymmetricEigen eig = SymmetricEigen.of(h);
            double radius = eig.spectralRadius();
            for (double l : eig.values()) {
                if (!(Math.abs(l) > 1e-12 * radius)) {
                    return null;
                }
            }
            double[][] y = new double[n][];
            for (int j = 0; j < n; j++) {
                double[] unit = new double[n];
                unit[j] = 1;
                double[] column = eig.apply(l -> 1.0 / l, unit);
                y[j] = column; // symmetric, so column j is row j
            }
            return y;
        }

        /** X ← K(X) ∩ X while the box keeps shrinking: the unique critical point stays inside. */
        Interval[] contract(Interval[] x) {
            Interval[] current = x;
            for (int iteration = 0; iteration < 60; iteration++) {
                IntervalDerivatives.Enclosure e = extension.over(current);
                Interval[] k = operator(current, e.hessian());
                if (k == null) {
                    return current;
                }
                Interval[] next = new Interval[n];
                boolean shrank = false;
                for (int i = 0; i < n; i++) {
                    next[i] = k[i].intersect(current[i]);
                    if (next[i].isEmpty()) {
                        return current;
                    }
                    shrank |= next[i].width() < current[i].width();
                }
                if (!shrank) {
                    return next;
                }
                current = next;
            }
            return current;
        }
    }

    /** Options of a {@link CertifiedEquilibriumFinder}. */
    public static final class Builder {
        private int maxDepth = DEFAULT_MAX_DEPTH;
        private int maxUndecided = DEFAULT_MAX_UNDECIDED;
        private Duration timeLimit = DEFAULT_TIME_LIMIT;
        private double classificationTolerance = FinderChecks.DEFAULT_CLASSIFICATION_TOLERANCE;

        private Builder() {
        }

        /** The largest number of cuts from the whole box to a sub-box, in [1, 1000] (default 60). */
        public Builder maxDepth(int value) {
            maxDepth = FinderChecks.inRange(value, 1, 1000, "max depth");
            return this;
        }

        /**
         * The number of undecided boxes, ≥ 1, after which the search stops and reports the boxes not yet examined
         * as undecided too (default {@value CertifiedEquilibriumFinder#DEFAULT_MAX_UNDECIDED}).
         */
        public Builder maxUndecided(int value) {
            maxUndecided = FinderChecks.atLeastOne(value, "max undecided boxes");
            return this;
        }

        /** The time limit, &gt; 0 (default 60 s). */
        public Builder timeLimit(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new CoreException("time limit must be > 0, got " + value);
            }
            timeLimit = value;
            return this;
        }

        /** Relative threshold for a zero Hessian eigenvalue, finite and ≥ 0 (default 1e-8). */
        public Builder classificationTolerance(double value) {
            classificationTolerance = FinderChecks.classificationTolerance(value);
            return this;
        }

        public CertifiedEquilibriumFinder build() {
            return new CertifiedEquilibriumFinder(this);
        }
    }
}
