package org.annft.data;

import java.util.List;
import java.util.Optional;

/**
 * The nuclides read from an AME2020 mass table, in file order, with the warnings the reader raised
 * (for example a nuclide count other than AME2020's 3558).
 */
public record MassTable(String source, List<Nuclide> nuclides, List<String> warnings) {

    /** Number of nuclides in the published AME2020 table. */
    public static final int AME2020_NUCLIDE_COUNT = 3558;

    public MassTable {
        nuclides = List.copyOf(nuclides);
        warnings = List.copyOf(warnings);
    }

    /** The nuclide with proton number z and neutron number n, if the table has it. */
    public Optional<Nuclide> find(int z, int n) {
        return nuclides.stream().filter(x -> x.z() == z && x.n() == n).findFirst();
    }
}
