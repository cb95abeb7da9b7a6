package org.fallline.core.interval;

/**
 * A closed real interval [lo, hi] (possibly unbounded, or empty) with outward-rounded arithmetic: every
 * operation returns an interval that contains f(x) for every x in the argument(s) where f is defined — the
 * inclusion property of interval arithmetic, f(X) ⊇ {f(x) : x ∈ X ∩ dom f}. Bounds computed in floating
 * point are moved one ulp outwards ({@link Math#nextDown}, {@link Math#nextUp}) after each correctly rounded
 * operation (+ − × ÷ √) and by as many ulps as the accuracy that {@link Math} documents for the elementary
 * functions (1 ulp for exp, log, sin, cos, tan, atan, pow; 2.5 ulps for sinh, cosh, tanh). Functions that
 * are not monotone take their extrema into account (cos at 2kπ and (2k+1)π, sin at π/2 + kπ, cosh at 0,
 * even powers at 0); tan over an interval that may hold a pole is the whole line.
 *
 * <p>An argument partly outside a function's domain (log or √ of an interval reaching below 0, a quotient
 * by an interval holding 0) is restricted to the domain; the result is empty when no point of the argument
 * is in the domain. Callers that need f to be defined on the whole interval check
 * {@link #within(double, double)} or the domain themselves.
 *
 * <p>References: R. E. Moore, R. B. Kearfott and M. J. Cloud, <i>Introduction to Interval Analysis</i>,
 * SIAM 2009, ch. 2–5 (arithmetic, outward rounding, elementary functions, the fundamental theorem of
 * interval arithmetic).
 *
 * @param lo the lower bound (−∞ allowed; NaN for the empty interval)
 * @param hi the upper bound (+∞ allowed; NaN for the empty interval)
 */
public record Interval(double lo, double hi) {

    /** The empty set. */
    public static final Interval EMPTY = new Interval(Double.NaN, Double.NaN);
    /** The whole real line. */
    public static final Interval ENTIRE = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    /** [0, 0]. */
    public static final Interval ZERO = new Interval(0, 0);

    private static final double TWO_PI_LO = Math.nextDown(2 * Math.PI);

    /** @throws IllegalArgumentException if lo &gt; hi, or exactly one bound is NaN */
    public Interval {
        if (Double.isNaN(lo) != Double.isNaN(hi) || lo > hi) {
            throw new IllegalArgumentException("not an interval: [" + lo + ", " + hi + "]");
        }
    }

    /** The degenerate interval [x, x]. */
    public static Interval of(double x) {
        return new Interval(x, x);
    }

    /** [lo, hi]. */
    public static Interval of(double lo, double hi) {
        return new Interval(lo, hi);
    }

    /** True for the empty set. */
    public boolean isEmpty() {
        return Double.isNaN(lo);
    }

    /** hi − lo (0 for the empty set), rounded up. */
    public double width() {
        return isEmpty() ? 0 : Math.nextUp(hi - lo);
    }

    /** (lo + hi)/2, a point of the interval (0 for the whole line). */
    public double midpoint() {
        if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double m = 0.5 * lo + 0.5 * hi;
        return Math.min(hi, Math.max(lo, m));
    }

    /** max(|lo|, |hi|), the magnitude. */
    public double magnitude() {
        return isEmpty() ? 0 : Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** True when x ∈ [lo, hi]. */
    public boolean contains(double x) {
        return lo <= x && x <= hi;
    }

    /** True when the interval lies in [a, b]. */
    public boolean within(double a, double b) {
        return !isEmpty() && a <= lo && hi <= b;
    }

    /** True when this interval lies in the interior (o.lo, o.hi) of the other. */
    public boolean inInteriorOf(Interval o) {
        return !isEmpty() && o.lo < lo && hi < o.hi;
    }

    /** The intersection. */
    public Interval intersect(Interval o) {
        double l = Math.max(lo, o.lo);
        double h = Math.min(hi, o.hi);
        return isEmpty() || o.isEmpty() || l > h ? EMPTY : new Interval(l, h);
    }

    /** The interval hull (smallest interval holding both). */
    public Interval hull(Interval o) {
        if (isEmpty()) {
            return o;
        }
        return o.isEmpty() ? this : new Interval(Math.min(lo, o.lo), Math.max(hi, o.hi));
    }

    /** Rounded outwards by one ulp on each side. */
    private static Interval out(double l, double h) {
        return out(l, h, 1);
    }

    /** Rounded outwards by k ulps on each side; NaN bounds (from ∞ − ∞) become infinite. */
    private static Interval out(double l, double h, int k) {
        double a = Double.isNaN(l) ? Double.NEGATIVE_INFINITY : l;
        double b = Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
        for (int i = 0; i < k; i++) {
            a = Math.nextDown(a);
            b = Math.nextUp(b);
        }
        return new Interval(a, b);
    }

    /** X + Y. */
    public Interval add(Interval o) {
        return isEmpty() || o.isEmpty() ? EMPTY : out(lo + o.lo, hi + o.hi);
    }

    /** X − Y. */
    public Interval subtract(Interval o) {
        return isEmpty() || o.isEmpty() ? EMPTY : out(lo - o.hi, hi - o.lo);
    }

    /** −X (exact). */
    public Interval negate() {
        return isEmpty() ? EMPTY : new Interval(-hi, -lo);
    }

    /** X · Y, with 0 · ∞ taken as 0. */
    public Interval multiply(Interval o) {
        if (isEmpty() || o.isEmpty()) {
            return EMPTY;
        }
        double a = times(lo, o.lo);
        double b = times(lo, o.hi);
        double c = times(hi, o.lo);
        double d = times(hi, o.hi);
        return out(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
    }

    private static double times(double a, double b) {
        return a == 0 || b == 0 ? 0 : a * b;
    }

    /** c · X for a number c. */
    public Interval multiply(double c) {
        return multiply(of(c));
    }

    /** X / Y over the points of Y other than 0 (the whole line when 0 is inside Y, empty when Y = [0, 0]). */
    public Interval divide(Interval o) {
        if (isEmpty() || o.isEmpty() || (o.lo == 0 && o.hi == 0)) {
            return EMPTY;
        }
        if (o.lo <= 0 && o.hi >= 0) {
            return ENTIRE;
        }
        double a = lo / o.lo;
        double b = lo / o.hi;
        double c = hi / o.lo;
        double d = hi / o.hi;
        return out(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
    }

    /** X². */
    public Interval square() {
        if (isEmpty()) {
            return EMPTY;
        }
        double a = lo * lo;
        double b = hi * hi;
        if (lo <= 0 && hi >= 0) {
            return new Interval(0, Math.nextUp(Math.max(a, b)));
        }
        return new Interval(Math.max(0, Math.nextDown(Math.min(a, b))), Math.nextUp(Math.max(a, b)));
    }

    /**
     * Xᶜ for a constant c, as {@link Math#pow}: for an integer c any X (even c: the minimum is at the point
     * of X nearest 0; negative c: 0 is outside the domain), otherwise X ∩ [0, ∞).
     */
    public Interval pow(double c) {
        if (isEmpty()) {
            return EMPTY;
        }
        if (c == 0) {
            return of(1);
        }
        if (c == 1) {
            return this;
        }
        boolean integer = c == Math.rint(c) && Math.abs(c) < 0x1p53;
        if (!integer) {
            Interval x = intersect(new Interval(0, Double.POSITIVE_INFINITY));
            if (x.isEmpty() || (c < 0 && x.hi == 0)) {
                return EMPTY;
            }
            if (c < 0 && x.lo == 0) {
                return new Interval(Math.max(0, Math.nextDown(Math.pow(x.hi, c))), Double.POSITIVE_INFINITY);
            }
            double a = Math.pow(x.lo, c);
            double b = Math.pow(x.hi, c);
            return clampBelow(out(Math.min(a, b), Math.max(a, b)), 0);
        }
        boolean even = Math.abs(c % 2) == 0;
        if (c < 0) {
            // 1 / X^|c| on the points of X other than 0
            return of(1).divide(pow(-c));
        }
        double a = Math.pow(lo, c);
        double b = Math.pow(hi, c);
        if (even) {
            return lo <= 0 && hi >= 0 ? new Interval(0, Math.nextUp(Math.max(a, b)))
                    : clampBelow(out(Math.min(a, b), Math.max(a, b)), 0);
        }
        return out(a, b);
    }

    private static Interval clampBelow(Interval x, double floor) {
        return x.lo >= floor ? x : new Interval(floor, Math.max(floor, x.hi));
    }

    private static Interval clamp(Interval x, double a, double b) {
        return new Interval(Math.max(a, Math.min(b, x.lo)), Math.min(b, Math.max(a, x.hi)));
    }

    /** eˣ (increasing). */
    public Interval exp() {
        return isEmpty() ? EMPTY : clampBelow(out(Math.exp(lo), Math.exp(hi)), 0);
    }

    /** log x over X ∩ (0, ∞) (increasing). */
    public Interval log() {
        if (isEmpty() || hi <= 0) {
            return EMPTY;
        }
        return out(lo <= 0 ? Double.NEGATIVE_INFINITY : Math.log(lo), Math.log(hi));
    }

    /** √x over X ∩ [0, ∞) (increasing). */
    public Interval sqrt() {
        if (isEmpty() || hi < 0) {
            return EMPTY;
        }
        return clampBelow(out(lo <= 0 ? 0 : Math.sqrt(lo), Math.sqrt(hi)), 0);
    }

    /** |x|. */
    public Interval abs() {
        if (isEmpty()) {
            return EMPTY;
        }
        if (lo >= 0) {
            return this;
        }
        return hi <= 0 ? negate() : new Interval(0, Math.max(-lo, hi));
    }

    /** cos x: the endpoints, and 1 or −1 where X holds 2kπ or (2k+1)π. */
    public Interval cos() {
        if (isEmpty()) {
            return EMPTY;
        }
        if (!(hi - lo < TWO_PI_LO)) {
            return new Interval(-1, 1);
        }
        double a = Math.cos(lo);
        double b = Math.cos(hi);
        Interval r = clamp(out(Math.min(a, b), Math.max(a, b)), -1, 1);
        double l = r.lo;
        double h = r.hi;
        if (holdsPoint(lo, hi, 0)) {
            h = 1;
        }
        if (holdsPoint(lo, hi, Math.PI)) {
            l = -1;
        }
        return new Interval(l, h);
    }

    /** sin x: the endpoints, and 1 or −1 where X holds π/2 + 2kπ or −π/2 + 2kπ. */
    public Interval sin() {
        if (isEmpty()) {
            return EMPTY;
        }
        if (!(hi - lo < TWO_PI_LO)) {
            return new Interval(-1, 1);
        }
        double a = Math.sin(lo);
        double b = Math.sin(hi);
        Interval r = clamp(out(Math.min(a, b), Math.max(a, b)), -1, 1);
        double l = r.lo;
        double h = r.hi;
        if (holdsPoint(lo, hi, Math.PI / 2)) {
            h = 1;
        }
        if (holdsPoint(lo, hi, -Math.PI / 2)) {
            l = -1;
        }
        return new Interval(l, h);
    }

    /**
     * True when [a, b] may hold a point c + 2kπ. The test is done with a margin of 10⁻¹² relative, so that a
     * rounding error can only make it say yes wrongly — which widens the result, as enclosure allows.
     */
    private static boolean holdsPoint(double a, double b, double c) {
        double ka = (a - c) / (2 * Math.PI);
        double kb = (b - c) / (2 * Math.PI);
        double margin = 1e-12 * Math.max(1, Math.max(Math.abs(ka), Math.abs(kb)));
        return Math.floor(kb + margin) >= Math.ceil(ka - margin);
    }

    /** tan x: increasing between poles; the whole line if X may hold a pole π/2 + kπ. */
    public Interval tan() {
        if (isEmpty()) {
            return EMPTY;
        }
        if (!(hi - lo < Math.PI / 2) || holdsPoint(lo, hi, Math.PI / 2) || holdsPoint(lo, hi, -Math.PI / 2)) {
            return ENTIRE;
        }
        return out(Math.tan(lo), Math.tan(hi));
    }

    /** sinh x (increasing). */
    public Interval sinh() {
        return isEmpty() ? EMPTY : out(Math.sinh(lo), Math.sinh(hi), 3);
    }

    /** cosh x (minimum 1 at 0). */
    public Interval cosh() {
        if (isEmpty()) {
            return EMPTY;
        }
        double a = Math.cosh(lo);
        double b = Math.cosh(hi);
        Interval r = clampBelow(out(Math.min(a, b), Math.max(a, b), 3), 1);
        return lo <= 0 && hi >= 0 ? new Interval(1, r.hi) : r;
    }

    /** tanh x (increasing). */
    public Interval tanh() {
        return isEmpty() ? EMPTY : clamp(out(Math.tanh(lo), Math.tanh(hi), 3), -1, 1);
    }

    /** atan x (increasing). */
    public Interval atan() {
        return isEmpty() ? EMPTY : clamp(out(Math.atan(lo), Math.atan(hi)), -Math.nextUp(Math.PI / 2),
                Math.nextUp(Math.PI / 2));
    }

    /** min(x, y) over x ∈ X, y ∈ Y. */
    public Interval min(Interval o) {
        return isEmpty() || o.isEmpty() ? EMPTY : new Interval(Math.min(lo, o.lo), Math.min(hi, o.hi));
    }

    /** max(x, y) over x ∈ X, y ∈ Y. */
    public Interval max(Interval o) {
        return isEmpty() || o.isEmpty() ? EMPTY : new Interval(Math.max(lo, o.lo), Math.max(hi, o.hi));
    }

    @Override
    public String toString() {
        return isEmpty() ? "[empty]" : "[" + lo + ", " + hi + "]";
    }
}
