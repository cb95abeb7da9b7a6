package org.fallline.evolution;

import java.math.BigDecimal;

import org.fallline.evolution.internal.DecimalParser;

/**
 * The label of a group as {@code --by} and {@code --where} see it: a numeric cell stands for its number, so that
 * {@code 1}, {@code 1.0} and {@code 1e0} (or {@code 1,0} in a file with a decimal comma) are one group, labelled by
 * the shortest plain decimal of its value ({@code 1}, {@code 2.5}); any other cell is its trimmed text.
 */
final class GroupKey {

    private GroupKey() {
    }

    /** The canonical label of a trimmed, non-missing cell. */
    static String canonical(String cell, char point) {
        double v = DecimalParser.parse(cell, 0, cell.length(), point);
        if (!Double.isFinite(v)) {
            return cell;
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        return Math.abs(b.scale()) > 15 ? b.toString() : b.toPlainString();
    }

    /** The number a canonical label stands for, NaN when it is text. */
    static double number(String label) {
        return DecimalParser.parse(label);
    }
}
