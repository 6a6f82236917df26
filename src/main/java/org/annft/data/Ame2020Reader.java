package org.annft.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the AME2020 mass table {@code mass_1.mas20.txt} in its published fixed-width format
 * (Huang et al., Chin. Phys. C 45, 030002, 2021):
 * <pre>a1,i3,i5,i5,i5,1x,a3,a4,1x,f14.6,f12.6,f13.5,1x,f10.5,1x,a2,f13.5,f11.5,1x,i3,1x,f13.6,f12.6</pre>
 * Column 1 is Fortran carriage control ({@code 1} page feed, {@code 0} line feed, blank). The
 * header ends at the column-title line ({@code N-Z  N  Z  A  EL ...}) and its units line; a page
 * that repeats them is skipped the same way. In a numeric field {@code #} in place of the decimal
 * point marks an estimated value and {@code *} a quantity that cannot be calculated.
 *
 * <p>Only the fields annft uses are parsed: N-Z, N, Z, A, element, mass excess and B/A with their
 * uncertainties. A data line that does not parse fails with its line number and the reason, as does
 * a non-decimal number (Infinity, NaN, hex), a number that overflows a double (as B = A (B/A) may),
 * a nucleon number off the chart (A = 0, Z above 200, N above 400) and a nuclide that appears twice.
 */
public final class Ame2020Reader {

    // 0-based [start, end) columns of the format above.
    private static final int[] NZ = {1, 4};
    private static final int[] N = {4, 9};
    private static final int[] Z = {9, 14};
    private static final int[] A = {14, 19};
    private static final int[] ELEMENT = {20, 23};
    private static final int[] MASS_EXCESS = {28, 42};
    private static final int[] MASS_EXCESS_UNC = {42, 54};
    private static final int[] BINDING = {54, 67};
    private static final int[] BINDING_UNC = {68, 78};
    private static final int MIN_DATA_LINE_LENGTH = BINDING_UNC[1];
    /**
     * The range of B/A a nuclide can have, in keV: no nucleus binds more than about 8.8 MeV per
     * nucleon (62Ni), and the unbound light nuclei AME2020 lists reach -2.3 MeV (3Li). A value outside
     * [-5, 10] MeV is not a binding energy but a damaged or foreign table; inside it, a negative B
     * (an unbound nuclide, as AME2020 has them) is kept.
     */
    static final double MIN_B_PER_A_KEV = -5000;
    static final double MAX_B_PER_A_KEV = 10000;
    /**
     * The chart a mass table may hold (AME2020 ends at Z = 118, N = 177): a far larger Z or N is a
     * corrupt line, and it would squeeze every real nuclide's MinMax input towards 0. Negative binding
     * energies stay: AME2020 estimates some for unbound nuclei (3Li: B/A = -2267# keV).
     */
    static final int MAX_Z = 200;
    static final int MAX_N = 400;

    private Ame2020Reader() {
    }

    /**
     * Reads a mass table file.
     *
     * @throws MassTableFormatException if the file is missing, unreadable or not an AME2020 mass table
     */
    public static MassTable read(Path path) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            return read(reader, path.toString());
        } catch (NoSuchFileException e) {
            throw new MassTableFormatException(path.toString(), 0, "file not found");
        } catch (IOException e) {
            throw new MassTableFormatException(path.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** Reads a mass table from a reader; {@code source} names it in messages. */
    public static MassTable read(BufferedReader reader, String source) {
        List<Nuclide> nuclides = new ArrayList<>();
        boolean inData = false;
        boolean expectUnits = false;
        int lineNumber = 0;
        java.util.Map<Long, Integer> lineOf = new java.util.HashMap<>();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (isColumnTitle(line)) {
                    inData = true;
                    expectUnits = true;
                    continue;
                }
                if (expectUnits) {
                    expectUnits = false;
                    if (line.contains("(keV)")) {
                        continue;
                    }
                }
                if (!inData || line.isBlank()) {
                    continue;
                }
                char control = line.charAt(0);
                if (control != ' ' && control != '0' && control != '1') {
                    throw new MassTableFormatException(source, lineNumber,
                            "column 1 must be a Fortran carriage-control character (blank, 0 or 1), found '" + control + "'");
                }
                Nuclide nuclide = parseDataLine(line, source, lineNumber);
                Integer first = lineOf.putIfAbsent(((long) nuclide.z() << 32) | nuclide.n(), lineNumber);
                if (first != null) {
                    throw new MassTableFormatException(source, lineNumber, "nuclide Z=" + nuclide.z() + " N="
                            + nuclide.n() + " (" + nuclide.element() + ") appears again; first on line " + first);
                }
                nuclides.add(nuclide);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
        if (!inData) {
            throw new MassTableFormatException(source, 0,
                    "not an AME2020 mass table: no column-title line ('N-Z    N    Z   A  EL ...') found in "
                            + lineNumber + " lines");
        }
        if (nuclides.isEmpty()) {
            throw new MassTableFormatException(source, 0, "the mass table has no nuclide lines");
        }
        List<String> warnings = new ArrayList<>();
        if (nuclides.size() != MassTable.AME2020_NUCLIDE_COUNT) {
            warnings.add(source + ": " + nuclides.size() + " nuclides, the published AME2020 table has "
                    + MassTable.AME2020_NUCLIDE_COUNT);
        }
        return new MassTable(source, nuclides, warnings);
    }

    private static boolean isColumnTitle(String line) {
        return line.length() > 4 && line.substring(1).stripLeading().startsWith("N-Z") && line.contains("EL");
    }

    private static Nuclide parseDataLine(String line, String source, int lineNumber) {
        if (line.length() < MIN_DATA_LINE_LENGTH) {
            throw new MassTableFormatException(source, lineNumber, "line has " + line.length()
                    + " characters, a nuclide line needs at least " + MIN_DATA_LINE_LENGTH);
        }
        int nMinusZ = integer(line, NZ, "N-Z", source, lineNumber);
        int n = integer(line, N, "N", source, lineNumber);
        int z = integer(line, Z, "Z", source, lineNumber);
        int a = integer(line, A, "A", source, lineNumber);
        if (n + z != a || n - z != nMinusZ) {
            throw new MassTableFormatException(source, lineNumber,
                    "inconsistent nucleon numbers: N-Z=" + nMinusZ + " N=" + n + " Z=" + z + " A=" + a);
        }
        if (z < 0 || n < 0) {
            throw new MassTableFormatException(source, lineNumber, "negative Z or N: Z=" + z + " N=" + n);
        }
        if (a == 0 || z > MAX_Z || n > MAX_N) {
            throw new MassTableFormatException(source, lineNumber, "Z=" + z + " N=" + n + " A=" + a
                    + " is not a nuclide of the chart (A >= 1, Z <= " + MAX_Z + ", N <= " + MAX_N + ")");
        }
        String element = field(line, ELEMENT).strip();
        if (element.isEmpty()) {
            throw new MassTableFormatException(source, lineNumber, "element symbol (columns 21-23) is empty");
        }
        Value massExcess = number(line, MASS_EXCESS, "mass excess", source, lineNumber);
        Value massExcessUnc = number(line, MASS_EXCESS_UNC, "mass excess uncertainty", source, lineNumber);
        Value binding = number(line, BINDING, "binding energy per nucleon", source, lineNumber);
        Value bindingUnc = number(line, BINDING_UNC, "binding energy per nucleon uncertainty", source, lineNumber);
        if (Double.isNaN(binding.value)) {
            throw new MassTableFormatException(source, lineNumber, "binding energy per nucleon is not calculable ('*')");
        }
        if (!Double.isFinite(a * binding.value / 1000.0)) {
            throw new MassTableFormatException(source, lineNumber, "binding energy A (B/A) = " + a + " x "
                    + binding.value + " keV is not a finite number");
        }
        if (binding.value < MIN_B_PER_A_KEV || binding.value > MAX_B_PER_A_KEV) {
            throw new MassTableFormatException(source, lineNumber, "binding energy per nucleon " + binding.value
                    + " keV is outside the nuclear chart's range [" + MIN_B_PER_A_KEV + ", " + MAX_B_PER_A_KEV + "] keV");
        }
        return new Nuclide(z, n, a, element, massExcess.value, massExcessUnc.value,
                binding.value, bindingUnc.value, binding.estimated);
    }

    private static String field(String line, int[] cols) {
        return line.substring(cols[0], Math.min(cols[1], line.length()));
    }

    private static int integer(String line, int[] cols, String name, String source, int lineNumber) {
        String text = field(line, cols).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new MassTableFormatException(source, lineNumber, name + " (columns " + (cols[0] + 1) + "-"
                    + cols[1] + ") is not an integer: '" + text + "'");
        }
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** A parsed numeric field: NaN when not calculable ({@code *}). */
    private record Value(double value, boolean estimated) {
    }

    private static Value number(String line, int[] cols, String name, String source, int lineNumber) {
        String text = field(line, cols).strip();
        if (text.equals("*")) {
            return new Value(Double.NaN, false);
        }
        boolean estimated = text.indexOf('#') >= 0;
        String numeric = estimated ? text.replace('#', '.') : text;
        // Plain decimals only: Double.parseDouble would also take Infinity, NaN, hex and a 'd' suffix.
        if (!DECIMAL.matcher(numeric).matches()) {
            throw new MassTableFormatException(source, lineNumber, name + " (columns " + (cols[0] + 1) + "-"
                    + cols[1] + ") is not a decimal number: '" + text + "'");
        }
        try {
            double value = Double.parseDouble(numeric);
            if (!Double.isFinite(value)) {
                throw new MassTableFormatException(source, lineNumber, name + " (columns " + (cols[0] + 1) + "-"
                        + cols[1] + ") overflows a double: '" + text + "'");
            }
            return new Value(value, estimated);
        } catch (NumberFormatException e) {
            throw new MassTableFormatException(source, lineNumber, name + " (columns " + (cols[0] + 1) + "-"
                    + cols[1] + ") is not a number: '" + text + "'");
        }
    }
}
