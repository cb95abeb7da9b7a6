package org.fallline.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fallline.core.field.ExpressionException;

/**
 * Recursive-descent parser for the expression language, with a bounded nesting depth so that no
 * input can overflow the stack.
 *
 * <pre>
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | power
 * power   := primary ('^' unary)?            (right-associative; binds tighter than unary minus)
 * primary := number | constant | variable | function '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 *
 * Every recursion back into the grammar passes through a parenthesis, a sign, a {@code ^} or a
 * function call, and each of these counts one level of nesting; sums and products are loops, so
 * a 60,000-term sum is as shallow as a one-term sum.
 */
public final class ExpressionParser {

    /** Longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 100_000;
    /** Deepest nesting accepted (parentheses, signs, powers and calls). */
    public static final int MAX_DEPTH = 500;

    /** The parsed tree and the variables in the order their indices refer to. */
    public static final class Result {
        public final Node root;
        public final List<String> variables;

        Result(Node root, List<String> variables) {
            this.root = root;
            this.variables = variables;
        }
    }

    private enum Kind { NUMBER, IDENT, PLUS, MINUS, STAR, SLASH, CARET, LPAREN, RPAREN, COMMA, END }

    private final String text;
    /** Index of each variable name; fixed when the caller gave the list. */
    private final Map<String, Integer> variables;
    private final boolean fixedVariables;
    /** The parameters (inputs that are not differentiated), for the message about an unknown name. */
    private final List<String> parameters;

    private int pos;
    private Kind kind;
    private int start;
    private double number;
    private String ident;
    private int depth;

    private ExpressionParser(String text, List<String> variables, List<String> parameters) {
        this.text = text;
        this.variables = new LinkedHashMap<>();
        this.fixedVariables = variables != null;
        this.parameters = parameters;
        if (variables != null) {
            for (String v : variables) {
                this.variables.put(v, this.variables.size());
            }
            for (String v : parameters) {
                this.variables.put(v, this.variables.size());
            }
        }
    }

    /**
     * Parses {@code text}. With {@code variables} null, every identifier that is not a function or
     * constant becomes a variable, indexed in order of first appearance; otherwise identifiers must
     * be in the list and are indexed by their position in it.
     */
    public static Result parse(String text, List<String> variables) {
        return parse(text, variables, List.of());
    }

    /**
     * Parses {@code text} over the given variables followed by the given parameters: identifiers
     * must be in one of the lists, and are indexed by their position in the variables, or by the
     * number of variables plus their position in the parameters.
     */
    public static Result parse(String text, List<String> variables, List<String> parameters) {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException("expression too long: " + text.length()
                    + " characters (the limit is " + MAX_LENGTH + ")", text, MAX_LENGTH + 1);
        }
        if (text.isBlank()) {
            throw new ExpressionException("empty expression", text, 1);
        }
        ExpressionParser p = new ExpressionParser(text, variables, parameters);
        p.next();
        Node root = p.sum();
        if (p.kind != Kind.END) {
            throw p.error("unexpected " + p.describe(),
                    p.kind == Kind.RPAREN ? "" : "; expected an operator");
        }
        return new Result(root, List.copyOf(p.variables.keySet()));
    }

    // ---- grammar ----------------------------------------------------------------------------

    private Node sum() {
        Node first = product();
        if (kind != Kind.PLUS && kind != Kind.MINUS) {
            return first;
        }
        List<Node> terms = new ArrayList<>();
        BoolList negative = new BoolList();
        terms.add(first);
        negative.add(false);
        while (kind == Kind.PLUS || kind == Kind.MINUS) {
            negative.add(kind == Kind.MINUS);
            next();
            terms.add(product());
        }
        return new Node.Sum(terms, negative.toArray());
    }

    private Node product() {
        Node first = unary();
        if (kind != Kind.STAR && kind != Kind.SLASH) {
            return first;
        }
        List<Node> factors = new ArrayList<>();
        BoolList divide = new BoolList();
        factors.add(first);
        divide.add(false);
        while (kind == Kind.STAR || kind == Kind.SLASH) {
            divide.add(kind == Kind.SLASH);
            next();
            factors.add(unary());
        }
        return new Node.Product(factors, divide.toArray());
    }

    private Node unary() {
        if (kind == Kind.MINUS || kind == Kind.PLUS) {
            boolean minus = kind == Kind.MINUS;
            enter();
            next();
            Node operand = unary();
            depth--;
            return minus ? new Node.Neg(operand) : operand;
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (kind != Kind.CARET) {
            return base;
        }
        enter();
        next();
        Node exponent = unary();
        depth--;
        return new Node.Pow(base, exponent);
    }

    private Node primary() {
        switch (kind) {
            case NUMBER: {
                double v = number;
                next();
                return new Node.Num(v);
            }
            case LPAREN: {
                enter();
                next();
                Node inner = sum();
                expect(Kind.RPAREN, "')'");
                depth--;
                return inner;
            }
            case IDENT:
                return identifier();
            case END:
                throw error("unexpected end of expression", "");
            default:
                throw error("unexpected " + describe(), "");
        }
    }

    private Node identifier() {
        String name = ident;
        int column = start + 1;
        next();
        if (kind == Kind.LPAREN) {
            return call(name, column);
        }
        Function f = Function.bySymbol(name);
        if (f != null) {
            throw error("expected '(' after function '" + name + "'", "");
        }
        if (Function.isConstant(name)) {
            return new Node.Num(Function.constant(name));
        }
        Integer index = variables.get(name);
        if (index == null) {
            if (fixedVariables) {
                throw new ExpressionException(unknownName(name, column), text, column);
            }
            index = variables.size();
            variables.put(name, index);
        }
        return new Node.Var(index);
    }

    private String unknownName(String name, int column) {
        if (parameters.isEmpty()) {
            return "unknown variable '" + name + "' at column " + column
                    + (variables.isEmpty() ? "; there are no variables"
                            : "; the variables are " + String.join(", ", variables.keySet()));
        }
        List<String> spatial = List.copyOf(variables.keySet()).subList(0, variables.size() - parameters.size());
        return "unknown name '" + name + "' at column " + column + "; the names allowed are "
                + (spatial.isEmpty() ? "" : "the variables " + String.join(", ", spatial) + " and ")
                + (parameters.size() == 1 ? "the parameter " : "the parameters ") + String.join(", ", parameters);
    }

    private Node call(String name, int column) {
        Function f = Function.bySymbol(name);
        if (f == null) {
            if (Function.isConstant(name)) {
                throw new ExpressionException("'" + name + "' is a constant, not a function, at column "
                        + column, text, column);
            }
            String hint = closestFunction(name);
            throw new ExpressionException("unknown function '" + name + "' at column " + column
                    + (hint == null ? "" : "; did you mean '" + hint + "'?"), text, column);
        }
        enter();
        next();
        List<Node> args = new ArrayList<>(f.arity());
        if (kind != Kind.RPAREN) {
            args.add(sum());
            while (kind == Kind.COMMA) {
                next();
                args.add(sum());
            }
        }
        expect(Kind.RPAREN, args.size() < f.arity() ? "','" : "')'");
        depth--;
        if (args.size() != f.arity()) {
            throw new ExpressionException("function '" + name + "' takes " + f.arity()
                    + (f.arity() == 1 ? " argument" : " arguments") + " but was given " + args.size()
                    + " at column " + column, text, column);
        }
        if (f == Function.POW) {
            return new Node.Pow(args.get(0), args.get(1));
        }
        return new Node.Call(f, args);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("expression nested deeper than " + MAX_DEPTH + " levels", "");
        }
    }

    private void expect(Kind expected, String what) {
        if (kind != expected) {
            throw error("expected " + what, "");
        }
        next();
    }

    // ---- tokens -----------------------------------------------------------------------------

    private void next() {
        int n = text.length();
        while (pos < n && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        start = pos;
        if (pos >= n) {
            kind = Kind.END;
            return;
        }
        char c = text.charAt(pos);
        if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(text.charAt(pos + 1)))) {
            scanNumber();
            return;
        }
        if (Character.isLetter(c) || c == '_') {
            int end = pos + 1;
            while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            ident = text.substring(pos, end);
            pos = end;
            kind = Kind.IDENT;
            return;
        }
        pos++;
        switch (c) {
            case '+':
                kind = Kind.PLUS;
                break;
            case '-':
                kind = Kind.MINUS;
                break;
            case '*':
                kind = Kind.STAR;
                break;
            case '/':
                kind = Kind.SLASH;
                break;
            case '^':
                kind = Kind.CARET;
                break;
            case '(':
                kind = Kind.LPAREN;
                break;
            case ')':
                kind = Kind.RPAREN;
                break;
            case ',':
                kind = Kind.COMMA;
                break;
            default:
                throw new ExpressionException("unexpected character '" + c + "' at column " + (start + 1),
                        text, start + 1);
        }
    }

    /** digits [. digits] [(e|E) [+|-] digits], or . digits [...]; the exponent needs a digit. */
    private void scanNumber() {
        int n = text.length();
        int end = pos;
        while (end < n && isDigit(text.charAt(end))) {
            end++;
        }
        if (end < n && text.charAt(end) == '.') {
            end++;
            while (end < n && isDigit(text.charAt(end))) {
                end++;
            }
        }
        if (end < n && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            int e = end + 1;
            if (e < n && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                e++;
            }
            if (e < n && isDigit(text.charAt(e))) {
                while (e < n && isDigit(text.charAt(e))) {
                    e++;
                }
                end = e;
            }
        }
        double v = Double.parseDouble(text.substring(pos, end));
        if (Double.isInfinite(v)) {
            throw new ExpressionException("number out of range at column " + (pos + 1), text, pos + 1);
        }
        number = v;
        pos = end;
        kind = Kind.NUMBER;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describe() {
        switch (kind) {
            case NUMBER:
            case IDENT:
                return "'" + text.substring(start, pos) + "'";
            case END:
                return "end of expression";
            default:
                return "'" + text.charAt(start) + "'";
        }
    }

    private ExpressionException error(String what, String hint) {
        int column = start + 1;
        return new ExpressionException(what + " at column " + column + hint, text, column);
    }

    /** True when {@code name} can be written as a variable: a letter or '_', then letters, digits or '_'. */
    public static boolean isIdentifier(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    // ---- suggestions ------------------------------------------------------------------------

    /** The known function nearest to {@code name} in edit distance, if it is near enough to be a typo. */
    static String closestFunction(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Function f : Function.values()) {
            int d = editDistance(lower, f.symbol());
            if (d < bestDistance) {
                bestDistance = d;
                best = f.symbol();
            }
        }
        int allowed = Math.min(2, Math.max(1, name.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance (insertions, deletions, substitutions). */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** A growable list of booleans. */
    private static final class BoolList {
        private boolean[] data = new boolean[4];
        private int size;

        void add(boolean b) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, 2 * size);
            }
            data[size++] = b;
        }

        boolean[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
