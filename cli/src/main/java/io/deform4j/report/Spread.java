package io.deform4j.report;

/** How a results table shows the spread of a cell's runs around the median. */
public enum Spread {
    /** The lowest and the highest run. */
    MINMAX,
    /** The first and third quartiles (NumPy's linear interpolation, {@link io.deform4j.stats.Statistics#quantile}). */
    IQR
}
