package org.fallline.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fallline.evolution.Estimate;
import org.fallline.evolution.GlmGradients;
import org.fallline.evolution.GroupReport;
import org.fallline.evolution.IndividualObserver;
import org.fallline.evolution.Model;
import org.fallline.evolution.PhenotypeSource;
import org.fallline.evolution.RowFilter;
import org.fallline.evolution.SelectionAnalysis;
import org.fallline.evolution.SelectionException;
import org.fallline.evolution.SelectionOptions;
import org.fallline.evolution.SelectionReport;
import org.fallline.evolution.Standardization;
import org.fallline.evolution.io.GeneticCovarianceCsv;
import org.fallline.evolution.io.CsvFormat;
import org.fallline.evolution.io.PhenotypeCsv;
import org.fallline.samples.internal.BadInputException;
import org.fallline.samples.internal.Csv;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.Format;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.OptionTypes;
import org.fallline.samples.internal.QuietOption;
import org.fallline.samples.internal.StagedDirectory;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code fallline selection}: the Lande–Arnold analysis of a phenotype table (by default Bumpus's
 * sparrows, bundled): selection differentials, gradients β and γ, canonical analysis, stationary
 * point, GLM gradients, resampling, predicted response; rendered as a table, tidy CSV or JSON, and with
 * {@code --out DIR} as files with figures of the fitted fitness surface and of each trait's
 * non-parametric fitness function.
 */
@Command(name = "selection", sortOptions = false,
        description = {"Measure phenotypic selection (Lande & Arnold 1983) in a table of individuals.",
                "Without --data: Bumpus's (1899) house sparrows, bundled; fitness W (survival), the nine "
                        + "measurements as traits.",
                "Example: fallline selection --where Sex=1 --bootstrap 1000 --out sparrows"})
final class SelectionCommand implements Callable<Integer> {

    /** The bundled data set used when no --data is given. */
    static final String BUNDLED = "bumpus.csv";
    static final String BUNDLED_FITNESS = "W";
    static final List<String> BUNDLED_TRAITS = List.of("TotalLength_mm", "AlarExtent_mm", "Weight_g", "SkullL_mm",
            "HumerusL_in", "FemurL_in", "TibioTarL_in", "SkullW_in", "SternumL_in");

    /** The tidy CSV header. */
    static final List<String> TIDY_HEADER = List.of("group", "analysis", "term", "estimate", "std.error",
            "statistic", "p.value", "conf.low", "conf.high", "boot.se", "perm.p.value", "boot.conf.low", "boot.conf.high",
            "glm.p.value");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Phenotype table: a delimited text file with a header (default: the bundled Bumpus sparrows).")
    Path data;

    @Option(names = "--fitness", paramLabel = "COL",
            description = "The absolute fitness column (default with the bundled data: W).")
    String fitness;

    @Option(names = "--traits", paramLabel = "A,B,...", converter = OptionTypes.ColumnsConverter.class,
            description = "The trait columns (default with the bundled data: the nine measurements).")
    List<String> traits;

    @Option(names = "--where", paramLabel = "COL=VALUE",
            description = "Keep only rows where COL compares with VALUE: COL=VALUE, COL!=VALUE, or COL<VALUE, <=, >, >= "
                    + "(numbers); repeatable, all must hold.")
    List<String> where = new ArrayList<>();

    @Option(names = "--by", paramLabel = "COL", description = "A separate analysis for each value of COL.")
    String by;

    @Option(names = "--compare-groups", description = "With --by: test equal beta and equal gamma across the groups "
            + "(trait x group interaction; F test, or likelihood-ratio test when a GLM is fitted), analysis compare.")
    boolean compareGroups;

    @Option(names = "--covariates", paramLabel = "A,B", converter = OptionTypes.ColumnsConverter.class,
            description = "Fixed effects entering every model beside the traits (not standardised, no gradients), "
                    + "reported as analysis covariate: numeric, or categorical when some value is not a number "
                    + "(treatment contrasts, reference = first level in sorted order). Rows missing one are dropped "
                    + "before fitness is relativised and traits standardised.")
    List<String> covariates;

    @Option(names = "--categorical", paramLabel = "A,B", converter = OptionTypes.ColumnsConverter.class,
            description = "Covariates read as categorical even though their values are numbers (e.g. a site coded "
                    + "1, 2, 3).")
    List<String> categorical;

    @Option(names = "--log", paramLabel = "A,B", arity = "0..1", fallbackValue = ALL_TRAITS,
            description = "Analyse traits on the natural-log scale: the listed ones, or all when no list is given.")
    String log;

    @Option(names = "--standardize", paramLabel = "sd|mean|none", converter = StandardizationConverter.class,
            defaultValue = "sd", description = "Trait scaling: sd (Lande-Arnold), mean (elasticities) or none "
                    + "(default: ${DEFAULT-VALUE}).")
    Standardization standardization;

    @Option(names = "--model", paramLabel = "ols|logistic|poisson|gam", converter = ModelConverter.class,
            defaultValue = "ols", description = "Regression model of the gradients (default: ${DEFAULT-VALUE}). With "
                    + "ols and 0/1 or count fitness, column glm.p.value gives each beta, gamma and covariate row the Wald "
                    + "p-value of the same term in the logistic or Poisson GLM. gam adds a spline fitness function "
                    + "(mgcv's te/s cubic regression splines, binomial for 0/1 fitness, Poisson for counts, Gaussian "
                    + "otherwise, smoothing by UBRE/GCV) and gsg's GAM gradients beta_gam, gamma_gam.")
    Model model;

    @Option(names = "--first-order-only", description = "Fit only the first-order model (no gamma, canonical "
            + "analysis or stationary point).")
    boolean firstOrderOnly;

    @Option(names = "--bootstrap", paramLabel = "N", converter = NonNegativeConverter.class, defaultValue = "0",
            description = "Case-bootstrap resamples (default: none).")
    int bootstrap;

    @Option(names = "--permutations", paramLabel = "N", converter = NonNegativeConverter.class, defaultValue = "0",
            description = "Permutation tests with N permutations (default: none): Freedman-Lane for each beta and gamma, "
                    + "fitness permuted with gamma re-rotated for the eigenvalues.")
    int permutations;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the resampling (default: a fixed seed).")
    Long seed;

    @Option(names = "--G", paramLabel = "FILE",
            description = "Additive genetic covariance matrix G (CSV with trait names) for the predicted response G*beta.")
    Path geneticCovariance;

    @Option(names = "--delimiter", paramLabel = "CHAR", converter = DelimiterConverter.class,
            description = "Field separator of --data: ',', ';', 'tab' or any single character (default: detected).")
    Character delimiter;

    @Option(names = "--decimal-comma", description = "Numbers in --data are written with a decimal comma (1,5); "
            + "fields are then separated by ';' (or a tab).")
    boolean decimalComma;

    @Option(names = "--na", paramLabel = "CODES", converter = OptionTypes.ColumnsConverter.class,
            description = "Cell texts read as missing, comma-separated, e.g. NA,#N/A,.,- (default: NA,NaN; an empty "
                    + "cell is always missing).")
    List<String> naCodes;

    @Option(names = "--surface", paramLabel = "A,B", converter = OptionTypes.ColumnsConverter.class,
            description = "The two traits over which --out draws the fitted fitness surface (default: the two "
                    + "canonical axes with the largest |eigenvalue|).")
    List<String> surface;

    @Option(names = "--svg", description = "With --out, also write every figure as SVG (default: PNG only).")
    boolean svg;

    @Option(names = "--format", paramLabel = "table|csv|json", converter = Format.TableCsvOrJson.class,
            defaultValue = "table", description = "Output format on stdout (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the tables (CSV, JSON, text) and the "
            + "figures (PNG and SVG) into DIR; nothing is written unless the whole analysis succeeds.")
    Path out;

    @Option(names = "--force", description = "With --out, replace the directory's contents even when it holds files "
            + "fallline did not write.")
    boolean force;

    @Mixin
    QuietOption quiet;

    static final String ALL_TRAITS = "\u0000all";

    @Override
    public Integer call() throws IOException {
        PhenotypeSource source = source();
        SelectionOptions options = options();
        if (out == null && (surface != null || svg)) {
            throw new ParameterException(spec.commandLine(), (surface != null ? "--surface" : "--svg")
                    + " chooses what --out draws; give --out DIR too");
        }
        if (surface != null) {
            if (surface.size() != 2) {
                throw new ParameterException(spec.commandLine(), "--surface: " + surface.size()
                        + (surface.size() == 1 ? " trait" : " traits") + " given; expected exactly two, e.g. --surface " + options.traits().get(0) + ","
                        + options.traits().get(Math.min(1, options.traits().size() - 1)));
            }
            for (String t : surface) {
                if (!options.traits().contains(t)) {
                    throw new ParameterException(spec.commandLine(), "--surface: '" + t + "' is not one of the traits ("
                            + String.join(", ", options.traits()) + ")");
                }
            }
        }
        StagedDirectory staged = out == null ? null : StagedDirectory.open(out, "--out", force);
        try {
            // the figures' individuals are sampled during the analysis's own pass over the table
            SelectionSample sample = new SelectionSample(options.traits().size(), options.seed());
            SelectionReport report = new SelectionAnalysis().analyze(source, options,
                    staged == null ? IndividualObserver.NONE : sample);
            PrintWriter stdout = spec.commandLine().getOut();
            Provenance provenance = format == Format.CSV && staged == null ? null : provenance(options);
            render(report, options, format, provenance, stdout);
            stdout.flush();
            PrintWriter err = spec.commandLine().getErr();
            if (!quiet.isSet() && format != Format.TABLE) {
                // the table shows the notes itself; with csv or json they go to stderr
                for (String note : SelectionRendering.allNotes(report)) {
                    err.println("note: " + note);
                }
            }
            if (staged != null) {
                List<String> figureNotes = writeOutputs(staged, sample, options, report, provenance);
                List<Path> written = staged.commit();
                if (!quiet.isSet()) {
                    figureNotes.forEach(n -> err.println("note: " + n));
                    err.println("wrote " + written.size() + " files to " + out);
                }
            }
            List<String> failures = requestedModelFailures(report, options);
            if (!failures.isEmpty()) {
                err.println("error: the " + options.model().name().toLowerCase(Locale.ROOT) + " model did not reach "
                        + "its result: " + String.join("; ", failures));
                err.flush();
                return ExitStatus.INCOMPLETE;
            }
            err.flush();
            return ExitStatus.OK;
        } finally {
            if (staged != null) {
                staged.close();
            }
        }
    }

    /** The source table: --data, or the bundled sparrows. */
    PhenotypeSource source() {
        if (data == null) {
            if (delimiter != null || decimalComma || naCodes != null) {
                throw new ParameterException(spec.commandLine(), (delimiter != null ? "--delimiter"
                        : decimalComma ? "--decimal-comma" : "--na") + " applies to --data; the bundled data is "
                        + "comma-separated with '.' decimals and NA for missing values");
            }
            return PhenotypeCsv.of(BUNDLED + " (bundled)", bundledText());
        }
        if (!Files.exists(data)) {
            throw new BadInputException("--data: file not found: " + data);
        }
        if (!Files.isRegularFile(data) || !Files.isReadable(data)) {
            throw new BadInputException("--data: cannot read '" + data + "' (not a readable file)");
        }
        CsvFormat format = CsvFormat.DEFAULT.withDecimalComma(decimalComma);
        if (naCodes != null) {
            format = format.withMissing(new java.util.LinkedHashSet<>(naCodes));
        }
        if (delimiter != null) {
            if (decimalComma && delimiter == ',') {
                throw new ParameterException(spec.commandLine(), "--delimiter ',' cannot go with --decimal-comma: "
                        + "the comma is then the decimal mark; use ';' or tab");
            }
            format = format.withSeparator(delimiter);
        }
        return PhenotypeCsv.open(data, format);
    }

    // the bundled table, read from the program once (it is both analysed and digested for the provenance)
    private String bundledText;

    private String bundledText() {
        if (bundledText == null) {
            bundledText = bundled(BUNDLED);
        }
        return bundledText;
    }

    static String bundled(String name) {
        try (InputStream in = SelectionCommand.class.getResourceAsStream("/data/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled data /data/" + name + " is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SelectionOptions options() {
        String fitnessColumn = fitness;
        List<String> traitColumns = traits;
        if (data == null) {
            fitnessColumn = fitness == null ? BUNDLED_FITNESS : fitness;
            traitColumns = traits == null ? BUNDLED_TRAITS : traits;
        } else {
            if (fitness == null) {
                throw new ParameterException(spec.commandLine(), "--fitness is required with --data: name the "
                        + "column of absolute fitness");
            }
            if (traits == null) {
                throw new ParameterException(spec.commandLine(), "--traits is required with --data: name the trait "
                        + "columns, e.g. --traits length,mass");
            }
        }
        SelectionOptions.Builder b = SelectionOptions.builder()
                .fitness(fitnessColumn)
                .traits(traitColumns)
                .standardization(standardization)
                .model(model)
                .quadratic(!firstOrderOnly)
                .bootstrap(bootstrap)
                .permutations(permutations)
                .progress(quiet.progress(spec.commandLine().getErr(), "resampling"));
        for (String w : where) {
            try {
                b.where(RowFilter.parse(w));
            } catch (SelectionException e) {
                // the filter's own parser knows every operator; the option only adds its name
                throw new ParameterException(spec.commandLine(), w.matches(".*[=<>].*") ? "--where: " + e.getMessage()
                        : "--where: '" + w + "' must read COLUMN=VALUE (or !=, <, <=, >, >=), e.g. --where Sex=1");
            }
        }
        if (by != null) {
            b.by(by);
        } else if (compareGroups) {
            throw new ParameterException(spec.commandLine(), "--compare-groups needs --by COL: the column whose groups"
                    + " are compared, e.g. --by Sex");
        }
        b.compareGroups(compareGroups);
        if (categorical != null && covariates == null) {
            throw new ParameterException(spec.commandLine(), "--categorical names covariates: give --covariates too");
        }
        if (covariates != null) {
            b.covariates(covariates);
        }
        if (categorical != null) {
            b.categorical(categorical);
        }
        if (ALL_TRAITS.equals(log)) {
            b.logAll();
        } else if (log != null) {
            b.log(new OptionTypes.ColumnsConverter().convert(log));
        }
        if (seed != null) {
            b.seed(seed);
        }
        if (geneticCovariance != null) {
            if (!Files.exists(geneticCovariance)) {
                throw new BadInputException("--G: file not found: " + geneticCovariance);
            }
            b.geneticCovariance(GeneticCovarianceCsv.read(geneticCovariance));
        }
        return b.build();
    }

    /** Diagnoses of the GLM the user asked for (the logistic fit added beside OLS does not count). */
    static List<String> requestedModelFailures(SelectionReport report, SelectionOptions options) {
        List<String> failures = new ArrayList<>();
        if (options.model() == Model.OLS) {
            return failures;
        }
        for (GroupReport g : report.groups()) {
            for (GlmGradients glm : g.glm()) {
                if (glm.model() == options.model() && !glm.diagnoses().isEmpty()) {
                    String prefix = report.groups().size() > 1 ? "group " + g.group() + ": " : "";
                    glm.diagnoses().forEach(d -> failures.add(prefix + d));
                }
            }
        }
        return failures;
    }

    /** What produced this run (the input's digest costs a read of the file; csv output alone goes without). */
    private Provenance provenance(SelectionOptions options) {
        return Provenance.of(spec.commandLine().getParseResult().originalArgs(), options, data, BUNDLED + " (bundled)",
                data == null ? bundledText() : null);
    }

    static void render(SelectionReport report, SelectionOptions options, Format format, Provenance provenance,
                       PrintWriter out) throws IOException {
        switch (format) {
            case CSV -> writeTidy(report, out);
            case JSON -> Json.print(json(report, options, provenance), out);
            default -> table(report, options, provenance, out);
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode json(SelectionReport report, SelectionOptions options,
                                                                       Provenance provenance) {
        com.fasterxml.jackson.databind.node.ObjectNode root = SelectionRendering.json(report, options);
        if (provenance != null) {
            root.set("provenance", provenance.json());
        }
        return root;
    }

    private static void table(SelectionReport report, SelectionOptions options, Provenance provenance,
                              PrintWriter out) {
        SelectionRendering.table(report, options, out);
        if (provenance != null) {
            out.println();
            provenance.lines().forEach(out::println);
        }
    }

    static void writeTidy(SelectionReport report, java.io.Writer out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Estimate e : report.tidy()) {
            rows.add(SelectionRendering.tidyRow(e));
        }
        Csv.write(out, TIDY_HEADER, rows);
    }

    /** Writes the tables, then the figures; returns notes on figures left out. */
    private List<String> writeOutputs(StagedDirectory staged, SelectionSample sample, SelectionOptions options,
                                      SelectionReport report, Provenance provenance) throws IOException {
        try (var w = Files.newBufferedWriter(staged.file("selection.csv"), StandardCharsets.UTF_8)) {
            writeTidy(report, w);
        }
        Files.writeString(staged.file("selection.json"), Json.toString(json(report, options, provenance))
                + System.lineSeparator(), StandardCharsets.UTF_8);
        StringWriter table = new StringWriter();
        PrintWriter tw = new PrintWriter(table);
        table(report, options, provenance, tw);
        tw.flush();
        Files.writeString(staged.file("selection.txt"), table.toString(), StandardCharsets.UTF_8);
        // the tables are written first: the figures come after them
        return SelectionFigures.write(staged, sample, options, report, surface, svg);
    }

    /** Reads sd|mean|none. */
    static final class StandardizationConverter implements ITypeConverter<Standardization> {
        @Override
        public Standardization convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "sd" -> Standardization.SD;
                case "mean" -> Standardization.MEAN;
                case "none" -> Standardization.NONE;
                default -> throw new TypeConversionException("expected sd, mean or none, got '" + value + "'");
            };
        }
    }

    /** Reads ols|logistic|poisson|gam. */
    static final class ModelConverter implements ITypeConverter<Model> {
        @Override
        public Model convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "ols" -> Model.OLS;
                case "logistic" -> Model.LOGISTIC;
                case "poisson" -> Model.POISSON;
                case "gam" -> Model.GAM;
                default -> throw new TypeConversionException("expected ols, logistic, poisson or gam, got '" + value
                        + "'");
            };
        }
    }

    /** Reads a whole number ≥ 0. */
    static final class NonNegativeConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int v = Integer.parseInt(value.strip());
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below with what was expected
            }
            throw new TypeConversionException("expected a whole number >= 0, got '" + value + "'");
        }
    }

    /** Reads ',', ';', 'tab' (or a literal tab, or \t) or any other single character. */
    static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            if (value.equalsIgnoreCase("tab") || value.equals("\\t") || value.equals("\t")) {
                return '\t';
            }
            if (value.length() != 1 || value.equals("\"")) {
                throw new TypeConversionException("expected a single character such as ',', ';' or 'tab', got '"
                        + value + "'");
            }
            return value.charAt(0);
        }
    }
}
