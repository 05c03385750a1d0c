package io.deform4j.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Training settings as given, each possibly absent ({@code null}): from the command line, a
 * YAML file ({@code --config}) or a model's defaults (Table 4). {@link #orElse} layers them
 * (command line over file over model defaults over {@link TrainConfig} defaults) and
 * {@link TrainConfig#resolve} turns the result into a validated configuration.
 *
 * <p>YAML keys are the long option names without dashes' prefix: {@code model}, {@code dataset},
 * {@code data-dir}, {@code vdm}, {@code epochs}, {@code batch-size}, {@code lr}, {@code momentum},
 * {@code nesterov}, {@code weight-decay}, {@code milestones} (a list), {@code gamma},
 * {@code seed}, {@code threads}, {@code limit-train}, {@code limit-test}, {@code memory-format}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainOptions(
        String model,
        String dataset,
        @JsonProperty("data-dir") String dataDir,
        String vdm,
        Integer epochs,
        @JsonProperty("batch-size") Integer batchSize,
        Double lr,
        Double momentum,
        Boolean nesterov,
        @JsonProperty("weight-decay") Double weightDecay,
        List<Integer> milestones,
        Double gamma,
        Long seed,
        Integer threads,
        @JsonProperty("limit-train") Integer limitTrain,
        @JsonProperty("limit-test") Integer limitTest,
        @JsonProperty("memory-format") String memoryFormat) {

    /** No setting given. */
    public static final TrainOptions NONE = new TrainOptions(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    /** Each setting of this, or else of {@code fallback}. */
    public TrainOptions orElse(TrainOptions fallback) {
        return new TrainOptions(
                or(model, fallback.model), or(dataset, fallback.dataset), or(dataDir, fallback.dataDir),
                or(vdm, fallback.vdm), or(epochs, fallback.epochs), or(batchSize, fallback.batchSize),
                or(lr, fallback.lr), or(momentum, fallback.momentum), or(nesterov, fallback.nesterov),
                or(weightDecay, fallback.weightDecay), or(milestones, fallback.milestones), or(gamma, fallback.gamma),
                or(seed, fallback.seed), or(threads, fallback.threads), or(limitTrain, fallback.limitTrain),
                or(limitTest, fallback.limitTest), or(memoryFormat, fallback.memoryFormat));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * Reads options from a YAML file.
     *
     * @throws IllegalArgumentException if the file is missing, is not YAML, or has an unknown key
     *     or a value of the wrong type (the message names the key)
     */
    public static TrainOptions readYaml(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            TrainOptions options = yaml.readValue(Files.readString(file), TrainOptions.class);
            return options == null ? NONE : options;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("config file " + file + ": unknown key '" + e.getPropertyName()
                    + "'; known keys: " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            String key = e.getPath().isEmpty() ? "?" : e.getPath().get(0).getFieldName();
            throw new IllegalArgumentException("config file " + file + ": bad value for '" + key + "': "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
