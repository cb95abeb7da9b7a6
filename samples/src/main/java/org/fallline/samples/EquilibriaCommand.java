package org.fallline.samples;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fallline.core.field.Box;
import org.fallline.core.ProgressListener;
import org.fallline.core.equilibrium.CertifiedEquilibriumFinder;
import org.fallline.core.equilibrium.EquilibriumFinder;
import org.fallline.core.equilibrium.EquilibriumSearch;
import org.fallline.core.equilibrium.MultistartStoppingRule;
import org.fallline.core.field.Expression;
import org.fallline.core.field.ScalarField;
import org.fallline.samples.internal.ExitStatus;
import org.fallline.samples.internal.FormatOption;
import org.fallline.samples.internal.Json;
import org.fallline.samples.internal.OptionTypes;
import org.fallline.samples.internal.QuietOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code fallline equilibria}: the critical points ∇V = 0 of a potential in a box, each classified by
 * the eigenvalues of the Hessian (minimum, maximum, saddle with its Morse index, or degenerate).
 */
@Command(name = "equilibria", sortOptions = false,
        description = {"Find the equilibria (critical points, grad V = 0) of a potential in a box and classify them "
                + "by the eigenvalues of the Hessian.",
                "Example: fallline equilibria --potential 'exp(x)*cos(y) - x - 1' --box -2:2,-1:13"})
final class EquilibriaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PotentialOptions potential;

    @Mixin
    BoxOption box;

    @Option(names = "--starts", paramLabel = "N", converter = OptionTypes.CountConverter.class,
            description = "Exactly N Newton starts, with no stopping rule (default: rounds of 64 until the rule stops).")
    Integer starts;

    @Option(names = "--stopping-rule", paramLabel = "good-turing|boender-rinnooy-kan",
            converter = StoppingRuleConverter.class, defaultValue = "good-turing",
            description = "When to stop drawing starts: good-turing (the fraction of starts whose point no other start"
                    + " reached is <= 0.001) or boender-rinnooy-kan (fewer than 0.5 points expected unseen);"
                    + " either also needs a last round of 64 that found nothing new (default: ${DEFAULT-VALUE}).")
    MultistartStoppingRule stoppingRule;

    @Option(names = "--max-starts", paramLabel = "N", converter = OptionTypes.CountConverter.class,
            defaultValue = "100000", description = "The most starts drawn when the rule does not stop sooner"
            + " (default: ${DEFAULT-VALUE}).")
    int maxStarts;

    @Mixin
    FormatOption format;

    @Mixin
    QuietOption quiet;

    @Option(names = "--certified", description = "Prove the list complete: interval Newton (Krawczyk) with bisection"
            + " over the box; sub-boxes it cannot decide (singular Hessian, not smooth, depth or time limit) are listed.")
    boolean certified;

    @Option(names = "--max-depth", paramLabel = "D", converter = OptionTypes.CountConverter.class,
            defaultValue = "60", description = "With --certified: the most bisections from the box to a sub-box"
            + " (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--time-limit", paramLabel = "SECONDS", converter = OptionTypes.PositiveConverter.class,
            defaultValue = "60", description = "With --certified: seconds after which the sub-boxes not yet examined"
            + " are reported undecided (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Override
    public Integer call() {
        ScalarField field = potential.field();
        Box region = box.of(potential, field);
        ProgressListener progress = quiet.progress(spec.commandLine().getErr(), "equilibria");
        EquilibriumSearch search;
        if (certified) {
            if (starts != null) {
                throw new ParameterException(spec.commandLine(), "--starts: not with --certified, which examines"
                        + " sub-boxes instead of drawing starts");
            }
            if (maxDepth > 1000) {
                throw new ParameterException(spec.commandLine(), "--max-depth: expected at most 1000, got " + maxDepth);
            }
            search = CertifiedEquilibriumFinder.builder().maxDepth(maxDepth)
                    .timeLimit(Duration.ofNanos((long) Math.min(Long.MAX_VALUE, timeLimit * 1e9))).build()
                    .search((Expression) field, region, progress);
        } else {
            EquilibriumFinder.Builder options = EquilibriumFinder.builder().stoppingRule(stoppingRule)
                    .maxStarts(maxStarts);
            if (starts != null) {
                options.starts(starts);
            }
            search = options.build().search(field, region, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Json.print(json(field.variables(), search), out);
        } else {
            EquilibriaRendering.table(potential.potential, field.variables(), region, search, out);
        }
        return ExitStatus.OK;
    }

    /** The JSON document of a search (see {@link EquilibriaRendering#json}). */
    static ObjectNode json(List<String> variables, EquilibriumSearch search) {
        return EquilibriaRendering.json(variables, search);
    }

    /** Reads {@code good-turing|boender-rinnooy-kan}. */
    static final class StoppingRuleConverter implements ITypeConverter<MultistartStoppingRule> {
        @Override
        public MultistartStoppingRule convert(String value) {
            return switch (value.strip()) {
                case "good-turing" -> MultistartStoppingRule.goodTuring(EquilibriumFinder.DEFAULT_UNSEEN_MASS);
                case "boender-rinnooy-kan" -> MultistartStoppingRule.boenderRinnooyKan(0.5);
                default -> throw new TypeConversionException("expected good-turing|boender-rinnooy-kan, got '"
                        + value + "'");
            };
        }
    }
}
