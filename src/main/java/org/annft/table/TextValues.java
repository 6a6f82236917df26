package org.annft.table;

import java.util.Locale;

/**
 * Values as JSON or CSV text, one definition for every writer of either (the report's figure data,
 * {@code annft predict --format}, {@code theory critical --json}, table {@code protocols}).
 */
public final class TextValues {

    private TextValues() {
    }

    /** A JSON string literal: quote, backslash and control characters escaped. */
    public static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A finite number as Java prints it (its shortest round-trip form); {@code null}, which JSON has instead, otherwise. */
    public static String jsonNumber(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /** A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
    public static String csvField(String s) {
        return s.matches("[^,\"\r\n]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
