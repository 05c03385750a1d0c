package io.deform4j.train;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …?" for unknown names: the closest known name by edit distance. */
public final class Names {

    private Names() {
    }

    /**
     * An {@link IllegalArgumentException} saying {@code what} {@code name} is unknown, with the
     * closest known name and the full list.
     */
    public static IllegalArgumentException unknown(String what, String name, Collection<String> known) {
        String closest = closest(name, known);
        return new IllegalArgumentException("unknown " + what + " '" + name + "'"
                + (closest == null ? "" : "; did you mean '" + closest + "'?") + " Known: " + String.join(", ", known));
    }

    /** The known name nearest to {@code name} (case-insensitive edit distance), or null if none is close. */
    public static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String n = name.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(n, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 2) ? best : null;
    }

    static int distance(String a, String b) {
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
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
