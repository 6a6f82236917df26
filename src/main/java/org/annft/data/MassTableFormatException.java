package org.annft.data;

/** A file that is not a well-formed AME2020 mass table; the message names the source, line and reason. */
public final class MassTableFormatException extends org.annft.config.BadInputException {

    private final String source;
    private final int lineNumber;

    public MassTableFormatException(String source, int lineNumber, String reason) {
        super(source + (lineNumber > 0 ? ":" + lineNumber : "") + ": " + reason);
        this.source = source;
        this.lineNumber = lineNumber;
    }

    /** The file (or other source) that was read. */
    public String source() {
        return source;
    }

    /** 1-based line number of the offending line, or 0 when the problem is the file as a whole. */
    public int lineNumber() {
        return lineNumber;
    }
}
