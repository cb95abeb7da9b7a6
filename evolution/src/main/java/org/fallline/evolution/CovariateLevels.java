package org.fallline.evolution;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fallline.evolution.internal.CovariateCoding;
import org.fallline.evolution.internal.DecimalParser;

/**
 * The first of two passes over the table when covariates are given: finds which covariates are categorical
 * (any non-missing value that is not a number, or named by {@code --categorical}) and the levels of each,
 * sorted as R's {@code factor()} sorts them — numerically when every level is a number, otherwise by the
 * text's character order (R's sort in the C locale) — and which levels each group's complete rows hold, so
 * that every group gets its own treatment contrasts (reference: its first level). Reads the same rows as the
 * analysis (filters, groups); a row counts for the levels when its fitness, traits and covariates are all
 * present. Memory: at most {@value #MAX_LEVELS} + 1 labels per covariate.
 */
final class CovariateLevels implements PhenotypeSource.RecordSink {

    /** The most levels a categorical covariate may have. */
    static final int MAX_LEVELS = 50;

    private final RowReader.Layout layout;
    private final PhenotypeSource table;
    private final SelectionOptions options;
    private final char point;
    private final int m;
    private final boolean[] numeric;
    private final boolean[] tooMany;
    /** Per covariate: label → the groups whose complete rows hold it, in order of first appearance. */
    private final List<Map<String, Set<String>>> seen = new ArrayList<>();
    private final List<String> firstText = new ArrayList<>();
    private final long[] firstTextLine;

    private List<List<String>> labels;
    private List<Map<String, Integer>> index;

    CovariateLevels(RowReader.Layout layout, PhenotypeSource table, SelectionOptions options) {
        this.layout = layout;
        this.table = table;
        this.options = options;
        this.point = table.decimalMark();
        this.m = options.covariates().size();
        this.numeric = new boolean[m];
        this.tooMany = new boolean[m];
        this.firstTextLine = new long[m];
        for (int j = 0; j < m; j++) {
            numeric[j] = !options.categorical().contains(options.covariates().get(j));
            seen.add(new LinkedHashMap<>());
            firstText.add(null);
        }
    }

    @Override
    public void record(long line, String[] cells) {
        String key = layout.group(cells, table, options);
        if (key == null) {
            return;
        }
        boolean complete = !table.isMissing(cells[layout.fitness()].trim());
        for (int p : layout.traits()) {
            complete &= !table.isMissing(cells[p].trim());
        }
        int[] cov = layout.covariates();
        for (int j = 0; j < m; j++) {
            String t = cells[cov[j]].trim();
            if (table.isMissing(t)) {
                complete = false;
            } else if (numeric[j] && !Double.isFinite(DecimalParser.parse(t, 0, t.length(), point))) {
                numeric[j] = false;
                firstText.set(j, t);
                firstTextLine[j] = line;
            }
        }
        if (!complete) {
            return;
        }
        for (int j = 0; j < m; j++) {
            if (tooMany[j]) {
                continue;
            }
            String label = GroupKey.canonical(cells[cov[j]].trim(), point);
            Map<String, Set<String>> s = seen.get(j);
            Set<String> groups = s.get(label);
            if (groups == null) {
                if (s.size() > MAX_LEVELS) {
                    tooMany[j] = true;
                    continue;
                }
                groups = new java.util.LinkedHashSet<>();
                s.put(label, groups);
            }
            groups.add(key);
        }
    }

    /** Sorts the levels once the pass is over; refuses a categorical covariate with too many levels. */
    void finish() {
        labels = new ArrayList<>();
        index = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            String name = options.covariates().get(j);
            if (numeric[j]) {
                labels.add(List.of());
                index.add(Map.of());
                continue;
            }
            if (tooMany[j] || seen.get(j).size() > MAX_LEVELS) {
                String why = firstText.get(j) != null ? " ('" + firstText.get(j) + "' at line " + firstTextLine[j]
                        + " is not a number, so it is read as categorical)" : " (read as categorical by --categorical)";
                throw new SelectionException("--covariates: categorical covariate '" + name + "' has more than "
                        + MAX_LEVELS + " levels" + why + "; a factor with so many levels is more likely an identifier"
                        + " or a mistyped number column: leave it out, or recode it");
            }
            List<String> sorted = new ArrayList<>(seen.get(j).keySet());
            boolean allNumbers = sorted.stream().allMatch(l -> Double.isFinite(GroupKey.number(l)));
            sorted.sort(allNumbers ? Comparator.comparingDouble(GroupKey::number) : Comparator.naturalOrder());
            Map<String, Integer> at = new HashMap<>();
            for (int l = 0; l < sorted.size(); l++) {
                at.put(sorted.get(l), l);
            }
            labels.add(List.copyOf(sorted));
            index.add(at);
        }
    }

    /** Whether covariate j is categorical. */
    boolean categorical(int j) {
        return !numeric[j];
    }

    /** The global index of a categorical covariate's canonical label, or −1 when no complete row holds it. */
    int level(int j, String label) {
        Integer at = index.get(j).get(label);
        return at == null ? -1 : at;
    }

    /**
     * The coding of one group's covariates.
     *
     * @param where "group 'x'" or "the data", for messages
     * @throws SelectionException BAD_INPUT when a categorical covariate has a single level in the group
     */
    CovariateCoding coding(String group, String where) {
        CovariateCoding.Builder b = CovariateCoding.builder();
        for (int j = 0; j < m; j++) {
            String name = options.covariates().get(j);
            if (numeric[j]) {
                b.numeric(name);
                continue;
            }
            List<Integer> present = new ArrayList<>();
            BitSet bits = new BitSet();
            for (Map.Entry<String, Set<String>> e : seen.get(j).entrySet()) {
                if (e.getValue().contains(group)) {
                    bits.set(index.get(j).get(e.getKey()));
                }
            }
            bits.stream().forEach(present::add);
            if (present.isEmpty()) {
                // no complete row in this group: the analysis says so itself
                b.numeric(name);
                continue;
            }
            if (present.size() == 1) {
                throw new SelectionException("--covariates: categorical covariate '" + name + "' has a single level ('"
                        + labels.get(j).get(present.get(0)) + "') among the complete rows of " + where
                        + ", so it is aliased with the intercept: leave it out"
                        + (options.by().isPresent() ? " or analyse the groups together" : ""));
            }
            b.categorical(name, labels.get(j), present);
        }
        return b.build();
    }
}
