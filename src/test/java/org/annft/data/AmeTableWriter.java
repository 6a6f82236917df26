package org.annft.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes small mass tables in the exact AME2020 fixed-width format
 * ({@code a1,i3,i5,i5,i5,1x,a3,a4,1x,f14.6,f12.6,f13.5,1x,f10.5,1x,a2,f13.5,f11.5,1x,i3,1x,f13.6,f12.6})
 * for tests that must not depend on the real table.
 */
public final class AmeTableWriter {

    private final List<String> lines = new ArrayList<>();

    public AmeTableWriter() {
        lines.add("1    a0dsskgw                                 A T O M I C   M A S S   A D J U S T M E N T");
        lines.add("0                                                     DATE  3 Mar 2021 TIME 22:41");
        lines.add("   format    :  a1,i3,i5,i5,i5,1x,a3,a4,1x,f14.6,f12.6,f13.5,1x,f10.5,1x,a2,f13.5,f11.5,1x,i3,1x,f13.6,f12.6");
        lines.add("");
        lines.add("1N-Z    N    Z   A  EL    O     MASS EXCESS           BINDING ENERGY/A        BETA-DECAY ENERGY               ATOMIC MASS");
        lines.add("                                   (keV)                  (keV)                    (keV)                        (micro-u)");
    }

    /**
     * Adds a nuclide line. Numeric fields are given as text so that tests can write {@code #}
     * (estimated) and {@code *} (not calculable) exactly as AME2020 does.
     */
    public AmeTableWriter nuclide(char control, int z, int n, String element, String massExcess, String massExcessUnc,
                                  String bindingPerNucleon, String bindingUnc) {
        lines.add(line(control, z, n, element, massExcess, massExcessUnc, bindingPerNucleon, bindingUnc));
        return this;
    }

    /** An experimental nuclide with plausible numbers. */
    public AmeTableWriter nuclide(int z, int n, String element, double bindingPerNucleonKev) {
        return nuclide(' ', z, n, element, "-1000.000", "0.100",
                String.format(Locale.ROOT, "%.4f", bindingPerNucleonKev), "0.0050");
    }

    /** An estimated nuclide: {@code #} in place of the decimal point. */
    public AmeTableWriter estimatedNuclide(int z, int n, String element, int bindingPerNucleonKev) {
        return nuclide(' ', z, n, element, "28667#", "2000#", bindingPerNucleonKev + "#", "667#");
    }

    /** Adds a raw line (blank, page feed, malformed ...). */
    public AmeTableWriter raw(String line) {
        lines.add(line);
        return this;
    }

    /**
     * Total binding energy (MeV) of the semi-empirical mass formula without pairing,
     * {@code B = 15.8 A - 18.3 A^(2/3) - 0.714 Z(Z-1)/A^(1/3) - 23.2 (N-Z)^2/A}.
     */
    public static double liquidDropMev(int z, int n) {
        double a = z + n;
        return 15.8 * a - 18.3 * Math.pow(a, 2.0 / 3) - 0.714 * z * (z - 1) / Math.cbrt(a) - 23.2 * (n - z) * (n - z) / a;
    }

    /** One liquid-drop nuclide per Z in [zFrom, zTo), with N = Z + Z/4. */
    public AmeTableWriter liquidDropChain(int zFrom, int zTo) {
        for (int z = zFrom; z < zTo; z++) {
            int n = z + z / 4;
            nuclide(z, n, "X", 1000 * liquidDropMev(z, n) / (z + n));
        }
        return this;
    }

    public static String line(char control, int z, int n, String element, String massExcess, String massExcessUnc,
                              String bindingPerNucleon, String bindingUnc) {
        return String.format(Locale.ROOT, "%c%3d%5d%5d%5d %-3s%-4s %14s%12s%13s %10s %2s%13s%11s %3d %13s%12s",
                control, n - z, n, z, n + z, element, "", massExcess, massExcessUnc, bindingPerNucleon, bindingUnc,
                "B-", "*", "", (n + z) / 1000 + 1, "000000.0", "0.1");
    }

    /**
     * A small nuclear chart: for each Z in [zFrom, zTo) the isotopes N = Z - 2 .. Z + 4 (seven), of
     * liquid-drop binding energies; the two beyond them on the neutron-rich side, N = Z + 5 and Z + 6,
     * are estimated ({@code #}).
     */
    public AmeTableWriter liquidDropChart(int zFrom, int zTo) {
        for (int z = zFrom; z < zTo; z++) {
            for (int n = z - 2; n <= z + 6; n++) {
                int b = (int) Math.round(1000 * liquidDropMev(z, n) / (z + n));
                if (n <= z + 4) {
                    nuclide(z, n, "X", b);
                } else {
                    estimatedNuclide(z, n, "X", b);
                }
            }
        }
        return this;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public Path writeTo(Path file) throws IOException {
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
        return file;
    }
}
