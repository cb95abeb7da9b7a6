package org.fallline.evolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fallline.evolution.internal.CovariateCoding;
import org.fallline.evolution.internal.DecimalParser;
import org.fallline.evolution.internal.GroupAccumulator;
import org.fallline.evolution.internal.IndividualSink;
import org.fallline.evolution.internal.Levenshtein;

/**
 * The one pass over the records: resolves the columns, applies the filters, splits by group, parses
 * fitness, traits and covariates (file:line:column messages), applies the log transform, drops incomplete
 * rows listwise and feeds every complete individual to its group's accumulator: traits then the covariates'
 * raw values (a number, or a categorical level's index in {@link CovariateLevels}, which a first pass over
 * the table finds when covariates are given).
 */
final class RowReader implements PhenotypeSource.SpanSink {

    private static final int DISTINCT_KEPT = 12;

    private final String source;
    private final PhenotypeSource table;
    private final char point;
    private final SelectionOptions options;
    private final int k;
    private final int[] scanColumns;
    private final int fitnessPos;
    private final int fitnessColumn;
    private final int[] traitPos;
    private final int[] traitColumn;
    private final boolean[] log;
    private final int[] filterPos;
    private final List<Set<String>> filterValues = new ArrayList<>();
    private final int byPos;
    private final IndividualSink sink;
    private final IndividualObserver observer;
    private final boolean logistic;
    private final Map<String, GroupAccumulator> groups = new LinkedHashMap<>();
    private final double[] x;
    private final int m;
    private final int[] covPos;
    private final int[] covColumn;
    /** Traits then covariate values, handed to the sink (x itself without covariates). */
    private final double[] raw;
    private CovariateLevels levels;
    /** The filter and grouping cells of a record read in place (other entries unused). */
    private final String[] spanCells;

    private long records;
    private long filteredOut;
    private long noGroup;
    private final List<Long> noGroupLines = new ArrayList<>();

    /**
     * @param sink receives the complete individuals
     */
    RowReader(PhenotypeSource table, SelectionOptions options, IndividualSink sink, IndividualObserver observer) {
        List<String> header = table.columns();
        this.sink = sink;
        this.observer = observer;
        this.logistic = options.model() == Model.LOGISTIC;
        this.table = table;
        this.source = table.name();
        this.point = table.decimalMark();
        this.options = options;
        List<String> traits = options.traits();
        this.k = traits.size();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            index.computeIfAbsent(header.get(j), h -> new ArrayList<>()).add(j);
        }
        List<Integer> scan = new ArrayList<>();
        this.fitnessColumn = resolve(options.fitness(), "fitness", index, header);
        this.fitnessPos = position(scan, fitnessColumn);
        this.traitPos = new int[k];
        this.traitColumn = new int[k];
        this.log = new boolean[k];
        for (int i = 0; i < k; i++) {
            traitColumn[i] = resolve(traits.get(i), "trait", index, header);
            traitPos[i] = position(scan, traitColumn[i]);
            log[i] = options.logTraits().contains(traits.get(i));
        }
        List<RowFilter> filters = options.filters();
        this.filterPos = new int[filters.size()];
        for (int f = 0; f < filters.size(); f++) {
            filterPos[f] = position(scan, resolve(filters.get(f).column(), "filter", index, header));
            filterValues.add(new LinkedHashSet<>());
        }
        this.byPos = options.by().map(b -> position(scan, resolve(b, "grouping", index, header))).orElse(-1);
        List<String> covariates = options.covariates();
        this.m = covariates.size();
        this.covPos = new int[m];
        this.covColumn = new int[m];
        for (int j = 0; j < m; j++) {
            covColumn[j] = resolve(covariates.get(j), "covariate", index, header);
            covPos[j] = position(scan, covColumn[j]);
        }
        this.scanColumns = scan.stream().mapToInt(Integer::intValue).toArray();
        this.x = new double[k];
        this.raw = m == 0 ? x : new double[k + m];
        this.spanCells = new String[scanColumns.length];
    }

    private static int position(List<Integer> scan, int column) {
        int p = scan.indexOf(column);
        if (p >= 0) {
            return p;
        }
        scan.add(column);
        return scan.size() - 1;
    }

    private int resolve(String name, String role, Map<String, List<Integer>> index, List<String> header) {
        List<Integer> at = index.get(name);
        if (at == null) {
            Optional<String> near = Levenshtein.closest(name, header);
            String hint = near.map(s -> " (did you mean '" + s + "'?)").orElse(header.size() <= 20
                    ? " (columns: " + String.join(", ", header) + ")" : "");
            throw new SelectionException("unknown " + role + " column '" + name + "' in " + source + hint);
        }
        if (at.size() > 1) {
            List<String> cols = new ArrayList<>();
            for (int c : at) {
                cols.add(String.valueOf(c + 1));
            }
            throw new SelectionException(source + ":1: column name '" + name + "' appears " + at.size()
                    + " times in the header (columns " + String.join(", ", cols) + "): rename them so that each is unique");
        }
        return at.get(0);
    }

    int[] columns() {
        return scanColumns.clone();
    }

    /** Where the cells of the analysis are among the scanned columns, and which group a record belongs to. */
    record Layout(int fitness, int[] traits, int[] covariates, int[] filters, int by) {

        /** The record's group, or null when the filters leave it out or its group is missing (nothing counted). */
        String group(String[] cells, PhenotypeSource table, SelectionOptions options) {
            List<RowFilter> fs = options.filters();
            for (int f = 0; f < filters.length; f++) {
                if (!fs.get(f).matches(cells[filters[f]], table.decimalMark())) {
                    return null;
                }
            }
            if (by < 0) {
                return GroupReport.ALL;
            }
            String key = cells[by].trim();
            return table.isMissing(key) ? null : GroupKey.canonical(key, table.decimalMark());
        }
    }

    /** The first pass when there are covariates: their kinds and levels (does nothing without covariates). */
    void scanLevels() {
        if (m == 0) {
            return;
        }
        CovariateLevels found = new CovariateLevels(new Layout(fitnessPos, traitPos.clone(), covPos.clone(),
                filterPos.clone(), byPos), table, options);
        table.scan(scanColumns.clone(), found);
        found.finish();
        this.levels = found;
    }

    /**
     * The fast path for a record read in place: when every number is present, finite and allowed,
     * only the filter and grouping cells become Strings; any other record goes through
     * {@link #record(long, String[])}, which treats it (and words its messages) as always.
     */
    @Override
    public void record(long line, String text, int[] start, int[] end) {
        double w = value(text, start[fitnessPos], end[fitnessPos]);
        boolean plain = w >= 0 && (!logistic || w == 0.0 || w == 1.0);
        for (int i = 0; i < k && plain; i++) {
            double v = value(text, start[traitPos[i]], end[traitPos[i]]);
            if (log[i]) {
                plain = v > 0;
                v = Math.log(v);
            } else {
                plain = !Double.isNaN(v);
            }
            x[i] = v;
        }
        for (int j = 0; j < m && plain; j++) {
            double v;
            if (levels.categorical(j)) {
                v = levels.level(j, GroupKey.canonical(text.substring(start[covPos[j]], end[covPos[j]]).trim(), point));
                plain = v >= 0;
            } else {
                v = value(text, start[covPos[j]], end[covPos[j]]);
                plain = !Double.isNaN(v);
            }
            raw[k + j] = v;
        }
        if (!plain) {
            String[] cells = new String[start.length];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = text.substring(start[c], end[c]);
            }
            record(line, cells);
            return;
        }
        String[] cells = spanCells;
        for (int f : filterPos) {
            cells[f] = text.substring(start[f], end[f]);
        }
        if (byPos >= 0) {
            cells[byPos] = text.substring(start[byPos], end[byPos]);
        }
        GroupAccumulator acc = admit(line, cells);
        if (acc != null) {
            accept(acc, w);
        }
    }

    private void accept(GroupAccumulator acc, double w) {
        if (m > 0) {
            System.arraycopy(x, 0, raw, 0, k);
        }
        sink.accept(acc, w, raw);
        observer.individual(acc.key(), w, x);
    }

    /** The finite number in text[from, to) once trimmed as by {@link String#trim}, else NaN. */
    private double value(String text, int from, int to) {
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        double v = DecimalParser.parse(text, from, to, point);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    @Override
    public void record(long line, String[] cells) {
        GroupAccumulator acc = admit(line, cells);
        if (acc == null) {
            return;
        }
        boolean incomplete = false;
        double w = number(cells[fitnessPos], line, fitnessColumn);
        if (Double.isNaN(w)) {
            incomplete = true;
        } else if (w < 0) {
            throw new SelectionException(source + ":" + line + ":" + (fitnessColumn + 1) + ": fitness '"
                    + options.fitness() + "' must be ≥ 0, found " + cells[fitnessPos].trim());
        } else if (logistic && w != 0.0 && w != 1.0) {
            throw new SelectionException(source + ":" + line + ":" + (fitnessColumn + 1) + ": the logistic model needs"
                    + " fitness 0 or 1, but '" + options.fitness() + "' is " + cells[fitnessPos].trim());
        }
        for (int i = 0; i < k; i++) {
            double v = number(cells[traitPos[i]], line, traitColumn[i]);
            if (Double.isNaN(v)) {
                incomplete = true;
            } else if (log[i]) {
                if (!(v > 0)) {
                    throw new SelectionException(source + ":" + line + ":" + (traitColumn[i] + 1) + ": cannot take the log"
                            + " of trait '" + options.traits().get(i) + "' = " + cells[traitPos[i]].trim()
                            + " (the log transform needs positive values)");
                }
                v = Math.log(v);
            }
            x[i] = v;
        }
        boolean noCovariate = false;
        for (int j = 0; j < m; j++) {
            String t = cells[covPos[j]].trim();
            if (table.isMissing(t)) {
                noCovariate = true;
                incomplete = true;
            } else if (levels.categorical(j)) {
                raw[k + j] = levels.level(j, GroupKey.canonical(t, point));
                // a level no complete row holds: this row is incomplete too
                incomplete |= raw[k + j] < 0;
            } else {
                raw[k + j] = number(cells[covPos[j]], line, covColumn[j]);
            }
        }
        if (incomplete) {
            acc.drop(line, noCovariate);
            return;
        }
        accept(acc, w);
    }

    /**
     * Counts the record and applies the filters and the grouping (which read only their own cells);
     * the record's group, or null when the record is left out.
     */
    private GroupAccumulator admit(long line, String[] cells) {
        records++;
        List<RowFilter> filters = options.filters();
        boolean pass = true;
        for (int f = 0; f < filterPos.length; f++) {
            String cell = cells[filterPos[f]];
            Set<String> seen = filterValues.get(f);
            if (seen.size() < DISTINCT_KEPT) {
                seen.add(cell.trim());
            }
            if (pass && !filters.get(f).matches(cell, point)) {
                pass = false;
            }
        }
        if (!pass) {
            filteredOut++;
            return null;
        }
        String key = GroupReport.ALL;
        if (byPos >= 0) {
            key = cells[byPos].trim();
            if (table.isMissing(key)) {
                noGroup++;
                if (noGroupLines.size() < GroupAccumulator.LINES_KEPT) {
                    noGroupLines.add(line);
                }
                return null;
            }
            key = GroupKey.canonical(key, point);
        }
        GroupAccumulator acc = groups.get(key);
        if (acc == null) {
            CovariateCoding coding = levels == null ? CovariateCoding.NONE
                    : levels.coding(key, byPos >= 0 ? "group '" + key + "'" : "the data");
            acc = new GroupAccumulator(key, k, options.quadratic(), coding);
            groups.put(key, acc);
        }
        return acc;
    }

    /** The number in a cell, NaN if missing. */
    private double number(String cell, long line, int column) {
        String t = cell.trim();
        if (table.isMissing(t)) {
            return Double.NaN;
        }
        double v = DecimalParser.parse(t, 0, t.length(), point);
        if (!Double.isFinite(v)) {
            boolean decimalComma = point == '.' && t.matches("[+-]?\\d*,\\d+");
            boolean decimalPoint = point == ',' && t.matches("[+-]?\\d*\\.\\d+");
            boolean overflow = Double.isInfinite(v);
            throw new SelectionException(source + ":" + line + ":" + (column + 1) + ": expected a number in column '"
                    + columnName(column) + "', found '" + t + "'" + (decimalComma
                    ? " (a decimal comma? numbers must use '.' as the decimal mark, or give --decimal-comma)"
                    : decimalPoint ? " (a decimal point? with --decimal-comma numbers must use ',')"
                    : overflow ? " (too large for double precision)" : ""));
        }
        return v;
    }

    private String columnName(int column) {
        if (column == fitnessColumn) {
            return options.fitness();
        }
        for (int i = 0; i < k; i++) {
            if (traitColumn[i] == column) {
                return options.traits().get(i);
            }
        }
        for (int j = 0; j < m; j++) {
            if (covColumn[j] == column) {
                return options.covariates().get(j);
            }
        }
        return "#" + (column + 1);
    }

    long records() {
        return records;
    }

    long filteredOut() {
        return filteredOut;
    }

    long noGroup() {
        return noGroup;
    }

    List<Long> noGroupLines() {
        return noGroupLines;
    }

    /** Distinct values (up to a dozen) seen in the column of filter f. */
    Set<String> filterValues(int f) {
        return filterValues.get(f);
    }

    /** The groups in report order: numeric order when every label is a number, text order otherwise. */
    List<GroupAccumulator> groups() {
        List<GroupAccumulator> list = new ArrayList<>(groups.values());
        boolean numeric = list.stream().allMatch(a -> Double.isFinite(GroupKey.number(a.key())));
        Comparator<GroupAccumulator> order = numeric
                ? Comparator.comparingDouble((GroupAccumulator a) -> GroupKey.number(a.key()))
                        .thenComparing(GroupAccumulator::key)
                : Comparator.comparing(GroupAccumulator::key);
        list.sort(order);
        return list;
    }
}
