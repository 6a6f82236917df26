package org.annft.theory;

/**
 * The criticality (universality) classes of docs/theory.md, "Criticality and universality classes"
 * (PDLT Sec. 5.3).
 */
public enum CriticalityClass {
    /** sigma(a z) = a sigma(z) for a &gt; 0 (ReLU, leaky ReLU, linear): C_b = 0, every K is a fixed point. */
    SCALE_INVARIANT("scale-invariant"),
    /** sigma(0) = 0, sigma'(0) != 0 (tanh, sin, shifted softplus): K* = 0, C_b = 0, C_W = 1/sigma'(0)^2. */
    K_STAR_ZERO("K*=0"),
    /** A fixed point K* &gt; 0 with C_b &gt; 0 found numerically (GELU, SWISH). */
    NONTRIVIAL("nontrivial K*"),
    /** No (C_W, C_b) satisfies the three conditions (softplus). */
    NONE("none");

    private final String label;

    CriticalityClass(String label) {
        this.label = label;
    }

    /** Human-readable name, e.g. {@code K*=0}. */
    public String label() {
        return label;
    }
}
