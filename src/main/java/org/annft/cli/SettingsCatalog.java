package org.annft.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.annft.AnnftVersion;
import org.annft.config.Setting;

/**
 * Every configuration key annft reads, found where it is declared: each {@link Setting} (and each
 * {@link Setting.Section}) is a {@code static final} field of the class that reads it, and the
 * catalog collects those fields from annft's classes, so declaring a key is all it takes to register
 * it (as Spark's {@code ConfigBuilder} registers an entry where it is built). {@link #referenceConfiguration()}
 * renders {@code conf/reference.conf} from them: the file the jar loads as defaults and users read as
 * documentation; {@code SettingsCatalogTest} keeps the two equal, and {@code annft settings} prints it.
 *
 * <p>Order of the file: top-level keys and sections alphabetically; within one, first the class that
 * declares its {@link Setting.Section}, then other declaring classes by name; within a class, the
 * order of declaration (so a key whose meaning its predecessor's comment gives stays beside it).
 */
final class SettingsCatalog {

    private static final String HEADER = """
            # annft reference configuration: every key annft knows, with its default and meaning.
            # Experiment files in conf/ override some of these; `--set key=value` overrides both.
            # A key that is not listed here is an error, as is a value of the wrong type or out of range.
            # This file is rendered from the keys' declarations in the code (`annft settings` prints it).
            """;

    private SettingsCatalog() {
    }

    /** A declared setting or section, with the class that declares it and its place there. */
    private record Declared(Object entry, Class<?> owner, int position) {
        String topLevel() {
            String path = entry instanceof Setting<?> s ? s.key() : ((Setting.Section) entry).path();
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(0, dot);
        }
    }

    /** Sections and settings in reference order. */
    static List<Object> entries() {
        List<Declared> declared = new ArrayList<>();
        ClassLoader loader = SettingsCatalog.class.getClassLoader();
        for (String name : AnnftVersion.classNames()) {
            Class<?> owner;
            try {
                owner = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a class that cannot be loaded declares nothing that runs
            }
            int position = 0;
            for (Field f : owner.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) || !Modifier.isFinal(m)
                        || (f.getType() != Setting.class && f.getType() != Setting.Section.class)) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    declared.add(new Declared(f.get(null), owner, position++));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read setting " + owner.getName() + "." + f.getName(), e);
                }
            }
        }
        Map<String, Class<?>> sectionOwners = new HashMap<>();
        for (Declared d : declared) {
            if (d.entry() instanceof Setting.Section section) {
                sectionOwners.put(section.path(), d.owner());
            }
        }
        declared.sort(Comparator.comparing(Declared::topLevel)
                .thenComparing(d -> d.owner() != sectionOwners.get(d.topLevel()))
                .thenComparing(d -> d.owner().getName())
                .thenComparingInt(Declared::position));
        return declared.stream().map(Declared::entry).toList();
    }

    /** The settings alone, in reference order. */
    static List<Setting<?>> settings() {
        List<Setting<?>> out = new ArrayList<>();
        for (Object e : entries()) {
            if (e instanceof Setting<?> s) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The reference configuration in HOCON: each key in its section block, its meaning as comment
     * lines above it, a section's comment above the block.
     */
    static String referenceConfiguration() {
        StringBuilder out = new StringBuilder(HEADER);
        List<String> open = new ArrayList<>();
        String pendingSection = null;
        String pendingPath = null;
        for (Object entry : entries()) {
            if (entry instanceof Setting.Section section) {
                pendingSection = section.meaning();
                pendingPath = section.path();
                continue;
            }
            Setting<?> setting = (Setting<?>) entry;
            List<String> path = Arrays.asList(setting.key().split("\\."));
            List<String> parents = path.subList(0, path.size() - 1);
            int common = 0;
            while (common < open.size() && common < parents.size() && open.get(common).equals(parents.get(common))) {
                common++;
            }
            while (open.size() > common) {
                open.remove(open.size() - 1);
                out.append(indent(open.size())).append("}\n");
            }
            for (int i = common; i < parents.size(); i++) {
                if (i == 0) {
                    out.append('\n');
                }
                String blockPath = String.join(".", parents.subList(0, i + 1));
                if (blockPath.equals(pendingPath)) {
                    comment(out, pendingSection, i);
                    pendingSection = null;
                    pendingPath = null;
                }
                out.append(indent(i)).append(parents.get(i)).append(" {\n");
                open.add(parents.get(i));
            }
            int depth = parents.size();
            if (depth == 0) {
                out.append('\n');
            }
            comment(out, setting.meaning(), depth);
            String value = setting.defaultValue().replace("\n", "\n" + indent(depth));
            out.append(indent(depth)).append(path.get(path.size() - 1)).append(" = ").append(value).append('\n');
        }
        while (!open.isEmpty()) {
            open.remove(open.size() - 1);
            out.append(indent(open.size())).append("}\n");
        }
        return out.toString();
    }

    private static void comment(StringBuilder out, String text, int depth) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n", -1)) {
            out.append(indent(depth)).append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
    }

    private static String indent(int depth) {
        return "  ".repeat(depth);
    }
}
