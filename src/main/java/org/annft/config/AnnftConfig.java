package org.annft.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A validated annft configuration: the reference file {@code conf/reference.conf} (packaged in the
 * jar), overridden by an experiment file, overridden by {@code --set key=value} settings.
 *
 * <p>Every key set by the file or by {@code --set} must exist in the reference, with a value of the
 * reference's type (lists of objects are checked element by element against the reference list's
 * first element). Range checks happen in the typed getters, which name the key and where it was set.
 * Immutable.
 */
public final class AnnftConfig {

    private static final String REFERENCE_RESOURCE = "/org/annft/config/reference.conf";

    private final Config config;
    /** How a key is named in messages: itself, or its place in the file when this is a list element or overlay. */
    private final UnaryOperator<String> display;

    /**
     * A configuration of exactly {@code hocon}, without the reference's keys or checks: for a
     * {@link Setting} to read its own default at declaration.
     */
    static AnnftConfig ofText(String hocon) {
        return new AnnftConfig(com.typesafe.config.ConfigFactory.parseString(hocon).resolve());
    }

    private AnnftConfig(Config config) {
        this(config, UnaryOperator.identity());
    }

    private AnnftConfig(Config config, UnaryOperator<String> display) {
        this.config = config;
        this.display = display;
    }

    /** The reference configuration alone (all defaults). */
    public static AnnftConfig defaults() {
        return new AnnftConfig(reference().resolve());
    }

    /**
     * Loads and validates a configuration.
     *
     * @param file an experiment file, if any
     * @param overrides settings of the form {@code key=value} (HOCON syntax for the value)
     * @throws InvalidSettingException naming the file, the key or the setting that is wrong
     */
    public static AnnftConfig load(Optional<Path> file, List<String> overrides) {
        Config reference = reference();
        Config user = ConfigFactory.empty();
        if (file.isPresent()) {
            Path path = file.get();
            if (!Files.isRegularFile(path)) {
                throw new InvalidSettingException("config file not found: " + path);
            }
            try {
                user = ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            } catch (ConfigException e) {
                throw new InvalidSettingException("config file " + path + " does not parse: " + e.getMessage());
            }
        }
        for (String setting : overrides) {
            user = parseOverride(setting).withFallback(user);
        }
        Config resolvedUser;
        try {
            resolvedUser = user.resolveWith(reference);
        } catch (ConfigException e) {
            throw new InvalidSettingException("config does not resolve: " + e.getMessage());
        }
        checkKnownKeysAndTypes(resolvedUser.root(), reference.root(), "");
        return new AnnftConfig(resolvedUser.withFallback(reference).resolve());
    }

    private static Config parseOverride(String setting) {
        int eq = setting.indexOf('=');
        if (eq <= 0) {
            throw new InvalidSettingException("--set '" + setting + "': expected key=value");
        }
        try {
            return ConfigFactory.parseString(setting,
                    ConfigParseOptions.defaults().setOriginDescription("--set " + setting));
        } catch (ConfigException e) {
            throw new InvalidSettingException("--set '" + setting + "' does not parse: " + e.getMessage());
        }
    }

    private static Config reference() {
        try (Reader reader = new InputStreamReader(
                AnnftConfig.class.getResourceAsStream(REFERENCE_RESOURCE), StandardCharsets.UTF_8)) {
            return ConfigFactory.parseReader(reader,
                    ConfigParseOptions.defaults().setOriginDescription("conf/reference.conf"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the packaged reference configuration", e);
        }
    }

    private static void checkKnownKeysAndTypes(ConfigObject user, ConfigObject reference, String prefix) {
        for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
            String key = prefix + entry.getKey();
            ConfigValue value = entry.getValue();
            ConfigValue expected = reference.get(entry.getKey());
            if (expected == null) {
                throw new InvalidSettingException("unknown config key '" + key + "' (" + where(value) + "); "
                        + knownKeysHint(reference, prefix));
            }
            checkType(key, value, expected);
        }
    }

    private static void checkType(String key, ConfigValue value, ConfigValue expected) {
        ConfigValueType want = expected.valueType();
        ConfigValueType got = value.valueType();
        if (want == ConfigValueType.OBJECT) {
            if (got != ConfigValueType.OBJECT) {
                throw wrongType(key, value, "a section { ... }");
            }
            checkKnownKeysAndTypes((ConfigObject) value, (ConfigObject) expected, key + ".");
        } else if (want == ConfigValueType.LIST) {
            if (got != ConfigValueType.LIST) {
                throw wrongType(key, value, "a list [ ... ]");
            }
            ConfigList wantList = (ConfigList) expected;
            if (!wantList.isEmpty()) {
                ConfigValue elementType = wantList.get(0);
                ConfigList gotList = (ConfigList) value;
                for (int i = 0; i < gotList.size(); i++) {
                    checkType(key + "[" + i + "]", gotList.get(i), elementType);
                }
            }
        } else if (want == ConfigValueType.NUMBER) {
            if (got == ConfigValueType.STRING) {
                try {
                    Double.parseDouble(((String) value.unwrapped()).strip());
                    return;
                } catch (NumberFormatException e) {
                    throw wrongType(key, value, "a number");
                }
            }
            if (got != ConfigValueType.NUMBER) {
                throw wrongType(key, value, "a number");
            }
        } else if (want == ConfigValueType.BOOLEAN) {
            if (got == ConfigValueType.STRING && List.of("true", "false", "yes", "no", "on", "off")
                    .contains(((String) value.unwrapped()).strip())) {
                return;
            }
            if (got != ConfigValueType.BOOLEAN) {
                throw wrongType(key, value, "true or false");
            }
        } else if (want == ConfigValueType.STRING) {
            if (got == ConfigValueType.OBJECT || got == ConfigValueType.LIST) {
                throw wrongType(key, value, "a string");
            }
        }
    }

    private static InvalidSettingException wrongType(String key, ConfigValue value, String expected) {
        return new InvalidSettingException("config key '" + key + "' (" + where(value) + "): expected " + expected
                + ", got " + value.valueType().name().toLowerCase() + " " + value.render(ConfigRenderOptions.concise()));
    }

    private static String where(ConfigValue value) {
        return value.origin() == null ? "unknown origin" : value.origin().description();
    }

    private static String knownKeysHint(ConfigObject reference, String prefix) {
        List<String> keys = new ArrayList<>();
        for (String k : reference.keySet()) {
            keys.add(prefix + k);
        }
        keys.sort(null);
        return "known keys here: " + String.join(", ", keys);
    }

    // ---- typed getters; each failure names the key and where it was set ----

    /** The setting's origin, e.g. {@code conf/fig4.conf: 12} or {@code --set seed=3}. */
    public String origin(String key) {
        return where(value(key));
    }

    private ConfigValue value(String key) {
        try {
            return config.getValue(key);
        } catch (ConfigException e) {
            throw new InvalidSettingException("config key '" + displayKey(key) + "': "
                    + (e instanceof ConfigException.Missing ? "missing" : e.getMessage()));
        }
    }

    /**
     * The key as messages name it: {@code train.phases[1].epochs} for an element of a list of sections,
     * {@code sweep.protocols[0].train.batch-size} for a key an overlay set.
     */
    public String displayKey(String key) {
        return display.apply(key);
    }

    private InvalidSettingException invalid(String key, String requirement) {
        ConfigValue v = value(key);
        return new InvalidSettingException("config key '" + displayKey(key) + "' (" + where(v) + "): " + requirement
                + ", got " + v.render(ConfigRenderOptions.concise()));
    }

    /** A problem with a setting, named with its key and where it was set: {@code config key 'k' (file: 3): problem}. */
    public InvalidSettingException problem(String key, String problem) {
        return new InvalidSettingException("config key '" + displayKey(key) + "' (" + origin(key) + "): " + problem);
    }

    /**
     * The string setting read by {@code parser} (a name such as an activation or a mode); the
     * parser's {@link IllegalArgumentException} becomes a {@link #problem} of the key.
     */
    public <T> T parsed(String key, java.util.function.Function<String, T> parser) {
        String s = string(key);
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage());
        }
    }

    /** Each string of a list setting read by {@code parser}, as {@link #parsed} reads one. */
    public <T> List<T> parsedList(String key, java.util.function.Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (String s : stringList(key)) {
            try {
                out.add(parser.apply(s));
            } catch (IllegalArgumentException e) {
                throw problem(key, e.getMessage());
            }
        }
        return out;
    }

    public String string(String key) {
        value(key);
        return config.getString(key);
    }

    /** A string that, when empty, counts as absent. */
    public Optional<String> optionalString(String key) {
        String s = string(key);
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /**
     * A name that is safe as one path segment: letters, digits, '.', '_' and '-', starting with a
     * letter or digit (so never {@code ..}, a separator or a hidden name).
     */
    public String pathSegment(String key) {
        String s = string(key);
        if (!s.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || s.contains("..")) {
            throw invalid(key, "must be a name of letters, digits, '.', '_' and '-' that starts with a letter or digit"
                    + " (it names a directory)");
        }
        return s;
    }

    public boolean bool(String key) {
        value(key);
        return config.getBoolean(key);
    }

    /** An integer; a value with a fractional part (1.5) is refused, not truncated. */
    public long longValue(String key) {
        value(key);
        Number n;
        try {
            n = config.getNumber(key);
        } catch (ConfigException e) {
            throw invalid(key, "must be an integer");
        }
        if (n instanceof Integer || n instanceof Long) {
            return n.longValue();
        }
        double d = n.doubleValue();
        if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
            throw invalid(key, "must be an integer");
        }
        return (long) d;
    }

    /** An integer in [min, max]. */
    public int intIn(String key, int min, int max) {
        long v = longValue(key);
        if (v < min || v > max) {
            throw invalid(key, "must be an integer in [" + min + ", " + max + "]");
        }
        return (int) v;
    }

    /** An integer of at least 1. */
    public int positiveInt(String key) {
        return intIn(key, 1, Integer.MAX_VALUE);
    }

    /** A finite double in [min, max]. */
    public double doubleIn(String key, double min, double max) {
        value(key);
        double v;
        try {
            v = config.getDouble(key);
        } catch (ConfigException e) {
            throw invalid(key, "must be a number");
        }
        if (!(v >= min && v <= max) || !Double.isFinite(v)) {
            throw invalid(key, "must be a finite number in [" + min + ", " + max + "]");
        }
        return v;
    }

    /** A non-empty list of integers, each in [min, max]. */
    public List<Integer> intList(String key, int min, int max) {
        value(key);
        List<Number> raw;
        try {
            raw = config.getNumberList(key);
        } catch (ConfigException e) {
            throw invalid(key, "must be a list of integers");
        }
        if (raw.isEmpty()) {
            throw invalid(key, "must not be empty");
        }
        List<Integer> out = new ArrayList<>(raw.size());
        for (Number n : raw) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || d < min || d > max) {
                throw invalid(key, "must be a list of integers in [" + min + ", " + max + "]");
            }
            out.add((int) d);
        }
        return List.copyOf(out);
    }

    /** A non-empty list of finite doubles, each in [min, max]. */
    public List<Double> doubleList(String key, double min, double max) {
        value(key);
        List<Double> raw;
        try {
            raw = config.getDoubleList(key);
        } catch (ConfigException e) {
            throw invalid(key, "must be a list of numbers");
        }
        if (raw.isEmpty()) {
            throw invalid(key, "must not be empty");
        }
        for (double d : raw) {
            if (!(d >= min && d <= max) || !Double.isFinite(d)) {
                throw invalid(key, "must be a list of finite numbers in [" + min + ", " + max + "]");
            }
        }
        return List.copyOf(raw);
    }

    /** A non-empty list of strings. */
    public List<String> stringList(String key) {
        value(key);
        List<String> raw;
        try {
            raw = config.getStringList(key);
        } catch (ConfigException e) {
            throw invalid(key, "must be a list of strings");
        }
        if (raw.isEmpty()) {
            throw invalid(key, "must not be empty");
        }
        return List.copyOf(raw);
    }

    /** The sub-configurations of a list of objects (e.g. training phases), each validated by the caller. */
    public List<AnnftConfig> objectList(String key) {
        value(key);
        try {
            List<? extends Config> sections = config.getConfigList(key);
            List<AnnftConfig> out = new ArrayList<>(sections.size());
            String name = displayKey(key);
            for (int i = 0; i < sections.size(); i++) {
                String prefix = name + "[" + i + "].";
                out.add(new AnnftConfig(sections.get(i), k -> prefix + k));
            }
            return List.copyOf(out);
        } catch (ConfigException e) {
            throw invalid(key, "must be a list of sections { ... }");
        }
    }

    /** A list of number lists, e.g. {@code [[-1.5], [0.5]]}; empty when the list is empty. */
    public List<double[]> numberMatrix(String key) {
        value(key);
        List<double[]> rows = new ArrayList<>();
        for (Object row : config.getList(key).unwrapped()) {
            if (!(row instanceof List<?> list) || list.isEmpty()) {
                throw invalid(key, "must be a list of non-empty number lists such as [[0.5], [1.0]]");
            }
            double[] r = new double[list.size()];
            for (int i = 0; i < r.length; i++) {
                if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw invalid(key, "must be a list of non-empty number lists such as [[0.5], [1.0]]");
                }
                r[i] = n.doubleValue();
            }
            rows.add(r);
        }
        return rows;
    }

    /** The keys set directly in this section (for a list element: its own keys). */
    public java.util.Set<String> keys() {
        return config.root().keySet();
    }

    /**
     * A copy in which the section {@code section} (e.g. {@code train}) is overlaid by the sub-section
     * {@code field} of {@code element} (an element of a list of sections, such as one of
     * {@code sweep.protocols}). Its keys are checked against the reference's {@code section} as
     * {@code --set} keys are; messages about them name them {@code <element>.<field>.KEY}.
     *
     * @throws InvalidSettingException for an unknown key or a value of the wrong type
     */
    public AnnftConfig overlay(String section, AnnftConfig element, String field) {
        if (!element.config.hasPath(field)) {
            return this;
        }
        String path = element.displayKey(field);
        ConfigValue value = element.config.getValue(field);
        ConfigObject reference = reference().root().toConfig().getObject(section);
        if (value.valueType() != ConfigValueType.OBJECT) {
            throw wrongType(path, value, "a section { ... }");
        }
        ConfigObject override = (ConfigObject) value;
        checkKnownKeysAndTypes(override, reference, path + ".");
        Config overrideConfig = override.toConfig();
        String prefix = section + ".";
        UnaryOperator<String> outer = display;
        UnaryOperator<String> named = k -> k.startsWith(prefix) && overrideConfig.hasPath(k.substring(prefix.length()))
                ? path + "." + k.substring(prefix.length()) : outer.apply(k);
        return new AnnftConfig(overrideConfig.atPath(section).withFallback(config), named);
    }

    /** The whole resolved configuration as compact JSON, for {@code run_info}. */
    public String toJson() {
        return config.root().render(ConfigRenderOptions.concise());
    }

    /** A copy with one more setting applied (validated like {@code --set}). */
    public AnnftConfig with(String key, Object value) {
        Config updated = config.withValue(key, com.typesafe.config.ConfigValueFactory.fromAnyRef(value, "set by annft"));
        checkKnownKeysAndTypes(updated.root(), reference().root(), "");
        return new AnnftConfig(updated);
    }
}
