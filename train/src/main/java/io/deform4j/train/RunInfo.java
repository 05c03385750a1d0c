package io.deform4j.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The content of {@code run.json}: the full resolved configuration and, as the run goes, its
 * state and results. Written with the project's JSON conventions ({@link io.deform4j.io.Json}:
 * snake_case keys, {@code format_version}); the {@code config} object holds every training
 * setting, so the file can be given back as {@code --config}.
 *
 * @param config            the resolved configuration (a resumed run reads it back)
 * @param status            {@code running}, {@code finished} or {@code stopped}
 * @param epochsCompleted   epochs done
 * @param finalTestAcc test accuracy after the last completed epoch (null before the first)
 * @param bestTestAcc  best test accuracy so far
 * @param bestEpoch         its epoch (1-based)
 * @param stopReason        why a stopped run stopped
 * @param trainImages       training examples used
 * @param testImages        test examples used
 * @param parameters        trainable parameter count of the model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInfo(
        TrainConfig config,
        String status,
        int epochsCompleted,
        Double finalTestAcc,
        Double bestTestAcc,
        Integer bestEpoch,
        String stopReason,
        int trainImages,
        int testImages,
        long parameters) {

    /** A run of {@code config} that has not finished an epoch yet. */
    static RunInfo started(TrainConfig config, int trainImages, int testImages, long parameters) {
        return new RunInfo(config, "running", 0, null, null, null, null, trainImages, testImages, parameters);
    }

    /** A copy with the state after {@code epochs} epochs. */
    RunInfo progress(String newStatus, int epochs, Double finalAccuracy, Double best, Integer bestAt, String reason) {
        return new RunInfo(config, newStatus, epochs, finalAccuracy, best, bestAt, reason, trainImages,
                testImages, parameters);
    }
}
