package io.deform4j.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A sweep's directory, the only state of a sweep, shared by every executor:
 *
 * <pre>
 * DIR/sweep.json        the spec, the overrides ({@code --set}) and every run's configuration
 * DIR/runs/NAME/        each run's directory, as {@code deform4j train} writes it
 * DIR/logs/NAME.log     each run's output
 * DIR/state/NAME.json   what the process that trains the run wrote about it ({@link TaskRecord})
 * DIR/slurm/            the job scripts {@link SlurmExecutor} submitted, and its record of the jobs
 * </pre>
 *
 * Launching a sweep into a directory that holds one checks that the spec is the same: adding
 * runs (more seeds, more grid values) is allowed; changing or removing a recorded run is refused
 * with a message that says what changed.
 */
public final class SweepDirectory {

    /** The record of the sweep. */
    public static final String SWEEP_JSON = "sweep.json";
    /**
     * Settings that say how a run is executed, not what it computes: an executor may set them, and
     * runs that differ only in them are runs of the same experiment.
     */
    public static final List<String> EXECUTION_SETTINGS = List.of("threads", "device");

    private final Path dir;

    private SweepDirectory(Path dir) {
        this.dir = dir;
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /** The run directory of {@code run}. */
    public Path runDir(String run) {
        return dir.resolve("runs").resolve(run);
    }

    /** The record of the process that trains {@code run}. */
    public Path taskFile(String run) {
        return dir.resolve("state").resolve(run + ".json");
    }

    /** Every run recorded in {@code sweep.json}, as its files describe it, in the order recorded. */
    public List<RunRecord> records() throws IOException {
        List<RunRecord> records = new ArrayList<>();
        for (Map.Entry<String, TrainConfig> run : runs().entrySet()) {
            records.add(RunRecord.read(run.getKey(), runDir(run.getKey()), run.getValue(), taskFile(run.getKey())));
        }
        return records;
    }

    /** The log file of {@code run}. */
    public Path log(String run) {
        return dir.resolve("logs").resolve(run + ".log");
    }

    /**
     * Opens {@code dir} for {@code plan}: creates it and records the plan, or checks that the plan
     * only adds runs to the one recorded there, and records the plan's runs in the plan's order
     * (new seeds beside the old ones, as {@code status} lists them).
     *
     * @throws IllegalArgumentException if {@code dir} is a file, holds something else than a
     *     sweep, or holds a sweep whose recorded runs the plan changes or drops
     */
    public static SweepDirectory prepare(Path dir, SweepPlan plan) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file, not a directory");
        }
        Path record = dir.resolve(SWEEP_JSON);
        if (Files.isDirectory(dir) && !Files.exists(record) && !isEmpty(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is not empty and holds no sweep (" + SWEEP_JSON
                    + " is missing); choose a new or empty directory");
        }
        Map<String, Object> runs = new LinkedHashMap<>();
        if (Files.exists(record)) {
            Map<String, Map<String, Object>> recorded = read(record);
            List<String> changes = changes(recorded, plan);
            if (!changes.isEmpty()) {
                throw new IllegalArgumentException("--out " + dir + " holds a sweep with another spec: "
                        + String.join("; ", changes.subList(0, Math.min(10, changes.size())))
                        + (changes.size() > 10 ? "; and " + (changes.size() - 10) + " more" : "")
                        + ". Adding runs (seeds, grid values) is allowed; for other changes use a new --out");
            }
        }
        // every recorded run is in the plan (changes() refuses a dropped one), so the plan is the union
        for (SweepRun run : plan.runs()) {
            runs.put(run.name(), run.config());
        }
        Files.createDirectories(dir.resolve("runs"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("state"));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", plan.name());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("base", snakeCase(plan.spec().base()));
        spec.put("grid", snakeCase(plan.spec().grid()));
        spec.put("cells", plan.spec().cells().stream().map(SweepDirectory::snakeCase).toList());
        content.put("spec", spec);
        content.put("overrides", snakeCase(plan.overrides()));
        content.put("runs", runs);
        Json.write(record, content);
        return new SweepDirectory(dir);
    }

    /**
     * Opens an existing sweep directory for reading.
     *
     * @throws IllegalArgumentException if it holds no sweep
     */
    public static SweepDirectory existing(Path dir) {
        if (!Files.isRegularFile(dir.resolve(SWEEP_JSON))) {
            throw new IllegalArgumentException(dir + " holds no sweep (" + SWEEP_JSON + " is missing)");
        }
        return new SweepDirectory(dir);
    }

    /** The sweep's name, as {@code sweep.json} records it. */
    public String name() throws IOException {
        JsonNode name = Json.MAPPER.readTree(dir.resolve(SWEEP_JSON).toFile()).get("name");
        if (name == null || !name.isTextual()) {
            throw new IllegalArgumentException(dir.resolve(SWEEP_JSON) + " has no 'name'; is it a deform4j sweep record?");
        }
        return name.asText();
    }

    /** The runs recorded in {@code sweep.json}, name → configuration. */
    public Map<String, TrainConfig> runs() throws IOException {
        Map<String, TrainConfig> runs = new LinkedHashMap<>();
        read(dir.resolve(SWEEP_JSON)).forEach((name, values) -> runs.put(name, TrainConfig.recorded(values)));
        return runs;
    }

    private static Map<String, Map<String, Object>> read(Path record) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(record.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(record + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode runs = root == null ? null : root.get("runs");
        if (runs == null || !runs.isObject()) {
            throw new IllegalArgumentException(record + " has no 'runs' object; is it a deform4j sweep record?");
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        runs.fields().forEachRemaining(field -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = Json.MAPPER.convertValue(field.getValue(), Map.class);
            result.put(field.getKey(), TrainConfig.recorded(raw).values());
        });
        return result;
    }

    /** What the plan changes in the recorded runs, one sentence each. */
    private static List<String> changes(Map<String, Map<String, Object>> recorded, SweepPlan plan) {
        List<String> changes = new ArrayList<>();
        Map<String, Map<String, Object>> planned = new LinkedHashMap<>();
        plan.runs().forEach(run -> planned.put(run.name(), run.config().values()));
        for (Map.Entry<String, Map<String, Object>> run : recorded.entrySet()) {
            Map<String, Object> now = planned.get(run.getKey());
            if (now == null) {
                changes.add("run " + run.getKey() + " is no longer in the spec");
                continue;
            }
            for (Map.Entry<String, Object> setting : run.getValue().entrySet()) {
                Object value = now.get(setting.getKey());
                if (!EXECUTION_SETTINGS.contains(setting.getKey()) && !Objects.equals(value, setting.getValue())) {
                    changes.add("run " + run.getKey() + ": " + setting.getKey() + " " + setting.getValue() + " → " + value);
                }
            }
        }
        return changes;
    }

    /** Settings with their names as JSON spells them ({@code batch_size}), as in {@code run.json}. */
    private static Map<String, Object> snakeCase(Map<String, ?> settings) {
        Map<String, Object> result = new LinkedHashMap<>();
        settings.forEach((name, value) -> result.put(name.replace('-', '_'), value));
        return result;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
