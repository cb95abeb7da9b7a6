package org.fallline.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.fallline.evolution.internal.Canonical;
import org.fallline.evolution.internal.LeastSquares;
import org.fallline.evolution.internal.ShiftedDesign;
import org.fallline.evolution.internal.OlsSummary;
import org.fallline.evolution.internal.PolynomialBasis;
import org.fallline.evolution.internal.StandardizedMoments;
import org.fallline.evolution.io.PhenotypeCsv;
import org.fallline.evolution.io.PhenotypeTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Identities and invariances of the Lande–Arnold analysis, on the synthetic data and on Bumpus. */
class InvariantsTest {

    private static final List<String> TRAITS = List.of("body_length_mm", "mass_g", "wing_mm");
    private static final List<String> HEADER = new ArrayList<>();
    private static double[][] data;
    private static GroupReport base;

    @BeforeAll
    static void load() {
        data = Tables.read("/data/synthetic_selection_n2000.csv", HEADER);
        base = analyse(HEADER, data, options().build());
    }

    private static SelectionOptions.Builder options() {
        return SelectionOptions.builder().fitness("W").traits(TRAITS);
    }

    private static GroupReport analyse(List<String> header, double[][] rows, SelectionOptions o) {
        return new SelectionAnalysis().analyze(PhenotypeTable.numeric("t", header, rows), o).groups().get(0);
    }

    private static List<Estimate> tidy(GroupReport g) {
        return new SelectionReport("t", "W", g.traits(), Standardization.SD, java.util.Set.of(), List.of(g), List.of())
                .tidy();
    }

    /** Every tidy row of b equals that of a (same analysis and term) to rel relative error. */
    private static void sameTidy(List<Estimate> a, List<Estimate> b, double rel, String what, String... except) {
        assertEquals(a.size(), b.size(), what);
        for (int i = 0; i < a.size(); i++) {
            Estimate x = a.get(i);
            Estimate y = b.get(i);
            assertEquals(x.analysis() + " " + x.term(), y.analysis() + " " + y.term(), what);
            if (List.of(except).contains(x.term())) {
                continue;
            }
            String id = what + ": " + x.analysis() + " " + x.term();
            close(x.estimate(), y.estimate(), rel, id);
            if (x.stdError().isPresent()) {
                close(x.stdError().getAsDouble(), y.stdError().getAsDouble(), rel, id + " SE");
                close(x.statistic().getAsDouble(), y.statistic().getAsDouble(), rel, id + " t");
                close(x.pValue().getAsDouble(), y.pValue().getAsDouble(), 1e3 * rel, id + " p");
            }
        }
    }

    private static void close(double a, double b, double rel, String what) {
        assertEquals(a, b, rel * Math.max(Math.abs(a), 1e-3), what);
    }

    @Test
    void doublingOfTheDiagonal() {
        // Refit with z_i² instead of ½z_i²: the coefficient and its SE are exactly half of γ_ii's.
        ShiftedDesign s = sums(data);
        StandardizedMoments sm = new StandardizedMoments(s, Standardization.SD);
        double[][] a = sm.design();
        int k = 3;
        double[][] doubled = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            doubled[j] = a[j].clone();
            for (int i = 0; i < k; i++) {
                doubled[j][PolynomialBasis.square(k, i)] *= 2;
            }
        }
        OlsSummary undoubled = OlsSummary.of(LeastSquares.solve(doubled, s.n()), sm.relativeScale(),
                sm.relativeOffset(), "undoubled");
        QuadraticSelectionMatrix q = base.quadratic().orElseThrow();
        for (int i = 0; i < k; i++) {
            int c = PolynomialBasis.square(k, i);
            close(q.element(i, i).estimate(), 2 * undoubled.estimate(c), 1e-12, "γ_ii = 2 × coefficient of z²");
            close(q.element(i, i).stdError().getAsDouble(), 2 * undoubled.stdError(c), 1e-12, "SE doubled too");
            for (int j = i + 1; j < k; j++) {
                int x = PolynomialBasis.cross(k, i, j);
                close(q.element(i, j).estimate(), undoubled.estimate(x), 1e-12, "cross terms not doubled");
            }
        }
    }

    private static ShiftedDesign sums(double[][] rows) {
        ShiftedDesign s = new ShiftedDesign(3, true);
        for (double[] r : rows) {
            s.add(r[4], new double[] {r[1], r[2], r[3]});
        }
        return s;
    }

    @Test
    void betaIsPInverseS() {
        // P and S computed here directly, two-pass, from the raw values.
        int n = data.length;
        int k = 3;
        double[] mean = new double[k];
        double wbar = 0;
        for (double[] r : data) {
            for (int i = 0; i < k; i++) {
                mean[i] += r[1 + i] / n;
            }
            wbar += r[4] / n;
        }
        double[] sd = new double[k];
        for (double[] r : data) {
            for (int i = 0; i < k; i++) {
                sd[i] += (r[1 + i] - mean[i]) * (r[1 + i] - mean[i]) / (n - 1);
            }
        }
        for (int i = 0; i < k; i++) {
            sd[i] = Math.sqrt(sd[i]);
        }
        double[][] p = new double[k][k];
        double[] s = new double[k];
        for (double[] r : data) {
            double w = r[4] / wbar;
            for (int i = 0; i < k; i++) {
                double zi = (r[1 + i] - mean[i]) / sd[i];
                s[i] += (w - 1) * zi / (n - 1);
                for (int j = 0; j < k; j++) {
                    p[i][j] += zi * (r[1 + j] - mean[j]) / sd[j] / (n - 1);
                }
            }
        }
        double[] beta = new LUDecomposition(new Array2DRowRealMatrix(p)).getSolver()
                .solve(new ArrayRealVector(s)).toArray();
        for (int i = 0; i < k; i++) {
            close(beta[i], base.gradient().beta().get(i).estimate(), 1e-10, "β = P⁻¹S");
            close(s[i], base.differentials().sSample()[i], 1e-10, "S, divisor n − 1");
            close(s[i] * (n - 1) / n, base.differentials().s()[i], 1e-10, "S, divisor n");
        }
    }

    @Test
    void doubleRegressionEigenvaluesAreThoseOfGamma() {
        ShiftedDesign s = sums(data);
        StandardizedMoments sm = new StandardizedMoments(s, Standardization.SD);
        Canonical can = Canonical.of(base.quadratic().orElseThrow().matrix());
        LeastSquares.Solution dr = LeastSquares.solve(can.doubleRegressionDesign(sm.design()), s.n());
        CanonicalAnalysis c = base.canonical().orElseThrow();
        for (int a = 0; a < 3; a++) {
            close(dr.coefficients()[4 + a] * sm.relativeScale(), c.eigenvalues().get(a).estimate(), 1e-10, "λ");
            close(can.values()[a], c.eigenvalues().get(a).estimate(), 0, "eigenvalue of γ");
        }
        // θ = Mᵀb: the double regression's linear terms are the rotated linear terms of the second-order model.
        double[][] m = c.eigenvectors();
        double[] b = base.quadratic().orElseThrow().linearValues();
        for (int a = 0; a < 3; a++) {
            double th = 0;
            for (int i = 0; i < 3; i++) {
                th += m[i][a] * b[i];
            }
            close(th, c.theta().get(a).estimate(), 1e-10, "θ = Mᵀb");
        }
    }

    @Test
    void invariantUnderAffineRescalingOfTraitsAndScalingOfFitness() {
        double[][] scaled = new double[data.length][];
        for (int r = 0; r < data.length; r++) {
            scaled[r] = data[r].clone();
            for (int i = 1; i <= 3; i++) {
                scaled[r][i] = 10 * data[r][i] + 3;
            }
            scaled[r][4] = 2.5 * data[r][4];
        }
        sameTidy(tidy(base), tidy(analyse(HEADER, scaled, options().build())), 1e-9, "x → 10x + 3, W → 2.5W",
                "mean_fitness");
        close(2.5 * base.meanFitness(), analyse(HEADER, scaled, options().build()).meanFitness(), 1e-12, "W̄");
    }

    @Test
    void invariantUnderTheOrderOfRows() {
        List<double[]> rows = new ArrayList<>(Arrays.asList(data));
        Collections.shuffle(rows, new Random(3));
        // An outlying first row also shifts the accumulated sums far from the data: conditioning must hold.
        double[] outlier = {0, 170, 32, 92, 9};
        rows.add(0, outlier);
        List<double[]> withOutlierLast = new ArrayList<>(Arrays.asList(data));
        withOutlierLast.add(outlier);
        sameTidy(tidy(analyse(HEADER, withOutlierLast.toArray(new double[0][]), options().build())),
                tidy(analyse(HEADER, rows.toArray(new double[0][]), options().build())), 1e-9, "row order");
    }

    @Test
    void byGroupsEqualSeparateAnalyses() {
        List<String> three = List.of("TotalLength_mm", "Weight_g", "HumerusL_in");
        PhenotypeSource bumpus = PhenotypeCsv.open(ReferenceTable.resource("/data/bumpus.csv"));
        SelectionReport by = new SelectionAnalysis().analyze(bumpus,
                SelectionOptions.builder().fitness("W").traits(three).by("Sex").build());
        assertEquals(List.of("0", "1"), by.groups().stream().map(GroupReport::group).toList());
        for (GroupReport g : by.groups()) {
            SelectionReport alone = new SelectionAnalysis().analyze(bumpus,
                    SelectionOptions.builder().fitness("W").traits(three).where("Sex", g.group()).build());
            sameTidy(tidy(alone.groups().get(0)), tidy(g), 1e-12, "group " + g.group());
            assertEquals(GroupReport.ALL, alone.groups().get(0).group());
        }
        assertEquals(49, by.groups().get(0).n());
        assertEquals(87, by.groups().get(1).n());
    }

    @Test
    void listwiseDeletionDropsAndCountsIncompleteRows() {
        StringBuilder text = new StringBuilder("id,note,W,body_length_mm,mass_g,wing_mm\n");
        int line = 1;
        List<Long> dropped = new ArrayList<>();
        String[] missing = {"", "NA", "NaN", " NA "};
        for (int r = 0; r < data.length; r++) {
            double[] d = data[r];
            // an empty cell in a column that is not analysed never drops a row
            text.append(r + 1).append(r % 3 == 0 ? ",," : ",x,").append((long) d[4]).append(',').append(d[1]).append(',')
                    .append(d[2]).append(',').append(d[3]).append('\n');
            line++;
            if (r % 100 == 7) {
                String m = missing[(r / 100) % missing.length];
                int column = r % 4;
                String[] cells = {String.valueOf((long) d[4]), String.valueOf(d[1]), String.valueOf(d[2]),
                    String.valueOf(d[3])};
                cells[column] = m;
                text.append("extra,x,").append(String.join(",", cells)).append('\n');
                line++;
                dropped.add((long) line);
            }
        }
        GroupReport g = new SelectionAnalysis().analyze(PhenotypeCsv.of("m.csv", text.toString()), options().build())
                .groups().get(0);
        assertEquals(data.length, g.n());
        assertEquals(dropped.size(), g.dropped());
        assertEquals(dropped, g.droppedLines());
        assertTrue(g.notes().get(0).startsWith("20 rows dropped for a missing fitness or trait value (lines "
                + dropped.get(0) + ", "), g.notes().get(0));
        sameTidy(tidy(base), tidy(g), 1e-12, "listwise deletion", "dropped");
    }

    @Test
    void standardisationsAreRescalingsOfEachOther() {
        double[][] g = {{4.0, 0.5, 0.2}, {0.5, 1.2, 0.1}, {0.2, 0.1, 2.0}};
        GeneticCovariance gc = new GeneticCovariance(TRAITS, g);
        GroupReport sd = analyse(HEADER, data, options().geneticCovariance(gc).build());
        GroupReport mean = analyse(HEADER, data, options().geneticCovariance(gc).standardization(Standardization.MEAN)
                .build());
        GroupReport none = analyse(HEADER, data, options().geneticCovariance(gc).standardization(Standardization.NONE)
                .build());
        double[] m = sd.traitMeans();
        double[] s = sd.traitSds();
        for (int i = 0; i < 3; i++) {
            double b = sd.gradient().beta().get(i).estimate();
            close(b * m[i] / s[i], mean.gradient().beta().get(i).estimate(), 1e-10, "β_μ = β x̄/sd (elasticity)");
            close(b / s[i], none.gradient().beta().get(i).estimate(), 1e-10, "β raw = β/sd");
            close(sd.gradient().beta().get(i).statistic().getAsDouble(),
                    mean.gradient().beta().get(i).statistic().getAsDouble(), 1e-10, "t unchanged");
            for (int j = i; j < 3; j++) {
                double gm = sd.quadratic().orElseThrow().element(i, j).estimate();
                close(gm * m[i] * m[j] / (s[i] * s[j]), mean.quadratic().orElseThrow().element(i, j).estimate(), 1e-10,
                        "γ_μ");
                close(gm / (s[i] * s[j]), none.quadratic().orElseThrow().element(i, j).estimate(), 1e-10, "γ raw");
            }
            // Δz̄ = Gβ in trait units does not depend on how β was scaled.
            double dz = sd.response().orElseThrow().values()[i];
            close(dz, mean.response().orElseThrow().values()[i], 1e-10, "Δz̄ (MEAN)");
            close(dz, none.response().orElseThrow().values()[i], 1e-10, "Δz̄ (NONE)");
            double expected = 0;
            for (int j = 0; j < 3; j++) {
                expected += g[i][j] * sd.gradient().beta().get(j).estimate() / s[j];
            }
            close(expected, dz, 1e-12, "Δz̄ = G β/sd");
        }
        // The stationary point is a property of the surface, not of the scaling.
        double[] x1 = sd.stationaryPoint().orElseThrow().traitLocation();
        double[] x2 = mean.stationaryPoint().orElseThrow().traitLocation();
        for (int i = 0; i < 3; i++) {
            close(x1[i], x2[i], 1e-9, "x*");
        }
    }

    @Test
    void geneticCovarianceIsReorderedByName() {
        double[][] g = {{4.0, 0.5, 0.2}, {0.5, 1.2, 0.1}, {0.2, 0.1, 2.0}};
        double[][] shuffled = {{2.0, 0.2, 0.1}, {0.2, 4.0, 0.5}, {0.1, 0.5, 1.2}};
        GroupReport a = analyse(HEADER, data, options().geneticCovariance(new GeneticCovariance(TRAITS, g)).build());
        GroupReport b = analyse(HEADER, data, options().geneticCovariance(new GeneticCovariance(
                List.of("wing_mm", "body_length_mm", "mass_g"), shuffled)).build());
        assertEquals(Arrays.toString(a.response().orElseThrow().values()),
                Arrays.toString(b.response().orElseThrow().values()));
    }

    @Test
    void logOptionEqualsAnalysingLoggedValues() {
        double[][] logged = new double[data.length][];
        for (int r = 0; r < data.length; r++) {
            logged[r] = data[r].clone();
            logged[r][2] = Math.log(data[r][2]);
        }
        sameTidy(tidy(analyse(HEADER, logged, options().build())),
                tidy(analyse(HEADER, data, options().log("mass_g").build())), 1e-12, "log");
    }

    @Test
    void firstOrderAloneGivesTheSameBetaAndDifferentials() {
        GroupReport first = analyse(HEADER, data, options().quadratic(false).build());
        assertTrue(first.quadratic().isEmpty() && first.canonical().isEmpty() && first.stationaryPoint().isEmpty());
        for (int i = 0; i < 3; i++) {
            assertEquals(base.gradient().beta().get(i), first.gradient().beta().get(i));
            assertEquals(base.differentials().s()[i], first.differentials().s()[i], 0.0);
            for (int j = 0; j < 3; j++) {
                assertEquals(base.differentials().c()[i][j], first.differentials().c()[i][j], 0.0);
            }
        }
    }
}
