package io.deform4j.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The content of {@code run.json}: the full resolved configuration and, as the run goes, its
 * state and results.
 *
 * @param config          the resolved configuration (a resumed run reads it back)
 * @param mapping         δ in paper notation
 * @param status          {@code running}, {@code finished} or {@code stopped}
 * @param epochsCompleted epochs done
 * @param finalTestAccuracy test accuracy after the last completed epoch (null before the first)
 * @param bestTestAccuracy  best test accuracy so far
 * @param bestEpoch         its epoch (1-based)
 * @param stopReason        why a stopped run stopped
 * @param trainImages       training examples used
 * @param testImages        test examples used
 * @param parameters        trainable parameter count of the model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInfo(
        TrainConfig config,
        String mapping,
        String status,
        @JsonProperty("epochs_completed") int epochsCompleted,
        @JsonProperty("final_test_acc") Double finalTestAccuracy,
        @JsonProperty("best_test_acc") Double bestTestAccuracy,
        @JsonProperty("best_epoch") Integer bestEpoch,
        @JsonProperty("stop_reason") String stopReason,
        @JsonProperty("train_images") int trainImages,
        @JsonProperty("test_images") int testImages,
        long parameters) {

    /** A copy with the state after {@code epochs} epochs. */
    RunInfo progress(String newStatus, int epochs, Double finalAccuracy, Double best, Integer bestAt, String reason) {
        return new RunInfo(config, mapping, newStatus, epochs, finalAccuracy, best, bestAt, reason, trainImages,
                testImages, parameters);
    }
}
