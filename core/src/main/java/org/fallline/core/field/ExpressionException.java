package org.fallline.core.field;

import org.fallline.core.CoreException;

/**
 * An expression that does not parse, or names something that does not exist: a syntax error, an
 * unknown function or variable, a number out of range, or an expression too long or too deeply
 * nested to be taken seriously.
 *
 * <p>The message is one line that ends with the column, e.g. {@code expected ')' at column 12} or
 * {@code unknown function 'sinn' at column 1; did you mean 'sin'?}. {@link #caret()} shows where:
 * <pre>
 * sinn(x)
 * ^
 * </pre>
 * Columns count characters from 1; the column one past the last character stands for the end of the
 * expression.
 */
public class ExpressionException extends CoreException {

    private static final long serialVersionUID = 1L;

    /** Longest stretch of the expression that {@link #caret()} shows around the column. */
    private static final int WINDOW = 100;

    private final String text;
    private final int column;

    /**
     * @param message one line saying what is wrong, ending with the column
     * @param text    the expression
     * @param column  1-based column of the trouble ({@code text.length() + 1} for the end)
     */
    public ExpressionException(String message, String text, int column) {
        super(message);
        this.text = text;
        this.column = column;
    }

    /** The 1-based column of the trouble; one past the last character for the end of the expression. */
    public int column() {
        return column;
    }

    /** The expression in which the trouble was found. */
    public String text() {
        return text;
    }

    /**
     * Two lines: the expression, and a caret {@code ^} under the column. Control characters (tabs,
     * line breaks) are shown as spaces so that the caret lines up; an expression longer than 100
     * characters is shown as the 100 characters around the column, with "..." where it was cut.
     */
    public String caret() {
        int index = Math.max(0, Math.min(column - 1, text.length()));
        int from = 0;
        int to = text.length();
        if (to > WINDOW) {
            from = Math.max(0, Math.min(index - WINDOW / 2, text.length() - WINDOW));
            to = Math.min(text.length(), from + WINDOW);
        }
        StringBuilder line = new StringBuilder();
        if (from > 0) {
            line.append("...");
        }
        int caretAt = line.length() + (index - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (to < text.length()) {
            line.append("...");
        }
        return line + "\n" + " ".repeat(caretAt) + "^";
    }
}
