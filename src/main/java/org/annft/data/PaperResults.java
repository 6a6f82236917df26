package org.annft.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The training results Sundberg and Furnstahl (2025) state, read from
 * {@code data/paper-sundberg-furnstahl-2025.csv} (packaged in the jar): Table I per width and the
 * single values of the text (Adam's and the best CICT RMSD, r*, n*, Fig. 13's cutoff). Immutable.
 */
public final class PaperResults {

    static final String RESOURCE = "/org/annft/data/paper-sundberg-furnstahl-2025.csv";
    private static final List<String> HEADER = List.of("quantity", "activation", "mode", "depth", "width", "r",
            "mean_rmsd_mev", "std_rmsd_mev", "runs", "cutoff_mev", "marked", "where");

    /**
     * One width of Table I (ReLU, critical initialization and training, l_out = 4).
     *
     * @param marked the paper's asterisk: r* &lt; r &lt; 1
     */
    public record TableOneRow(int width, double r, double meanRmsdMev, double stdRmsdMev, int runs, double cutoffMev,
                              boolean marked) {
    }

    /** The Table I configuration: activation, mode and depth l_out. */
    public static final String TABLE_ONE_ACTIVATION = "relu";
    public static final String TABLE_ONE_MODE = "cict";
    public static final int TABLE_ONE_DEPTH = 4;

    private final List<TableOneRow> tableOne;
    private final Map<String, String[]> values;

    private PaperResults(List<TableOneRow> tableOne, Map<String, String[]> values) {
        this.tableOne = List.copyOf(tableOne);
        this.values = values;
    }

    /** The packaged file. */
    public static PaperResults load() {
        try (InputStream in = PaperResults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    static PaperResults parse(List<String> lines) {
        List<TableOneRow> table = new ArrayList<>();
        Map<String, String[]> values = new TreeMap<>();
        boolean header = false;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (!header) {
                if (!List.of(cells).equals(HEADER)) {
                    throw new IllegalStateException(RESOURCE + ": header must be " + String.join(",", HEADER));
                }
                header = true;
                continue;
            }
            if (cells.length != HEADER.size()) {
                throw new IllegalStateException(RESOURCE + ": " + HEADER.size() + " cells expected in '" + line + "'");
            }
            if (cells[0].equals("table1")) {
                table.add(new TableOneRow(Integer.parseInt(cells[4]), Double.parseDouble(cells[5]),
                        Double.parseDouble(cells[6]), Double.parseDouble(cells[7]), Integer.parseInt(cells[8]),
                        Double.parseDouble(cells[9]), Boolean.parseBoolean(cells[10])));
            } else {
                values.put(cells[0], cells);
            }
        }
        return new PaperResults(table, values);
    }

    /** Table I, by increasing width. */
    public List<TableOneRow> tableOne() {
        return tableOne;
    }

    /** The Table I row of a width, if the paper has one. */
    public Optional<TableOneRow> tableOne(int width) {
        return tableOne.stream().filter(r -> r.width() == width).findFirst();
    }

    /** Adam's RMSD, about 1.2 MeV (CINT and NINT; Sec. IV). */
    public double adamRmsdMev() {
        return number("adam_rmsd", 6);
    }

    /** The best CICT network's RMSD, about 1.9 MeV (Sec. IV). */
    public double bestCictRmsdMev() {
        return number("best_cict_rmsd", 6);
    }

    /** r* = 0.034 for ReLU at l_out = 4 (Eq. 50). */
    public double rStar() {
        return number("r_star", 5);
    }

    /** n* = 115, the optimal width at l_out = 4. */
    public int nStar() {
        return (int) number("n_star", 4);
    }

    /** Fig. 13's cutoff, 30 MeV (Table I's is 100 MeV). */
    public double figure13CutoffMev() {
        return number("fig13_cutoff", 9);
    }

    private double number(String quantity, int column) {
        String[] cells = values.get(quantity);
        if (cells == null) {
            throw new IllegalStateException(RESOURCE + " has no " + quantity);
        }
        return Double.parseDouble(cells[column]);
    }
}
