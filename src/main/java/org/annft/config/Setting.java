package org.annft.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One configuration key, declared once next to the code that reads it, as Spark's
 * {@code ConfigBuilder} declares an entry: key, meaning, type and range (in the reader), and
 * default, which its own reader reads at declaration. {@link #read} returns the typed, range-checked
 * value, or throws an
 * {@link InvalidSettingException} naming the key and where it was set. The reference configuration
 * ({@code conf/reference.conf}, every key with its default and meaning) is rendered from these
 * declarations ({@code annft settings}); a test keeps the file equal to them.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    /** Reads and checks the value of {@code key}. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(AnnftConfig config, String key);
    }

    /**
     * A typed field of the objects in a list-of-objects setting (a training phase's {@code epochs}, a
     * nuclide's {@code z}), declared once with its type and range, as a {@link Setting} is; {@link #read}
     * names the element it reads from ({@code train.phases[1].epochs}) when the value is refused.
     *
     * @param <T> the value's type
     */
    public static final class Field<T> {
        private final String name;
        private final Reader<T> reader;

        private Field(String name, Reader<T> reader) {
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("not a field name: '" + name + "'");
            }
            this.name = name;
            this.reader = reader;
        }

        /** An integer in {@code [min, max]}. */
        public static Field<Integer> integer(String name, int min, int max) {
            return new Field<>(name, (c, k) -> c.intIn(k, min, max));
        }

        /** A finite number in {@code [min, max]}. */
        public static Field<Double> number(String name, double min, double max) {
            return new Field<>(name, (c, k) -> c.doubleIn(k, min, max));
        }

        /** The field's value in one object of the list, typed and checked. */
        public T read(AnnftConfig element) {
            return reader.read(element, name);
        }

        public String name() {
            return name;
        }
    }

    /** A section of keys with the comment that introduces it in the reference configuration. */
    public record Section(String path, String meaning) {
    }

    private final String key;
    private final String defaultValue;
    private final String meaning;
    private final Reader<T> reader;

    private Setting(String key, String defaultValue, String meaning, Reader<T> reader) {
        if (!key.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("not a config key: '" + key + "'");
        }
        this.key = key;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.reader = reader;
        // The default is read by the setting's own reader, here: a default its reader would refuse
        // fails at declaration (class initialization), not in a user's job.
        try {
            reader.read(AnnftConfig.ofText(key + " = " + defaultValue), key);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting " + key + ": its default " + defaultValue
                    + " fails its own reader: " + e.getMessage(), e);
        }
    }

    /** The section comment of {@code path}. */
    public static Section section(String path, String meaning) {
        return new Section(path, meaning.strip());
    }

    /** An integer in {@code [min, max]}. */
    public static Setting<Integer> integer(String key, int min, int max, int defaultValue) {
        return new Setting<>(key, Integer.toString(defaultValue), "", (c, k) -> c.intIn(k, min, max));
    }

    /** Any integer (a seed). */
    public static Setting<Long> longInteger(String key, long defaultValue) {
        return new Setting<>(key, Long.toString(defaultValue), "", AnnftConfig::longValue);
    }

    /** true or false. */
    public static Setting<Boolean> bool(String key, boolean defaultValue) {
        return new Setting<>(key, Boolean.toString(defaultValue), "", AnnftConfig::bool);
    }

    /** A finite number in {@code [min, max]}. */
    public static Setting<Double> number(String key, double min, double max, double defaultValue) {
        return new Setting<>(key, render(defaultValue), "", (c, k) -> c.doubleIn(k, min, max));
    }

    /** A non-empty list of distinct integers, each in {@code [min, max]}. */
    public static Setting<List<Integer>> integers(String key, int min, int max, Integer... defaults) {
        return new Setting<>(key, list(Arrays.stream(defaults).map(String::valueOf)), "",
                (c, k) -> distinct(c, k, c.intList(k, min, max)));
    }

    /** A non-empty list of distinct finite numbers, each in {@code [min, max]}. */
    public static Setting<List<Double>> numbers(String key, double min, double max, Double... defaults) {
        return new Setting<>(key, list(Arrays.stream(defaults).map(Setting::render)), "",
                (c, k) -> distinct(c, k, c.doubleList(k, min, max)));
    }

    /**
     * The list itself, refused when a value stands in it twice: these lists are grid axes, and a
     * repeated value would train or sample the same configuration twice under one key.
     */
    private static <T> List<T> distinct(AnnftConfig c, String key, List<T> values) {
        java.util.Set<T> seen = new java.util.HashSet<>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw c.problem(key, "lists " + v + " twice; every value of a grid axis must be distinct");
            }
        }
        return values;
    }

    /** A string, as written. */
    public static Setting<String> text(String key, String defaultValue) {
        return new Setting<>(key, quote(defaultValue), "", AnnftConfig::string);
    }

    /** A name read by {@code parser} (an activation, a mode): the parser's refusal names the key. */
    public static <T> Setting<T> named(String key, Function<String, T> parser, String defaultValue) {
        parser.apply(defaultValue);
        return new Setting<>(key, quote(defaultValue), "", (c, k) -> c.parsed(k, parser));
    }

    /** A non-empty list of distinct names, each read by {@code parser}. */
    public static <T> Setting<List<T>> names(String key, Function<String, T> parser, String... defaults) {
        Arrays.stream(defaults).forEach(parser::apply);
        return new Setting<>(key, list(Arrays.stream(defaults).map(Setting::quote)), "",
                (c, k) -> distinct(c, k, c.parsedList(k, parser)));
    }

    /**
     * A constant of the enum {@code type}, written by its config name ({@link org.annft.ConfigNames}:
     * lower case, '-' for '_').
     */
    public static <E extends Enum<E>> Setting<E> choice(String key, Class<E> type, E defaultValue) {
        return new Setting<>(key, quote(org.annft.ConfigNames.of(defaultValue)), "",
                (c, k) -> c.parsed(k, name -> org.annft.ConfigNames.parse(type, name, k)));
    }

    /**
     * A list of objects (HOCON sections), each made into a value by {@code element}, which reads the
     * object's {@link Field}s; the default is written in HOCON.
     */
    public static <T> Setting<List<T>> objects(String key, String defaultHocon, Function<AnnftConfig, T> element) {
        return new Setting<>(key, defaultHocon, "", (c, k) -> c.objectList(k).stream().map(element).toList());
    }

    /**
     * A value of any other shape (a matrix, a list with a rule across its elements), read by {@code reader}, with its
     * default written in HOCON.
     */
    public static <T> Setting<T> custom(String key, String defaultHocon, Reader<T> reader) {
        return new Setting<>(key, defaultHocon, "", reader);
    }

    /** This setting with its meaning, as the reference configuration's comment above the key. */
    public Setting<T> meaning(String text) {
        return new Setting<>(key, defaultValue, text.strip(), reader);
    }

    /** The value in {@code config}, typed and checked. */
    public T read(AnnftConfig config) {
        return reader.read(config, key);
    }

    /** The full key, e.g. {@code train.batch-size}. */
    public String key() {
        return key;
    }

    /** The default as HOCON text, e.g. {@code 32} or {@code "relu"}. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What the key means; empty when the section's comment says it. */
    public String meaning() {
        return meaning;
    }

    /** A number as a person writes it: 2.0, 0.003, 1e-7. */
    static String render(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        String s = Double.toString(value).toLowerCase(Locale.ROOT);
        int e = s.indexOf('e');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + s.substring(e);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String list(java.util.stream.Stream<String> items) {
        return items.collect(Collectors.joining(", ", "[", "]"));
    }
}
