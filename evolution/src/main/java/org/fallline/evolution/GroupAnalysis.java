package org.fallline.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumType;
import org.fallline.core.field.QuadraticField;
import org.fallline.evolution.internal.Canonical;
import org.fallline.evolution.internal.GroupAccumulator;
import org.fallline.evolution.internal.LeastSquares;
import org.fallline.evolution.internal.MahalanobisExtremes;
import org.fallline.evolution.internal.OlsSummary;
import org.fallline.evolution.internal.PolynomialBasis;
import org.fallline.evolution.internal.RowStore;
import org.fallline.evolution.internal.ShiftedDesign;
import org.fallline.evolution.internal.StandardizedMoments;

/**
 * The least-squares part of the analysis of one group, from its one-pass sums: checks, S and C, the
 * first- and second-order fits, the canonical analysis and double regression, the stationary point and
 * the predicted response. Covariates enter every fit as columns after the trait terms (so β, γ, θ and the
 * eigenvalues are partial of them); their coefficients are reported from the second-order model (the
 * first-order one without it). S, C and the phenotypic covariance P are those of the same rows, without
 * the covariates.
 */
final class GroupAnalysis {

    /** Relative size below which an eigenvalue of γ counts as zero (the core's classification tolerance). */
    static final double CLASSIFICATION_TOLERANCE = 1e-8;

    private final SelectionOptions options;
    private final List<String> traits;
    private final int k;
    private final double[][] g;
    private final boolean byGroups;
    private List<String> covariateNames = List.of();

    /** The parts the resampling and GLM steps build on. */
    record Fitted(GroupReport report, StandardizedMoments moments) {
    }

    GroupAnalysis(SelectionOptions options, double[][] reorderedG) {
        this.options = options;
        this.traits = options.traits();
        this.k = traits.size();
        this.g = reorderedG;
        this.byGroups = options.by().isPresent();
    }

    /** "group 'x'" or "the data", for messages. */
    String where(String label) {
        return byGroups ? "group '" + label + "'" : "the data";
    }

    /** " in group 'x'" or "", for messages. */
    private String in(String label) {
        return byGroups ? " in group '" + label + "'" : "";
    }

    Fitted analyze(GroupAccumulator acc) {
        String label = acc.key();
        check(acc);
        ShiftedDesign sums = acc.sums();
        long n = sums.n();
        StandardizedMoments sm = new StandardizedMoments(sums, options.standardization());
        if (sm.overflowColumn() >= 0) {
            throw beyondDoublePrecision(sm, sm.overflowColumn(), label);
        }
        if (sm.covariateOverflowColumn() >= 0) {
            throw new SelectionException("--covariates: values of '" + sm.coding().columnNames()
                    .get(sm.covariateOverflowColumn()) + "'" + in(label) + " are too far from 1 for double precision:"
                    + " their squares or sums overflow; rescale the column (for example to other units)");
        }
        double wbar = sm.meanFitness();
        double scale = sm.relativeScale();
        double offset = sm.relativeOffset();
        double[] xy = sm.sumPsiFitness();
        double[] sumPsi = sm.sumPsi();
        int p1 = PolynomialBasis.firstOrderSize(k);

        int r = sm.covariateColumns();
        int q = PolynomialBasis.secondOrderSize(k);
        covariateNames = sm.coding().columnNames();
        double[][] d1 = sm.design(p1);
        LeastSquares.Solution s1 = LeastSquares.solve(d1, n);
        if (s1.aliased().length > 0) {
            throw collinearTraits(d1, s1, label, p1);
        }
        OlsSummary o1 = OlsSummary.of(s1, scale, offset, "the first-order model" + in(label));
        List<Coefficient> beta = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            beta.add(o1.coefficient(1 + i, traits.get(i)));
        }
        SelectionGradient gradient = new SelectionGradient(o1.coefficient(0, "(Intercept)"), beta, o1.fit());

        double ebar = sm.sumFitness() / n;
        double[] sPop = new double[k];
        double[] sSamp = new double[k];
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            int li = PolynomialBasis.linear(i);
            sPop[i] = (xy[li] - ebar * sumPsi[li]) * scale / n;
            sSamp[i] = sPop[i] * n / (n - 1);
            for (int j = i; j < k; j++) {
                int qij = PolynomialBasis.quadratic(k, i, j);
                double v = (xy[qij] - ebar * sumPsi[qij]) * scale / n;
                c[i][j] = i == j ? 2 * v : v;
                c[j][i] = c[i][j];
            }
        }
        SelectionDifferentials differentials = new SelectionDifferentials(traits, sPop, sSamp, c);

        // P⁻¹ = (n − 1)(ZᵀZ)⁻¹: z is centred, so the z-block of the first-order inverse is (ZᵀZ)⁻¹.
        double[][] inv1 = r == 0 ? s1.inverse() : LeastSquares.solve(sm.plainDesign(p1), n).inverse();
        double[][] pInv = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                pInv[i][j] = (n - 1) * inv1[1 + i][1 + j];
            }
        }

        Optional<QuadraticSelectionMatrix> quadratic = Optional.empty();
        Optional<CanonicalAnalysis> canonical = Optional.empty();
        Optional<StationaryPoint> stationary = Optional.empty();
        List<Coefficient> covariates = new ArrayList<>();
        double held = 0.0;
        if (options.quadratic()) {
            LeastSquares.Solution s2 = LeastSquares.solve(sm.design(), n);
            if (s2.aliased().length > 0) {
                throw singularSecondOrder(s2.aliased(), label, q);
            }
            OlsSummary o2 = OlsSummary.of(s2, scale, offset, "the second-order model" + in(label));
            List<Coefficient> gamma = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    gamma.add(o2.coefficient(PolynomialBasis.quadratic(k, i, j), pair(i, j)));
                }
            }
            List<Coefficient> linear = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                linear.add(o2.coefficient(1 + i, traits.get(i)));
            }
            QuadraticSelectionMatrix qsm = new QuadraticSelectionMatrix(traits, o2.coefficient(0, "(Intercept)"), gamma, linear,
                    o2.fit());
            quadratic = Optional.of(qsm);
            double[][] gm = qsm.matrix();
            Canonical can = Canonical.of(gm);
            canonical = Optional.of(canonicalAnalysis(can, sm, scale, offset, label));
            held = atMeans(o2, q, sm);
            stationary = Optional.of(stationaryPoint(gm, qsm.linearValues(), o2.estimate(0) + held, can, sm, pInv,
                    acc));
            for (int j = 0; j < r; j++) {
                covariates.add(o2.coefficient(q + j, covariateNames.get(j)));
            }
        } else {
            for (int j = 0; j < r; j++) {
                covariates.add(o1.coefficient(p1 + j, covariateNames.get(j)));
            }
        }

        Optional<PredictedResponse> response = Optional.empty();
        if (g != null) {
            double[] c0 = sm.scale();
            double[] bx = new double[k];
            for (int i = 0; i < k; i++) {
                bx[i] = beta.get(i).estimate() / c0[i];
            }
            List<Coefficient> dz = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                double v = 0;
                for (int j = 0; j < k; j++) {
                    v += g[i][j] * bx[j];
                }
                dz.add(Coefficient.of(traits.get(i), v));
            }
            response = Optional.of(new PredictedResponse(traits, bx, dz, g));
        }

        List<String> notes = new ArrayList<>();
        if (acc.dropped() > 0) {
            boolean withCovariates = !options.covariates().isEmpty();
            notes.add(acc.dropped() + (acc.dropped() == 1 ? " row" : " rows") + in(label)
                    + " dropped for a missing fitness" + (withCovariates ? ", trait or covariate" : " or trait")
                    + " value (line" + (acc.dropped() == 1 ? " " : "s ")
                    + acc.droppedLines().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (acc.dropped() > acc.droppedLines().size() ? ", …" : "") + ")"
                    + (withCovariates ? "; " + acc.droppedForCovariate() + " of them for a missing covariate ("
                    + String.join(", ", options.covariates()) + "), before fitness was relativised and traits"
                    + " standardised" : ""));
        }
        options.geneticCovariance().ifPresent(gc -> notes.addAll(gc.scaleNotes(traits, sm.sd(), in(label))));
        GroupReport report = new GroupReport(label, n, acc.dropped(), acc.droppedLines(), wbar, traits, sm.mean(),
                sm.sd(), sm.scale(), differentials, gradient, quadratic, canonical, stationary, List.of(), response, 0,
                0, notes, covariates, held);
        return new Fitted(report, sm);
    }

    /**
     * The fitted surface's shift when the numeric covariates are held at their means (categorical ones at
     * their reference level): Σ θ<sub>c</sub>·mean(c) over the numeric covariates' columns, on relative fitness.
     */
    private static double atMeans(OlsSummary o2, int q, StandardizedMoments sm) {
        double[] means = sm.covariateMeans();
        double s = 0;
        for (int j = 0; j < means.length; j++) {
            if (!sm.coding().isCategorical(sm.coding().covariateOf(j))) {
                s += o2.estimate(q + j) * means[j];
            }
        }
        return s;
    }

    private String pair(int i, int j) {
        return traits.get(i) + ":" + traits.get(j);
    }

    /** Bad input that makes the group unanalysable, found before any fit. */
    private void check(GroupAccumulator acc) {
        String label = acc.key();
        String where = where(label);
        long n = acc.complete();
        if (n == 0) {
            String why = acc.dropped() == 0 ? "" : ": all " + acc.dropped() + " of its rows have a missing fitness"
                    + (options.covariates().isEmpty() ? " or trait" : ", trait or covariate") + " value (first at line "
                    + acc.droppedLines().get(0) + ")" + (acc.droppedForCovariate() == 0 ? "" : ", "
                    + acc.droppedForCovariate() + " of them a missing covariate ("
                    + String.join(", ", options.covariates()) + ")");
            throw new SelectionException(where + " has no complete rows" + why);
        }
        // covariate columns are parameters of every model too
        int r = acc.coding().width();
        int p1 = PolynomialBasis.firstOrderSize(k) + r;
        int p2 = PolynomialBasis.secondOrderSize(k) + r;
        String traitWord = (k == 1 ? " trait" : " traits") + (r == 0 ? "" : " and " + r + " covariate column"
                + (r == 1 ? "" : "s"));
        if (options.quadratic() && n < p2 + 1) {
            throw new SelectionException("the second-order model of " + k + traitWord + " needs at least " + (p2 + 1)
                    + " individuals, " + where + " has " + n + ": use fewer traits" + (r == 0 ? "" : " or covariates")
                    + " or the first-order model alone");
        }
        if (n < p1 + 1) {
            throw new SelectionException("the first-order model of " + k + traitWord + " needs at least " + (p1 + 1)
                    + " individuals, " + where + " has " + n + ": use fewer traits" + (r == 0 ? "" : " or covariates"));
        }
        if (acc.maxFitness() <= 0) {
            throw new SelectionException("mean fitness is 0 in " + where
                    + ": every individual has fitness 0, so relative fitness W/mean(W) is undefined");
        }
        if (acc.minFitness() == acc.maxFitness()) {
            throw new SelectionException("fitness is the same (" + num(acc.minFitness()) + ") for every individual in "
                    + where + ": there is no variation in fitness to measure selection from");
        }
        if (!Double.isFinite(square(acc.maxFitness()) * n * n)) {
            throw new SelectionException("fitness values up to " + acc.maxFitness() + " in " + where
                    + " are too large to analyse: their sums of squares overflow double precision; rescale fitness");
        }
        ShiftedDesign sums = acc.sums();
        double[] covMax = sums.covariateMaxAbs();
        for (int j = 0; j < covMax.length; j++) {
            // covariates enter uncentred: their own squares, summed, must stay finite
            if (!Double.isFinite(square(covMax[j]) * n * n)) {
                throw new SelectionException("--covariates: values of '" + acc.coding().columnNames().get(j) + "' up to "
                        + covMax[j] + " in " + where + " are too large to analyse: their sums of squares overflow double"
                        + " precision; rescale it (other units)");
            }
        }
        double[] min = sums.min();
        double[] max = sums.max();
        for (int i = 0; i < k; i++) {
            // the moments sum squares and products of deviations: they must stay finite (with a margin of n)
            if (!Double.isFinite(square(max[i] - min[i]) * n * n)) {
                throw new SelectionException("trait '" + traits.get(i) + "' ranges from " + min[i] + " to " + max[i]
                        + " in " + where + ": too large to analyse, its sums of squares overflow double precision; "
                        + "rescale it (other units)");
            }
            if (min[i] == max[i]) {
                throw new SelectionException("trait '" + traits.get(i) + "' is constant in " + where + " (every value is "
                        + num(min[i]) + "): it carries no information about selection; leave it out");
            }
            if (options.standardization() == Standardization.MEAN && !(sums.mean(i) > 0)) {
                throw new SelectionException("mean standardisation needs traits with a positive mean, but trait '"
                        + traits.get(i) + "' has mean " + num(sums.mean(i)) + " in " + where
                        + ": use SD standardisation or a ratio-scale measurement");
            }
        }
    }

    private static double square(double v) {
        return v * v;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * The first-order design has aliased traits (R's lm would report NA for them): names each aliased
     * trait and the traits it is a linear combination of.
     */
    private SelectionException collinearTraits(double[][] design, LeastSquares.Solution s, String label, int p1) {
        List<String> parts = new ArrayList<>();
        int[] kept = s.kept();
        for (int t : s.aliased()) {
            if (t >= p1) {
                return aliasedCovariate(t - p1, label);
            }
            double[] dep = LeastSquares.dependence(design, s, t);
            double big = 0;
            for (int l = 1; l < kept.length; l++) {
                big = Math.max(big, Math.abs(dep[l]));
            }
            List<String> on = new ArrayList<>();
            for (int l = 1; l < kept.length; l++) {
                if (Math.abs(dep[l]) > 1e-6 * big) {
                    on.add("'" + (kept[l] < p1 ? traits.get(kept[l] - 1) : covariateNames.get(kept[l] - p1)) + "'");
                }
            }
            parts.add("'" + traits.get(t - 1) + "'" + (on.isEmpty() ? " is constant"
                    : " is a linear function of " + String.join(", ", on)));
        }
        return new SelectionException("trait " + String.join("; trait ", parts) + in(label)
                + " (collinear: aliased in the pivoted QR, tolerance 1e-7, as R's lm would report it NA): leave "
                + (s.aliased().length == 1 ? "it" : "them") + " out");
    }

    /** A covariate column that is constant or a linear function of the other columns. */
    private SelectionException aliasedCovariate(int column, String label) {
        return new SelectionException("--covariates: '" + covariateNames.get(column) + "'" + in(label)
                + " is constant or a linear function of the traits and the other covariates (aliased in the pivoted QR,"
                + " tolerance 1e-7, as R's lm would report it NA): leave it out");
    }

    /** Values whose squares or sums leave the range of double precision. */
    private SelectionException beyondDoublePrecision(StandardizedMoments sm, int column, String label) {
        int q = PolynomialBasis.secondOrderSize(k);
        String what;
        if (column == q) {
            what = "fitness values";
        } else {
            int t = Math.max(traitOf(column), 0);
            if (traitOf(column) == -2) {
                t = crossTraits(column)[0];
            }
            what = "values of trait '" + traits.get(t) + "' (from " + sm.min()[t] + " to " + sm.max()[t] + ")";
        }
        return new SelectionException(what + in(label) + " are too far from 1 for double precision: their squares"
                + " or products overflow; rescale the column (for example to other units)");
    }

    private int[] crossTraits(int term) {
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                if (PolynomialBasis.cross(k, i, j) == term) {
                    return new int[] {i, j};
                }
            }
        }
        return new int[] {0, 0};
    }

    private SelectionException singularSecondOrder(int[] terms, String label, int q) {
        List<String> names = new ArrayList<>();
        int only = -1;
        boolean single = true;
        for (int t : terms) {
            if (t >= q) {
                return aliasedCovariate(t - q, label);
            }
            names.add(termName(t));
            int trait = traitOf(t);
            if (trait == -2) {
                single = false;
            } else if (trait >= 0) {
                if (only >= 0 && only != trait) {
                    single = false;
                }
                only = trait;
            }
        }
        if (single && only >= 0) {
            return new SelectionException("trait '" + traits.get(only) + "' takes only two distinct values" + in(label)
                    + ", so its square is a linear function of it and γ cannot be estimated: leave it out or use the"
                    + " first-order model alone");
        }
        return new SelectionException("the second-order model is singular" + in(label) + ": the terms "
                + String.join(", ", names) + " are linearly dependent; use fewer traits or the first-order model alone");
    }

    /** The trait of a linear or square term, −1 for the intercept, −2 for a cross term. */
    private int traitOf(int term) {
        if (term == 0) {
            return -1;
        }
        if (term <= 2 * k) {
            return (term - 1) % k;
        }
        return -2;
    }

    private String termName(int term) {
        if (term == 0) {
            return "(intercept)";
        }
        if (term <= k) {
            return traits.get(term - 1);
        }
        if (term <= 2 * k) {
            return "0.5*" + traits.get(term - 1 - k) + "^2";
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                if (PolynomialBasis.cross(k, i, j) == term) {
                    return traits.get(i) + "*" + traits.get(j);
                }
            }
        }
        throw new IllegalArgumentException("no term " + term);
    }

    private CanonicalAnalysis canonicalAnalysis(Canonical can, StandardizedMoments sm, double scale, double offset,
            String label) {
        LeastSquares.Solution s3 = LeastSquares.solve(can.doubleRegressionDesign(sm.design(), sm.covariateColumns()),
                sm.n());
        if (s3.aliased().length > 0) {
            throw new SelectionException(SelectionException.Kind.NUMERICAL, "the double regression of the canonical"
                    + " analysis is singular" + in(label) + " although the second-order model is not");
        }
        OlsSummary o3 = OlsSummary.of(s3, scale, offset, "the double regression" + in(label));
        List<Coefficient> lambda = new ArrayList<>();
        List<Coefficient> theta = new ArrayList<>();
        double[] values = can.values();
        for (int a = 0; a < k; a++) {
            String m = "m" + (a + 1);
            lambda.add(o3.coefficient(1 + k + a, m, values[a]));
            theta.add(o3.coefficient(1 + a, m));
        }
        return new CanonicalAnalysis(traits, lambda, can.vectors(), theta, o3.fit());
    }

    private StationaryPoint stationaryPoint(double[][] gm, double[] b, double alpha, Canonical can,
            StandardizedMoments sm, double[][] pInv, GroupAccumulator acc) {
        double[] neg = new double[k];
        for (int i = 0; i < k; i++) {
            neg[i] = -b[i];
        }
        // w(z) = α + bᵀz + ½zᵀγz is the core's ½zᵀAz − b'ᵀz + c with A = γ, b' = −b, c = α.
        QuadraticField surface = new QuadraticField(traits, gm, neg, alpha);
        double[] values = can.values();
        double[][] m = can.vectors();
        double big = 0;
        for (double v : values) {
            big = Math.max(big, Math.abs(v));
        }
        double threshold = CLASSIFICATION_TOLERANCE * Math.max(1.0, big);
        for (double v : values) {
            if (Math.abs(v) <= threshold) {
                return StationaryPoint.degenerate();
            }
        }
        // z* = −γ⁻¹b = −Σₐ mₐ (mₐᵀb)/λₐ.
        double[] z = new double[k];
        for (int a = 0; a < k; a++) {
            double proj = 0;
            for (int i = 0; i < k; i++) {
                proj += m[i][a] * b[i];
            }
            for (int i = 0; i < k; i++) {
                z[i] -= m[i][a] * proj / values[a];
            }
        }
        Equilibrium eq = Equilibrium.classify(surface, z, CLASSIFICATION_TOLERANCE);
        if (eq.type() == EquilibriumType.DEGENERATE) {
            return StationaryPoint.degenerate();
        }
        double[] mean = sm.mean();
        double[] c = sm.scale();
        double[] min = sm.min();
        double[] max = sm.max();
        double[] x = new double[k];
        boolean inRange = true;
        for (int i = 0; i < k; i++) {
            x[i] = mean[i] + c[i] * z[i];
            inRange &= x[i] >= min[i] && x[i] <= max[i];
        }
        double dStar = Math.sqrt(quadraticForm(pInv, z));
        double[] shift = acc.origin();
        double[] centre = new double[k];
        for (int i = 0; i < k; i++) {
            centre[i] = mean[i] - shift[i];
        }
        double[] zi = new double[k];
        java.util.function.ToDoubleFunction<double[]> distance = d -> {
            for (int i = 0; i < k; i++) {
                zi[i] = (d[i] - centre[i]) / c[i];
            }
            return Math.sqrt(quadraticForm(pInv, zi));
        };
        double maxKept;
        double upper;
        boolean certified;
        RowStore rows = acc.rows();
        if (rows != null) {
            double[] xi = new double[k];
            double mx = 0;
            for (int r = 0; r < rows.size(); r++) {
                rows.traits(r, xi);
                for (int i = 0; i < k; i++) {
                    xi[i] -= shift[i];
                }
                mx = Math.max(mx, distance.applyAsDouble(xi));
            }
            maxKept = mx;
            upper = mx;
            certified = true;
        } else {
            double[][] sInv = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    sInv[i][j] = pInv[i][j] / (c[i] * c[j]);
                }
            }
            MahalanobisExtremes.Result res = acc.extremes().finish(distance, sInv);
            maxKept = res.maxKept();
            upper = res.upper();
            certified = res.certified();
        }
        StationaryPoint.Containment within = dStar <= maxKept ? StationaryPoint.Containment.INSIDE
                : dStar > upper ? StationaryPoint.Containment.OUTSIDE
                : StationaryPoint.Containment.UNDETERMINED;
        return new StationaryPoint(eq.type(), z, x, OptionalDouble.of(eq.value()), inRange, OptionalDouble.of(dStar),
                certified ? OptionalDouble.of(maxKept) : OptionalDouble.empty(), within);
    }

    private static double quadraticForm(double[][] a, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double r = 0;
            for (int j = 0; j < v.length; j++) {
                r += a[i][j] * v[j];
            }
            s += v[i] * r;
        }
        return s;
    }
}
