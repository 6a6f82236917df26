package org.annft.config;

/** A configuration setting that is unknown, of the wrong type or out of range; the message names the key and where it was set. */
public final class InvalidSettingException extends BadInputException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
