package org.annft.cli;

import java.util.function.Function;
import org.annft.config.BadInputException;

/** Command-line option values read by the parsers of the names they hold (activations, precisions). */
final class OptionValues {

    private OptionValues() {
    }

    /** {@code parser} applied to the value of {@code option}; its refusal is bad input naming the option. */
    static <T> T parsed(String option, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + " " + value + ": " + e.getMessage());
        }
    }

    /** A value built from options; its constructor's refusal is bad input naming {@code options}. */
    static <T> T checked(String options, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(options + ": " + e.getMessage());
        }
    }
}
