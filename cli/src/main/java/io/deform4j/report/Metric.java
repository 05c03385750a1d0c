package io.deform4j.report;

import io.deform4j.train.EpochMetrics;
import java.util.List;
import java.util.OptionalDouble;

/** Which test accuracy of a run a results table shows. */
public enum Metric {
    /** The test accuracy after the last epoch, as the paper reports. */
    FINAL("after the last epoch"),
    /** The highest test accuracy of any epoch. */
    BEST("of the best epoch");

    private final String description;

    Metric(String description) {
        this.description = description;
    }

    /** "after the last epoch" or "of the best epoch", for captions. */
    public String description() {
        return description;
    }

    /** The metric of a run with these rows of {@code metrics.csv} (a fraction in [0, 1]), or empty for none. */
    public OptionalDouble of(List<EpochMetrics> epochs) {
        if (epochs.isEmpty()) {
            return OptionalDouble.empty();
        }
        return switch (this) {
            case FINAL -> OptionalDouble.of(epochs.get(epochs.size() - 1).testAccuracy());
            case BEST -> epochs.stream().mapToDouble(EpochMetrics::testAccuracy).max();
        };
    }
}
