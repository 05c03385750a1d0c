package io.deform4j.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.deform4j.io.FileErrors;
import io.deform4j.naming.Suggestions;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as written in YAML: training settings shared by every run ({@code base}, the keys of
 * {@code train --config}), lists of values whose cross product gives the runs ({@code grid}),
 * and optionally explicit {@code cells} (each a set of settings, e.g. a model with the mapping the
 * paper reports for it), each crossed with the grid:
 *
 * <pre>
 * name: demo
 * base: {dataset: sample, epochs: 3}
 * grid:
 *   vdm: [original, 'LE(1,0.99)']   # quoted: in [a, b] a comma separates values
 *   seed: [1, 2, 3]
 * cells:                      # optional
 *   - {model: resnet20, lr: 0.1}
 *   - {model: preresnet20, lr: 0.05}
 * </pre>
 *
 * Every value is typed and checked against the training settings when the spec is read, so a bad
 * key or value fails before any run starts.
 *
 * @param name  the sweep's name (default: the file's name)
 * @param base  settings of every run
 * @param grid  setting → the values it takes, in order
 * @param cells explicit combinations of settings; one empty cell when the spec has none
 */
public record SweepSpec(String name, Map<String, Object> base, Map<String, List<Object>> grid,
        List<Map<String, Object>> cells) {

    /** The top-level keys of a spec. */
    public static final List<String> KEYS = List.of("name", "base", "grid", "cells");
    /** The presets of the paper's Tables 1–3, each laid out as its table by {@code deform4j table --preset}. */
    public static final List<String> PAPER_TABLES = List.of("table1", "table2", "table3");
    /** The presets shipped with deform4j: the paper's tables and {@code reproduce}, the comparison of {@code deform4j reproduce}. */
    public static final List<String> PRESETS = List.of("table1", "table2", "table3", "reproduce");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public SweepSpec {
        base = ordered(base);
        grid = copy(grid);
        cells = cells.isEmpty() ? List.of(Map.of()) : cells.stream().map(SweepSpec::ordered).toList();
        for (Map<String, Object> cell : cells) {
            for (String key : cell.keySet()) {
                if (grid.containsKey(key)) {
                    throw new IllegalArgumentException("setting '" + key + "' is in both grid and cells; give it in one");
                }
            }
        }
    }

    /**
     * The spec in {@code fileOrPreset}: a YAML file, or the name of a preset ({@link #PRESETS}).
     *
     * @throws IllegalArgumentException naming the file and key for anything that is not a valid spec
     */
    public static SweepSpec load(String fileOrPreset) {
        if (PRESETS.contains(fileOrPreset) && !Files.exists(Path.of(fileOrPreset))) {
            try (InputStream in = SweepSpec.class.getResourceAsStream("presets/" + fileOrPreset + ".yaml")) {
                return parse(YAML.readTree(in), fileOrPreset, "preset " + fileOrPreset);
            } catch (IOException e) {
                throw new IllegalStateException("preset " + fileOrPreset + " cannot be read", e);
            }
        }
        Path file = Path.of(fileOrPreset);
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("sweep spec " + file + " does not exist (expected a YAML file or one "
                    + "of the presets " + String.join(", ", PRESETS) + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sweep spec " + file + " is not valid YAML: "
                    + FileErrors.problem(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("sweep spec " + FileErrors.describe(FileErrors.withPath(e, file))
                    + " (expected a YAML file)");
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(root, name, "sweep spec " + file);
    }

    /**
     * The settings each run is given, in expansion order: for each cell, the cross product of the
     * grid (the last key varying fastest), each over the base settings.
     */
    public List<Map<String, Object>> runSettings() {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Map<String, Object> cell : cells) {
            for (Map<String, Object> combination : combinations()) {
                Map<String, Object> settings = new LinkedHashMap<>(base);
                settings.putAll(cell);
                settings.putAll(combination);
                runs.add(settings);
            }
        }
        return runs;
    }

    /**
     * The same spec with {@code values} for {@code setting} in the grid (replacing its list, or
     * added last), each value checked and typed as in a spec file.
     *
     * @throws IllegalArgumentException for an unknown setting, no values, a bad value or a setting of the cells
     */
    public SweepSpec withGrid(String setting, List<?> values) {
        String key = TrainConfig.SCHEMA.entry(setting).name();
        if (values.isEmpty()) {
            throw new IllegalArgumentException("grid." + key + " is empty: a grid list needs at least one value");
        }
        Map<String, List<Object>> changed = new LinkedHashMap<>(grid);
        changed.put(key, values.stream().map(v -> TrainConfig.SCHEMA.convert(key, v)).toList());
        return new SweepSpec(name, base, changed, cells);
    }

    private List<Map<String, Object>> combinations() {
        List<Map<String, Object>> result = new ArrayList<>();
        result.add(Map.of());
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : result) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> combination = new LinkedHashMap<>(partial);
                    combination.put(axis.getKey(), value);
                    next.add(combination);
                }
            }
            result = next;
        }
        return result;
    }

    /** The spec in a YAML/JSON tree; {@code where} names it in messages. */
    static SweepSpec parse(JsonNode root, String defaultName, String where) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping with keys " + KEYS);
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": " + Suggestions.unknown("key", key, KEYS).getMessage());
            }
        });
        try {
            String name = root.hasNonNull("name") ? root.get("name").asText() : defaultName;
            Map<String, Object> base = settings(root.get("base"), "base");
            Map<String, List<Object>> grid = new LinkedHashMap<>();
            JsonNode gridNode = root.get("grid");
            if (gridNode != null && !gridNode.isNull()) {
                if (!gridNode.isObject()) {
                    throw new IllegalArgumentException("grid must map settings to lists of values");
                }
                gridNode.fields().forEachRemaining(field -> grid.put(field.getKey(), values(field.getKey(), field.getValue())));
            }
            List<Map<String, Object>> cells = new ArrayList<>();
            JsonNode cellsNode = root.get("cells");
            if (cellsNode != null && !cellsNode.isNull()) {
                if (!cellsNode.isArray() || cellsNode.isEmpty()) {
                    throw new IllegalArgumentException("cells must be a non-empty list of settings, e.g. "
                            + "[{model: resnet20, vdm: 'LE(1,0.9)'}]");
                }
                for (int i = 0; i < cellsNode.size(); i++) {
                    cells.add(settings(cellsNode.get(i), "cells[" + i + "]"));
                }
            }
            Map<String, List<Object>> canonicalGrid = new LinkedHashMap<>();
            grid.forEach((key, list) -> canonicalGrid.put(TrainConfig.SCHEMA.entry(key).name(), list));
            return new SweepSpec(name, base, canonicalGrid, cells);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> settings(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping of settings to values, e.g. {epochs: 3}");
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> raw.put(f.getKey(), YAML.convertValue(f.getValue(), Object.class)));
        try {
            raw.forEach((key, value) -> {
                checkWhole(key);
                checkWhole(value);
            });
            return TrainConfig.SCHEMA.layer(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<Object> values(String key, JsonNode node) {
        String where = "grid." + key;
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be a list of values, e.g. [1, 2, 3]");
        }
        if (node.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty: a grid list needs at least one value");
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode value : node) {
            try {
                Object plain = YAML.convertValue(value, Object.class);
                checkWhole(plain);
                values.add(TrainConfig.SCHEMA.convert(key, plain));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return values;
    }

    /**
     * Refuses text whose parentheses do not pair up: in YAML's flow collections ({@code [a, b]},
     * {@code {k: v}}) a comma ends an item, so an unquoted {@code LE(1,0.9)} arrives as
     * {@code LE(1} and {@code 0.9)}; without this check the message would be about a mapping or
     * a setting that nobody wrote.
     */
    private static void checkWhole(Object value) {
        if (value instanceof String text
                && text.chars().filter(c -> c == '(').count() != text.chars().filter(c -> c == ')').count()) {
            throw new IllegalArgumentException("'" + text + "' has unpaired parentheses: in YAML's [a, b] and "
                    + "{k: v} a comma separates items, so quote a value that holds one, e.g. 'LE(1,0.9)'");
        }
    }

    /** An unmodifiable copy that keeps the order the settings were written in. */
    private static Map<String, Object> ordered(Map<String, Object> settings) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    private static Map<String, List<Object>> copy(Map<String, List<Object>> grid) {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        grid.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
