package io.deform4j.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The content of {@code run.json}: the full resolved configuration and, as the run goes, its
 * state and results. Written with the project's JSON conventions ({@link io.deform4j.io.Json}:
 * snake_case keys, {@code format_version}); the {@code config} object holds every training
 * setting, so the file can be given back as {@code --config}.
 *
 * @param config            the resolved configuration (a resumed run reads it back)
 * @param status            {@code running}; {@code finished}; {@code stopped} (the loss left δ's domain or
 *                          was not finite: {@code stop_reason} says where); {@code interrupted} (a stop
 *                          signal: the run stands at a checkpoint and {@code train --resume} continues it
 *                          exactly)
 * @param epochsCompleted   epochs done
 * @param epochStep         for an interrupted run, the steps done in epoch {@code epochsCompleted + 1}
 *                          (0 when it was interrupted between epochs); absent otherwise
 * @param finalTestAcc test accuracy after the last completed epoch (null before the first)
 * @param bestTestAcc  best test accuracy so far
 * @param bestEpoch         its epoch (1-based)
 * @param stopReason        why a stopped or interrupted run stopped
 * @param trainImages       training examples used
 * @param testImages        test examples used
 * @param parameters        trainable parameter count of the model
 * @param device            the device the run trains on ({@code cpu}, {@code gpu:0}): its {@code device}
 *                          setting resolved on the machine (absent from runs recorded before devices,
 *                          which trained on the CPU)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInfo(
        TrainConfig config,
        String status,
        int epochsCompleted,
        Integer epochStep,
        Double finalTestAcc,
        Double bestTestAcc,
        Integer bestEpoch,
        String stopReason,
        int trainImages,
        int testImages,
        long parameters,
        String device) {

    /** A run of {@code config} that has not finished an epoch yet. */
    static RunInfo started(TrainConfig config, String device, int trainImages, int testImages, long parameters) {
        return new RunInfo(config, "running", 0, null, null, null, null, null, trainImages, testImages, parameters,
                device);
    }

    /** A copy with the state after {@code epochs} epochs. */
    RunInfo progress(String newStatus, int epochs, Double finalAccuracy, Double best, Integer bestAt, String reason) {
        return new RunInfo(config, newStatus, epochs, null, finalAccuracy, best, bestAt, reason, trainImages,
                testImages, parameters, device);
    }

    /** A copy saying the run was interrupted {@code step} steps into the epoch after {@code epochsCompleted}. */
    RunInfo interrupted(int step, String reason) {
        return new RunInfo(config, "interrupted", epochsCompleted, step, finalTestAcc, bestTestAcc, bestEpoch, reason,
                trainImages, testImages, parameters, device);
    }
}
