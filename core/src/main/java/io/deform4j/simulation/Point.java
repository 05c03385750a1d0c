package io.deform4j.simulation;

/**
 * A point {@code (p1, p2)} of the parameter plane.
 *
 * @param p1 the first parameter
 * @param p2 the second parameter
 */
public record Point(double p1, double p2) {

    /** Whether both coordinates are finite. */
    public boolean isFinite() {
        return Double.isFinite(p1) && Double.isFinite(p2);
    }

    /** Reads {@code "x,y"} (spaces allowed), e.g. {@code -9.5,-10}. */
    public static Point parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a point is written 'p1,p2' (e.g. -9.5,-10), got '" + text + "'");
        }
        try {
            Point p = new Point(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            if (!p.isFinite()) {
                throw new IllegalArgumentException("a point needs finite coordinates, got '" + text + "'");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a point is written 'p1,p2' with two numbers, got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return "(" + p1 + ", " + p2 + ")";
    }
}
