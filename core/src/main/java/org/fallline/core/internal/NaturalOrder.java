package org.fallline.core.internal;

import java.util.Comparator;

/**
 * The "natural" order of names: digit runs compare as numbers, everything else character by
 * character (by UTF-16 code unit, so upper case sorts before lower case). Thus x2 &lt; x10 &lt; y
 * and a9b &lt; a10a. Runs equal as numbers but written with different leading zeros (x1, x01) are
 * told apart by the plain string order, so the order is total and consistent with equals.
 */
public final class NaturalOrder implements Comparator<String> {

    /** The one instance; the comparator holds no state. */
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitRunEnd(a, i);
                int endB = digitRunEnd(b, j);
                int c = compareNumbers(a, i, endA, b, j, endB);
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitRunEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    /** Compares two digit runs as (arbitrarily long) non-negative integers. */
    private static int compareNumbers(String a, int fromA, int endA, String b, int fromB, int endB) {
        while (fromA < endA - 1 && a.charAt(fromA) == '0') {
            fromA++;
        }
        while (fromB < endB - 1 && b.charAt(fromB) == '0') {
            fromB++;
        }
        int c = Integer.compare(endA - fromA, endB - fromB);
        for (int k = 0; c == 0 && k < endA - fromA; k++) {
            c = Character.compare(a.charAt(fromA + k), b.charAt(fromB + k));
        }
        return c;
    }
}
