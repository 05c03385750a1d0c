package io.deform4j.sweep;

/** Where a run of a sweep stands, as its files say. */
public enum RunState {
    /** Not started. */
    PENDING,
    /** A process is training it (or was, on another machine, when last seen). */
    RUNNING,
    /** Every epoch done. */
    DONE,
    /** Stopped by an error (bad input, a loss outside δ's domain, NaN, …); runs again only with {@code --retry-failed}. */
    FAILED,
    /** Stopped before its end (a signal, a killed process, a time limit); resumes from its last checkpoint. */
    INTERRUPTED,
    /** Its files cannot be read; the reason is reported, the other runs are not affected. */
    BROKEN;

    /** Lower-case name, as printed and written in JSON. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
