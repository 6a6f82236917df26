package org.annft.data;

/**
 * One nuclide of the AME2020 mass table.
 *
 * @param z proton number
 * @param n neutron number
 * @param a mass number, {@code z + n}
 * @param element element symbol as printed in the table ({@code n} for the neutron)
 * @param massExcessKev mass excess in keV
 * @param massExcessUncertaintyKev its uncertainty in keV
 * @param bindingEnergyPerNucleonKev binding energy per nucleon B/A in keV
 * @param bindingEnergyPerNucleonUncertaintyKev its uncertainty in keV
 * @param estimated whether B/A is an estimate (printed with {@code #} in place of the decimal point)
 *     rather than an experimental value
 */
public record Nuclide(
        int z,
        int n,
        int a,
        String element,
        double massExcessKev,
        double massExcessUncertaintyKev,
        double bindingEnergyPerNucleonKev,
        double bindingEnergyPerNucleonUncertaintyKev,
        boolean estimated) implements java.io.Serializable {

    public Nuclide {
        if (z < 0 || n < 0) {
            throw new IllegalArgumentException("Z and N must be non-negative, got Z=" + z + " N=" + n);
        }
        if (a != z + n) {
            throw new IllegalArgumentException("A must equal Z + N, got A=" + a + " Z=" + z + " N=" + n);
        }
        if (element == null || element.isBlank()) {
            throw new IllegalArgumentException("element symbol is empty for Z=" + z + " N=" + n);
        }
    }

    /** Total binding energy B = A (B/A) / 1000 in MeV (AME2020 prints B/A in keV). */
    public double bindingEnergyMev() {
        return a * bindingEnergyPerNucleonKev / 1000.0;
    }

    /** Nuclide label as physicists write it, e.g. {@code 56Fe}. */
    public String label() {
        return a + element;
    }
}
