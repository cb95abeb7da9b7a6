package org.fallline.evolution.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Edit distance (Levenshtein 1966: insertions, deletions, substitutions, each costing 1) for
 * suggesting the column a user probably meant.
 */
public final class Levenshtein {

    private Levenshtein() {
    }

    /** The edit distance between a and b, by the two-row dynamic programme. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The candidate closest to {@code name} ignoring case, if it is close enough to be a plausible
     * slip: a distance of at most max(2, |name|/2), or a case-insensitive prefix match.
     */
    public static Optional<String> closest(String name, List<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            String cl = c.toLowerCase(Locale.ROOT);
            int d = distance(lower, cl);
            if (!lower.isEmpty() && cl.startsWith(lower)) {
                d = Math.min(d, 1);
            }
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        if (best == null || bestD > Math.max(2, name.length() / 2)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }
}
