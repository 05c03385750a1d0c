package io.deform4j.naming;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean …?" for unknown names (models, data sets, …): the closest known name by edit
 * distance, ignoring case, hyphens, underscores and spaces. A typed name also matches the
 * prefix of a known one at one extra edit, so {@code fashon} finds {@code fashion-mnist}.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * An {@link IllegalArgumentException} saying that {@code what} {@code name} is unknown,
     * with the closest known name when one is close, and the full list.
     */
    public static IllegalArgumentException unknown(String what, String name, Collection<String> known) {
        String closest = name == null ? null : closest(name, known);
        return new IllegalArgumentException("unknown " + what + " '" + name + "'"
                + (closest == null ? "" : "; did you mean '" + closest + "'?") + " Known: " + String.join(", ", known));
    }

    /** The known name nearest to {@code name}, or null when none is within half its length (at least 2 edits). */
    public static String closest(String name, Collection<String> known) {
        String typed = key(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(typed, key(candidate));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, key(best).length() / 2) ? best : null;
    }

    /** The spelling that names are compared in: lower case, without {@code - _} and spaces. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
    }

    private static int distance(String typed, String known) {
        String prefix = known.substring(0, Math.min(known.length(), typed.length()));
        return Math.min(levenshtein(typed, known), levenshtein(typed, prefix) + 1);
    }

    /** Edit distance: insertions, deletions and substitutions of single characters, each costing 1. */
    public static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
