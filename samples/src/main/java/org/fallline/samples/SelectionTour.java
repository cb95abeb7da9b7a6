package org.fallline.samples;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.fallline.evolution.CanonicalAnalysis;
import org.fallline.evolution.Coefficient;
import org.fallline.evolution.GroupReport;
import org.fallline.evolution.PhenotypeSource;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.evolution.io.PhenotypeCsv;
import org.fallline.samples.internal.Numbers;
import org.fallline.samples.tour.SectionReport;
import org.fallline.samples.tour.TourContext;
import org.fallline.samples.tour.TourSection;

/**
 * The tour's evolution section: the Lande–Arnold analysis of Bumpus's (1899) house sparrows, bundled — the
 * selection gradient β (the gradient of the fitness surface), γ and its canonical analysis, with case-bootstrap
 * standard errors — exactly as {@code fallline selection --bootstrap B --out DIR} computes it, with that
 * command's figures: the fitted fitness surface over the two leading canonical axes and each trait's
 * non-parametric fitness function. The key numbers stand beside R's {@code lm} on the same data (the
 * project's reference table evolution/src/test/resources/reference/reference_real_data.csv).
 *
 * <p>References: R. Lande and S. J. Arnold, The measurement of selection on correlated characters,
 * Evolution 37 (1983) 1210–1226; H. C. Bumpus, The elimination as illustrated by the introduced sparrow,
 * Biological Lectures, Woods Hole 1899.
 */
final class SelectionTour implements TourSection {

    /** β of total length and the leading eigenvalue of γ with its SE, from R's lm (reference_real_data.csv). */
    static final double R_BETA_TOTAL_LENGTH = -0.493071315366;
    static final double R_BETA_TOTAL_LENGTH_SE = 0.106696296632;
    static final double R_LEADING_EIGENVALUE = 1.26079367436;

    @Override
    public String id() {
        return "selection";
    }

    @Override
    public String domain() {
        return "evolution";
    }

    @Override
    public String title() {
        return "Selection on Bumpus's sparrows";
    }

    static int resamples(boolean quick) {
        return quick ? 200 : 1000;
    }

    @Override
    public SectionReport run(TourContext context) throws IOException {
        int bootstrap = resamples(context.quick());
        PhenotypeSource source = PhenotypeCsv.of(SelectionCommand.BUNDLED + " (bundled)",
                SelectionCommand.bundled(SelectionCommand.BUNDLED));
        SelectionOptions options = SelectionOptions.builder()
                .fitness(SelectionCommand.BUNDLED_FITNESS)
                .traits(SelectionCommand.BUNDLED_TRAITS)
                .bootstrap(bootstrap)
                .progress(context.progress())
                .build();
        SelectionSample sample = new SelectionSample(options.traits().size(), options.seed());
        SelectionReport report = new SelectionAnalysis().analyze(source, options, sample);
        SelectionFigures.write(context.directory(), sample, options, report, null, false);
        GroupReport g = report.groups().get(0);

        SectionReport.Builder r = SectionReport.of(this);
        r.sentence("For a population the fitness surface is the landscape and the selection gradient β is its "
                + "compass: it points the way selection pushes the mean phenotype. In the winter storm of 1898 it "
                + "pointed towards shorter, lighter sparrows with longer humeri and sterna, and the curvature γ "
                + "says along which combinations of traits selection was stabilising or disruptive.");
        r.figure("surface.png", "The fitted fitness surface w(z) = α + bᵀz + ½zᵀγz over the two canonical axes "
                + "with the largest |λ|, with the birds (survivors and the dead).");
        r.figure("fitness-TotalLength_mm.png", "The fitness function of total length (a penalised cubic regression "
                + "spline on the logit scale with its bootstrap band, Schluter 1988), with the birds: survival falls "
                + "with length.");
        r.figure("fitness-Weight_g.png", "The fitness function of weight: the heavier birds died.");
        r.number("birds analysed; mean fitness", g.n() + "; " + Numbers.table(g.meanFitness()),
                "R: 136; 0.529412");
        Coefficient length = g.gradient().beta().get(SelectionCommand.BUNDLED_TRAITS.indexOf("TotalLength_mm"));
        r.number("β of total length (SE; bootstrap SE, " + bootstrap + " resamples)",
                Numbers.table(length.estimate()) + " (" + se(length.stdError()) + "; " + se(length.bootSe()) + ")",
                "R lm: " + Numbers.table(R_BETA_TOTAL_LENGTH) + " (" + Numbers.table(R_BETA_TOTAL_LENGTH_SE) + ")");
        Coefficient weight = g.gradient().beta().get(SelectionCommand.BUNDLED_TRAITS.indexOf("Weight_g"));
        r.number("β of weight (SE; bootstrap SE)", Numbers.table(weight.estimate()) + " (" + se(weight.stdError())
                + "; " + se(weight.bootSe()) + ")", "R lm: -0.384154 (0.0974976)");
        Optional<CanonicalAnalysis> canonical = g.canonical();
        canonical.ifPresent(c -> {
            List<Coefficient> lambda = c.eigenvalues();
            r.number("leading eigenvalue λ₁ of γ (bootstrap SE)", Numbers.table(lambda.get(0).estimate()) + " ("
                    + se(lambda.get(0).bootSe()) + ")", "R: " + Numbers.table(R_LEADING_EIGENVALUE));
            r.number("most negative eigenvalue of γ", Numbers.table(lambda.get(lambda.size() - 1).estimate()),
                    "R: -1.04698");
        });
        r.file(context.csv("selection.csv", SelectionCommand.TIDY_HEADER, report.tidy().stream()
                .map(SelectionRendering::tidyRow).toList()), "the tidy table: every estimate with its inference");
        r.file(context.json("selection.json", SelectionRendering.json(report, options)), "the whole report");
        r.command("fallline selection --bootstrap " + bootstrap + " --out sparrows");
        return r.build();
    }

    private static String se(java.util.OptionalDouble v) {
        return v.isPresent() ? Numbers.table(v.getAsDouble()) : "—";
    }
}
