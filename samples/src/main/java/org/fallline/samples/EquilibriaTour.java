package org.fallline.samples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.fallline.core.field.Box;
import org.fallline.core.equilibrium.Equilibrium;
import org.fallline.core.equilibrium.EquilibriumFinder;
import org.fallline.core.equilibrium.EquilibriumSearch;
import org.fallline.core.equilibrium.EquilibriumType;
import org.fallline.core.field.Expression;
import org.fallline.core.field.ScalarField;
import org.fallline.samples.figures.Figures;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.tour.SectionReport;
import org.fallline.samples.tour.TourContext;
import org.fallline.samples.tour.TourSection;

/**
 * The tour's equilibria section: the critical points of the seed's saddle field V = eˣcos y − x − 1 in
 * [−2, 2] × [−1, 13] (exactly the saddles (0, 2πk), Hessian diag(1, −1), V = 0) and of Himmelblau's function
 * (x² + y − 11)² + (x + y² − 7)² in [−5, 5]² (four minima with V = 0, one maximum at (−0.270845, −0.923039)
 * with V = 181.617, four saddles — D. M. Himmelblau, <i>Applied Nonlinear Programming</i>, McGraw-Hill 1972),
 * whose counts obey the Morse relation #minima − #saddles + #maxima = 1 for a field pointing outwards on the
 * boundary of a disc (J. Milnor, <i>Morse Theory</i>, 1963). Each field is drawn as a colour map with its
 * equilibria marked by type, and its equilibria are written as JSON in the format of
 * {@code fallline equilibria --format json}.
 */
final class EquilibriaTour implements TourSection {

    static final String SADDLE_FIELD = "exp(x)*cos(y) - x - 1";
    static final String HIMMELBLAU = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
    private static final int STARTS = 64;

    @Override
    public String id() {
        return "equilibria";
    }

    @Override
    public String domain() {
        return "core";
    }

    @Override
    public String title() {
        return "Equilibria: where the compass has no direction";
    }

    @Override
    public SectionReport run(TourContext context) throws IOException {
        SectionReport.Builder r = SectionReport.of(this);
        r.sentence("Where the gradient vanishes the compass points nowhere: these are the equilibria, and the "
                + "Hessian's eigenvalues say which way the ground falls away from each — up on every side at a "
                + "minimum, down on every side at a maximum, and both at a saddle, whose unstable directions are "
                + "the only ways downhill.");
        int grid = context.quick() ? 80 : 160;

        ScalarField saddle = Expression.parse(SADDLE_FIELD);
        Box saddleBox = new Box(new double[] {-2, -1}, new double[] {2, 13});
        EquilibriumSearch saddleSearch = search(saddle, saddleBox, context);
        List<Equilibrium> saddles = saddleSearch.equilibria();
        r.figure(figure(context, "equilibria-saddle-field.png", "V = e^x cos y - x - 1", saddle, saddleBox, saddles,
                grid), "The seed's field V = eˣcos y − x − 1: no minimum at all, only saddles at (0, 2πk); the "
                + "compass turns around each of them.");
        r.number("saddle field: equilibria found in [−2, 2] × [−1, 13]", count(saddles),
                "exact: 3 saddles (0, 0), (0, 2π), (0, 4π)");
        r.number("saddle field: max |y − 2πk| over the saddles", Numbers.table(saddleError(saddles)), "exact: 0");
        r.number("saddle field: Hessian eigenvalues at each saddle", eigenvalues(saddles), "exact: -1, 1");

        ScalarField himmelblau = Expression.parse(HIMMELBLAU);
        Box himmelblauBox = new Box(new double[] {-5, -5}, new double[] {5, 5});
        EquilibriumSearch himmelblauSearch = search(himmelblau, himmelblauBox, context);
        List<Equilibrium> points = himmelblauSearch.equilibria();
        r.figure(figure(context, "equilibria-himmelblau.png", "Himmelblau's function", himmelblau, himmelblauBox,
                points, grid), "Himmelblau's function: four valleys, one summit, and four passes between them.");
        long minima = points.stream().filter(e -> e.type() == EquilibriumType.MINIMUM).count();
        long maxima = points.stream().filter(e -> e.type() == EquilibriumType.MAXIMUM).count();
        long passes = points.stream().filter(e -> e.type() == EquilibriumType.SADDLE).count();
        r.number("Himmelblau: minima, saddles, maxima", minima + ", " + passes + ", " + maxima,
                "Himmelblau (1972): 4, 4, 1");
        r.number("Himmelblau: #minima − #saddles + #maxima", Long.toString(minima - passes + maxima),
                "Morse relation on a disc: 1");
        points.stream().filter(e -> e.type() == EquilibriumType.MAXIMUM).findFirst().ifPresent(m -> {
            r.number("Himmelblau: the maximum", "(" + Numbers.table(m.point()) + "), V = " + Numbers.table(m.value()),
                    "published: (-0.270845, -0.923039), V = 181.617");
        });
        double worstMinimum = points.stream().filter(e -> e.type() == EquilibriumType.MINIMUM)
                .mapToDouble(Equilibrium::value).max().orElse(Double.NaN);
        r.number("Himmelblau: largest V over the minima", Numbers.table(worstMinimum), "exact: 0");

        var json = Json.object();
        json.set("saddleField", EquilibriaCommand.json(saddle.variables(), saddleSearch));
        json.set("himmelblau", EquilibriaCommand.json(himmelblau.variables(), himmelblauSearch));
        r.file(context.json("equilibria.json", json), "both lists of equilibria with eigenvalues and eigenvectors");
        r.command("fallline equilibria --potential '" + SADDLE_FIELD + "' --box -2:2,-1:13");
        r.command("fallline equilibria --potential '" + HIMMELBLAU + "' --box -5:5,-5:5");
        return r.build();
    }

    private static EquilibriumSearch search(ScalarField f, Box box, TourContext context) {
        return EquilibriumFinder.builder().starts(STARTS).build().search(f, box, context.progress());
    }

    private static String count(List<Equilibrium> eq) {
        long s = eq.stream().filter(e -> e.type() == EquilibriumType.SADDLE).count();
        return eq.size() + " (" + s + " saddles)";
    }

    private static double saddleError(List<Equilibrium> saddles) {
        double worst = 0;
        for (Equilibrium e : saddles) {
            double y = e.point()[1];
            double k = Math.rint(y / (2 * Math.PI));
            worst = Math.max(worst, Math.max(Math.abs(e.point()[0]), Math.abs(y - 2 * Math.PI * k)));
        }
        return worst;
    }

    private static String eigenvalues(List<Equilibrium> eq) {
        List<String> parts = new ArrayList<>();
        for (Equilibrium e : eq) {
            String s = Numbers.table(e.eigenvalues());
            if (!parts.contains(s)) {
                parts.add(s);
            }
        }
        return String.join("; ", parts);
    }

    private static String plural(EquilibriumType t) {
        return switch (t) {
            case MINIMUM -> "minima";
            case MAXIMUM -> "maxima";
            case SADDLE -> "saddles";
            case DEGENERATE -> "degenerate points";
        };
    }

    private static String figure(TourContext context, String name, String title, ScalarField f, Box box,
                                 List<Equilibrium> points, int grid) throws IOException {
        double[] lo = box.lower();
        double[] hi = box.upper();
        Figures.Grid g = Figures.Grid.sample((x, y) -> f.value(new double[] {x, y}), lo[0], hi[0], lo[1], hi[1],
                grid, grid);
        List<Figures.Series> overlays = new ArrayList<>();
        for (EquilibriumType t : EquilibriumType.values()) {
            List<Equilibrium> ofType = points.stream().filter(e -> e.type() == t).toList();
            if (ofType.isEmpty()) {
                continue;
            }
            double[] x = ofType.stream().mapToDouble(e -> e.point()[0]).toArray();
            double[] y = ofType.stream().mapToDouble(e -> e.point()[1]).toArray();
            overlays.add(new Figures.Series(plural(t), x, y, Figures.Style.POINTS));
        }
        return context.png(name, Figures.colourMap(title, "x", "y", "V", g, true, overlays));
    }
}
