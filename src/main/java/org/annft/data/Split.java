package org.annft.data;

import java.util.Locale;

/** What a nuclide of a data set is for: training, or held out as a random test nuclide or at an element's edge. */
public enum Split {
    /** Trained on. */
    TRAIN,
    /** Held out at random ({@code data.test-fraction}). */
    TEST,
    /** Held out as one of the outermost isotopes of its element ({@code data.holdout.edge-isotopes}). */
    EDGE;

    /** The name in table {@code dataset}: {@code train}, {@code test}, {@code edge}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The split of a {@code dataset.split} value. */
    public static Split parse(String text) {
        for (Split s : values()) {
            if (s.configName().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown split '" + text + "'; expected train, test or edge");
    }
}
