package org.annft;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The names under which enum constants appear in configs and result tables: the constant's name
 * in lower case with '-' for '_' ({@code RAW_AVERAGE} is {@code raw-average}), one rule for every
 * choice annft reads (precision, optimizer, training mode, global rate, loss).
 */
public final class ConfigNames {

    private ConfigNames() {
    }

    /** The config name of a constant. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} named {@code name}.
     *
     * @param what what the constant is, for the message ("precision", "loss")
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "'; known: "
                + Arrays.stream(type.getEnumConstants()).map(ConfigNames::of).collect(Collectors.joining(", ")));
    }
}
