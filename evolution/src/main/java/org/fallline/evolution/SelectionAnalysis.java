package org.fallline.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.fallline.evolution.internal.GroupAccumulator;
import org.fallline.evolution.internal.Accumulation;
import org.fallline.evolution.internal.AccumulationPipeline;

/**
 * The Lande–Arnold analysis of phenotypic selection (Lande &amp; Arnold 1983, Evolution 37:
 * 1210–1226) of a phenotype table: per group, relative fitness w = W/W̄ and standardised traits z;
 * selection differentials S and C; the directional gradient β from the first-order and the quadratic
 * matrix γ from the second-order least-squares model; the canonical analysis of γ (Phillips &amp;
 * Arnold 1989) with the double regression; the stationary point of the fitted surface, classified by
 * the core; the predicted response Gβ (Lande 1979); GLM gradients for binary or count fitness
 * (Janzen &amp; Stern 1998; Morrissey &amp; Sakrejda 2013); case-bootstrap and permutation inference.
 *
 * <p>The table is read once, as a stream: each group's least-squares analyses come from the triangular
 * factor of its second-order design, updated block by block by Householder reflections
 * ({@link org.fallline.evolution.internal.ShiftedDesign}), and are solved by R's pivoted QR, never by
 * normal equations; memory does not grow with the number of rows; only GLM fits and resampling keep
 * the rows.
 *
 * <p>Pure: nothing is printed; trouble is a {@link SelectionException} — {@code BAD_INPUT} for input
 * the user must change, {@code NUMERICAL} for a computation that could not reach its result.
 */
public final class SelectionAnalysis {

    /**
     * Analyses {@code source} as {@code options} say.
     *
     * @throws SelectionException BAD_INPUT for unknown columns, unreadable cells, too few individuals,
     *                            constant or collinear traits, bad fitness or a bad G matrix;
     *                            NUMERICAL when a fit cannot be completed
     */
    public SelectionReport analyze(PhenotypeSource source, SelectionOptions options) {
        return analyze(source, options, IndividualObserver.NONE);
    }

    /**
     * Analyses {@code source} as {@code options} say, showing {@code observer} every individual of the analysis
     * during the one pass over the table.
     *
     * @throws SelectionException as {@link #analyze(PhenotypeSource, SelectionOptions)}
     */
    public SelectionReport analyze(PhenotypeSource source, SelectionOptions options, IndividualObserver observer) {
        double[][] g = options.geneticCovariance().map(gc -> gc.reorderedTo(options.traits())).orElse(null);
        boolean needRows = options.model() != Model.OLS || options.bootstrap() > 0 || options.permutations() > 0;
        Accumulation accumulation = new Accumulation(needRows, options.model() == Model.OLS);
        AccumulationPipeline pipeline = new AccumulationPipeline(options.traits().size()
                + options.covariates().size(), accumulation);
        RowReader reader;
        try {
            reader = new RowReader(source, options, pipeline, observer);
            // with covariates, a first pass finds which are categorical and their levels
            reader.scanLevels();
            source.scan(reader.columns(), reader);
        } catch (RuntimeException | Error e) {
            pipeline.abandon();
            throw e;
        }
        pipeline.finish();
        if (reader.records() == 0) {
            throw new SelectionException(source.name() + " has a header but no data rows");
        }
        List<String> notes = new ArrayList<>();
        if (reader.filteredOut() == reader.records()) {
            List<String> why = new ArrayList<>();
            for (int f = 0; f < options.filters().size(); f++) {
                RowFilter rf = options.filters().get(f);
                why.add("'" + rf.column() + "' has " + String.join(", ", reader.filterValues(f)));
            }
            throw new SelectionException("no row of " + source.name() + " matches "
                    + options.filters().stream().map(RowFilter::toString).collect(Collectors.joining(" and "))
                    + " (" + String.join("; ", why) + ")");
        }
        if (reader.filteredOut() > 0) {
            notes.add(reader.filteredOut() + " of " + reader.records() + " rows left out by "
                    + options.filters().stream().map(RowFilter::toString).collect(Collectors.joining(" and ")));
        }
        if (reader.noGroup() > 0) {
            String by = options.by().orElseThrow();
            notes.add(reader.noGroup() + (reader.noGroup() == 1 ? " row" : " rows") + " left out for an empty '" + by
                    + "' (line" + (reader.noGroup() == 1 ? " " : "s ")
                    + reader.noGroupLines().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (reader.noGroup() > reader.noGroupLines().size() ? ", …" : "") + ")");
        }
        List<GroupAccumulator> groups = reader.groups();
        if (groups.isEmpty()) {
            throw new SelectionException("every row of " + source.name() + " has an empty '" + options.by().orElseThrow()
                    + "': there is no group to analyse");
        }
        GroupAnalysis analysis = new GroupAnalysis(options, g);
        boolean allBinary = accumulation.allBinary();
        boolean glm = GroupInference.glmWanted(options, allBinary);
        GroupInference.Progress progress = new GroupInference.Progress(options.progress(),
                groups.size() * GroupInference.runsPerGroup(options, glm));
        GroupInference inference = new GroupInference(options, g, progress);
        List<GroupReport> reports = new ArrayList<>();
        List<GroupComparison.Group> compared = new ArrayList<>();
        for (GroupAccumulator acc : groups) {
            GroupAnalysis.Fitted fitted = analysis.analyze(acc);
            reports.add(inference.apply(fitted, acc, allBinary, accumulation.allCounts()));
            if (options.compareGroups()) {
                compared.add(new GroupComparison.Group(acc.key(), fitted.moments(), acc.rows()));
            }
        }
        List<Coefficient> comparisons = List.of();
        if (accumulation.countRowsDropped() && options.model() == Model.OLS) {
            notes.add("glm.p.value: no Poisson p-values beside the least-squares rows: the Poisson fit needs the rows in"
                    + " memory, kept for count fitness up to " + org.fallline.evolution.internal.Accumulation.COUNT_ROWS
                    + " individuals (give --model poisson, or resampling, to fit it at any size)");
        }
        if (options.compareGroups()) {
            Model family = glm ? (options.model() == Model.POISSON ? Model.POISSON : Model.LOGISTIC) : null;
            GroupComparison.Result c = GroupComparison.compare(compared, options, family);
            comparisons = c.tests();
            notes.addAll(c.notes());
        }
        return new SelectionReport(source.name(), options.fitness(), options.traits(), options.standardization(),
                options.logTraits(), reports, notes, comparisons);
    }
}
