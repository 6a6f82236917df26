package org.annft.config;

/**
 * Input a user can correct (an option, a setting, a file, an output directory), as opposed to a
 * failed internal check: the command line reports it in one line and exits with code 2, where any
 * other exception, a plain {@link IllegalArgumentException} of an internal invariant included,
 * exits with code 1 and its trace in a log. The message names the input and what is wrong with it.
 */
public class BadInputException extends IllegalArgumentException {

    public BadInputException(String message) {
        super(message);
    }
}
