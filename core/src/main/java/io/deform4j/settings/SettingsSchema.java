package io.deform4j.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.deform4j.naming.Suggestions;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings of a record type whose components are annotated with {@link Setting}: the one
 * description from which command-line options, YAML keys, JSON records and their checks follow.
 *
 * <p>A setting's name is its component's name in kebab-case ({@code weightDecay} →
 * {@code weight-decay}); {@link #entry} also accepts snake_case ({@code weight_decay}, as JSON
 * records write it) and camelCase. Values are typed by the component: {@code String},
 * {@code int}, {@code long}, {@code double}, {@code boolean} and lists of those. As text, a
 * list is written with commas ({@code 150,225}), and {@code none} or nothing is the empty list.
 *
 * <p>Partial settings are maps from setting name to typed value ("layers"); {@link #create}
 * takes each setting from the first layer that has it, else its default, and calls the record's
 * canonical constructor, whose validation is the only one. Every error is an
 * {@link IllegalArgumentException} naming the setting, the value and what was expected.
 *
 * @param <R> the settings record
 */
public final class SettingsSchema<R extends Record> {

    /**
     * One setting.
     *
     * @param name      kebab-case name, as on the command line
     * @param type      the component's (generic) type
     * @param help      help sentence
     * @param label     value label for help
     * @param defaultText  the default as declared ({@link Setting#defaultValue})
     * @param defaultValue the default, typed
     * @param absentValue  what a record written before this setting existed implies, typed
     */
    public record Entry(String name, Type type, String help, String label, String defaultText, Object defaultValue,
            Object absentValue) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Class<R> type;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Entry> byKey = new LinkedHashMap<>();
    private final RecordComponent[] components;
    private final Constructor<R> constructor;

    private SettingsSchema(Class<R> type) {
        this.type = type;
        this.components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            parameterTypes[i] = c.getType();
            Setting setting = c.getAnnotation(Setting.class);
            if (setting == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " lacks @Setting");
            }
            String name = kebab(c.getName());
            Type valueType = c.getGenericType();
            checkSupported(name, valueType);
            Object defaultValue = parse(name, valueType, setting.defaultValue());
            Object absent = setting.whenAbsentFromRecord().equals(Setting.SAME_AS_DEFAULT) ? defaultValue
                    : parse(name, valueType, setting.whenAbsentFromRecord());
            Entry entry = new Entry(name, valueType, setting.help(), setting.label(), setting.defaultValue(),
                    defaultValue, absent);
            entries.put(name, entry);
            byKey.put(Suggestions.key(name), entry);
        }
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    /** The schema of {@code type}. */
    public static <R extends Record> SettingsSchema<R> of(Class<R> type) {
        return new SettingsSchema<>(type);
    }

    /** Every setting, in declaration order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Every setting's name, in declaration order. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /**
     * The setting called {@code key} (kebab-case, snake_case or camelCase).
     *
     * @throws IllegalArgumentException for an unknown name, suggesting the closest
     */
    public Entry entry(String key) {
        Entry entry = key == null ? null : byKey.get(Suggestions.key(key));
        if (entry == null) {
            throw Suggestions.unknown("setting", key, entries.keySet());
        }
        return entry;
    }

    /** The value of setting {@code key} typed as {@code text} on a command line. */
    public Object parse(String key, String text) {
        Entry entry = entry(key);
        return parse(entry.name(), entry.type(), text);
    }

    /**
     * The value of setting {@code key} from a YAML/JSON value (a {@code String} is parsed as
     * text; numbers, booleans and lists are checked against the setting's type).
     */
    public Object convert(String key, Object value) {
        Entry entry = entry(key);
        return convert(entry.name(), entry.type(), value);
    }

    /** Partial settings from raw name → value pairs (names in any accepted spelling), typed and checked. */
    public Map<String, Object> layer(Map<String, ?> raw) {
        Map<String, Object> layer = new LinkedHashMap<>();
        raw.forEach((key, value) -> layer.put(entry(key).name(), convert(key, value)));
        return Collections.unmodifiableMap(layer);
    }

    /**
     * Partial settings from the components of another record ({@code batchSize} is
     * {@code batch-size}): presets kept as plain data, such as a model's row of the paper's table.
     */
    public Map<String, Object> layerOf(Record preset) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (RecordComponent c : preset.getClass().getRecordComponents()) {
            raw.put(c.getName(), accessor(c, preset));
        }
        return layer(raw);
    }

    /**
     * Partial settings from a YAML or JSON file: a mapping of setting names to values, or a
     * record that holds one under {@code config} (so a run's {@code run.json} can be fed back
     * unchanged).
     *
     * @throws IllegalArgumentException if the file is missing or unreadable, is not such a
     *     mapping, or has an unknown setting or a bad value (the message names the file and key)
     */
    public Map<String, Object> readFile(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + file + " is not valid YAML or JSON: "
                    + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (root.has("config") && root.get("config").isObject()) {
            root = root.get("config");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("config file " + file
                    + " must be a mapping of setting names to values, e.g. 'lr: 0.1'");
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("format_version")) {
                raw.put(field.getKey(), YAML.convertValue(field.getValue(), Object.class));
            }
        });
        try {
            return layer(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The record of {@code layers}: each setting from the first layer that has it, else its default. */
    @SafeVarargs
    public final R create(Map<String, ?>... layers) {
        return create(List.of(layers));
    }

    /** The record of {@code layers}: each setting from the first layer that has it, else its default. */
    public R create(List<? extends Map<String, ?>> layers) {
        return build(layers, false);
    }

    /**
     * The record as written down earlier (e.g. {@code run.json}'s configuration): a setting that
     * the record lacks takes the value its absence implies ({@link Setting#whenAbsentFromRecord}).
     */
    public R recorded(Map<String, ?> raw) {
        return build(List.of(layer(raw)), true);
    }

    /** The settings of {@code record}, name → value, in declaration order. */
    public Map<String, Object> values(R record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            values.put(kebab(c.getName()), accessor(c, record));
        }
        return values;
    }

    /**
     * A value as it would be typed on the command line: lists joined by commas (the empty list as
     * {@code none}), numbers in plain decimal notation ({@code 0.0005}, not {@code 5.0E-4}).
     */
    public static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : list.stream().map(SettingsSchema::text).collect(Collectors.joining(","));
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private R build(List<? extends Map<String, ?>> layers, boolean recorded) {
        Object[] arguments = new Object[components.length];
        int i = 0;
        for (Entry entry : entries.values()) {
            Object value = recorded ? entry.absentValue() : entry.defaultValue();
            for (Map<String, ?> layer : layers) {
                if (layer.containsKey(entry.name())) {
                    value = convert(entry.name(), entry.type(), layer.get(entry.name()));
                    break;
                }
            }
            arguments[i++] = value;
        }
        for (Map<String, ?> layer : layers) {
            layer.keySet().forEach(this::entry); // an unknown name is an error, not ignored
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object parse(String name, Type type, String text) {
        if (type instanceof ParameterizedType list) {
            String trimmed = text.trim();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
            }
            if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
                return List.of();
            }
            Type element = list.getActualTypeArguments()[0];
            List<Object> values = new ArrayList<>();
            try {
                for (String part : trimmed.split(",")) {
                    values.add(parseScalar(name, element, part.trim(), text));
                }
            } catch (IllegalArgumentException e) {
                throw invalid(name, "'" + text + "'", type);
            }
            return List.copyOf(values);
        }
        return parseScalar(name, type, text, text);
    }

    private static Object parseScalar(String name, Type type, String text, String whole) {
        try {
            if (type == String.class) {
                return text;
            } else if (type == int.class || type == Integer.class) {
                return Integer.parseInt(text.trim());
            } else if (type == long.class || type == Long.class) {
                return Long.parseLong(text.trim());
            } else if (type == double.class || type == Double.class) {
                return Double.parseDouble(text.trim());
            } else if (type == boolean.class || type == Boolean.class) {
                String t = text.trim().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return Boolean.parseBoolean(t);
                }
            }
        } catch (NumberFormatException e) {
            // reported below with what was expected
        }
        throw invalid(name, "'" + whole + "'", type);
    }

    private static Object convert(String name, Type type, Object value) {
        if (value instanceof String text) {
            return parse(name, type, text);
        }
        if (type instanceof ParameterizedType list) {
            if (!(value instanceof List<?> values)) {
                throw invalid(name, value, type);
            }
            Type element = list.getActualTypeArguments()[0];
            List<Object> converted = new ArrayList<>();
            try {
                for (Object v : values) {
                    converted.add(v instanceof String s ? parseScalar(name, element, s, s)
                            : scalar(name, element, v, v));
                }
            } catch (IllegalArgumentException e) {
                throw invalid(name, value, type);
            }
            return List.copyOf(converted);
        }
        return scalar(name, type, value, value);
    }

    private static Object scalar(String name, Type type, Object value, Object whole) {
        if (type == String.class && value != null && !(value instanceof List) && !(value instanceof Map)) {
            return String.valueOf(value);
        }
        if (value instanceof Number n) {
            boolean integral = n.doubleValue() == Math.rint(n.doubleValue()) && !(value instanceof Double d
                    && d.isInfinite());
            if ((type == double.class || type == Double.class)) {
                return n.doubleValue();
            } else if ((type == int.class || type == Integer.class) && integral
                    && n.longValue() == n.intValue()) {
                return n.intValue();
            } else if ((type == long.class || type == Long.class) && integral) {
                return n.longValue();
            }
        } else if (value instanceof Boolean b && (type == boolean.class || type == Boolean.class)) {
            return b;
        }
        throw invalid(name, whole, type);
    }

    private static IllegalArgumentException invalid(String name, Object value, Type type) {
        return new IllegalArgumentException("invalid " + name + ": " + (value == null ? "no value" : value)
                + " (expected " + describe(type) + ")");
    }

    private static String describe(Type type) {
        if (type instanceof ParameterizedType list) {
            return "a list of " + describe(list.getActualTypeArguments()[0]).replaceFirst("^an? ", "")
                    + "s separated by commas, or none";
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        } else if (type == double.class || type == Double.class) {
            return "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "text";
    }

    private static void checkSupported(String name, Type type) {
        Type scalar = type instanceof ParameterizedType p && p.getRawType() == List.class
                ? p.getActualTypeArguments()[0] : type;
        if (!List.of(String.class, int.class, Integer.class, long.class, Long.class, double.class, Double.class,
                boolean.class, Boolean.class).contains(scalar)) {
            throw new IllegalStateException("setting " + name + " has an unsupported type " + type);
        }
    }

    private static Object accessor(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code batchSize} → {@code batch-size}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
