package org.annft.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annft.table.ResultTable;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure family renders from small synthetic tables: the PNGs decode, with the grid the data asks for. */
class FiguresTest {

    private static final int HEADER = PanelGrid.HEADER_HEIGHT;

    @TempDir
    Path dir;

    private final SparkSession spark = ReportFixtures.spark();

    private SyntheticTables tables() {
        return new SyntheticTables(spark, dir.resolve("tables"));
    }

    /** Renders the family from the tables written so far, into dir/out. */
    private List<Figure> render(FigureFamily family) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        TableSource source = Tables.scan(spark, dir.resolve("tables")).sources().get(0);
        return family.render(source, new FigureFiles(out, source.label())).figures();
    }

    /** The PNG exists, decodes, and has twice the size in points the figure reports and the test expects. */
    private BufferedImage image(Figure figure, int width, int height) throws Exception {
        Path file = dir.resolve("out").resolve(figure.file());
        assertTrue(Files.isRegularFile(file), figure.file());
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "PNG decodes: " + figure.file());
        assertEquals(2 * width, image.getWidth(), "width of " + figure.file());
        assertEquals(2 * height, image.getHeight(), "height of " + figure.file());
        assertEquals(width, figure.width());
        assertEquals(height, figure.height());
        return image;
    }

    @Test
    void fig4HasOnePanelPerActivationAndWidth() throws Exception {
        tables().histograms(List.of("relu", "softplus"), List.of(10, 120, 1000), 2.0);
        List<Figure> figures = render(new OutputHistograms());
        assertEquals(1, figures.size());
        assertEquals("fig4-cw2-cb0.png", figures.get(0).file());
        // Columns: the two activations; rows: the three widths.
        image(figures.get(0), 2 * OutputHistograms.PANEL_WIDTH, HEADER + 3 * OutputHistograms.PANEL_HEIGHT);
        assertTrue(figures.get(0).caption().contains("C_W = 2, C_b = 0"), figures.get(0).caption());
    }

    /**
     * One panel per activation; the caption counts the points at r &lt;= 0.1 within 3 standard errors
     * of the theory (all six: 20 r / (1 + r) &lt;= 1.8 standard errors off) and finds the largest
     * excess above, 1 + r = 1.4 at l = 4, n = 10.
     */
    @Test
    void ntkFluctuationsAreComparedWithTheTheory() throws Exception {
        tables().ntk(List.of(10, 40, 160), 3, 0.8);
        List<Figure> figures = render(new NtkFluctuations());
        assertEquals(1, figures.size());
        image(figures.get(0), 2 * NtkFluctuations.PANEL_WIDTH, HEADER + NtkFluctuations.PANEL_HEIGHT);
        String caption = figures.get(0).caption();
        assertTrue(caption.contains("ReLU C_W = 2, C_b = 0, critical rates: at r <= 0.1 6 of 6 points within 3 "
                + "standard errors") && caption.contains("up to 1.40 times the theory (l = 4, n = 10)")
                && caption.contains("Tanh C_W = 1"), caption);
    }

    /** One panel for the one (activation, depth, protocol); without table1 no r* line is claimed. */
    @Test
    void ntkChangesHaveOnePanelPerNetworkFamily() throws Exception {
        tables().ntkChanges(List.of(10, 40, 120), 3);
        List<Figure> figures = render(new NtkChanges());
        assertEquals(1, figures.size());
        assertEquals("ntk-changes.png", figures.get(0).file());
        image(figures.get(0), NtkChanges.PANEL_WIDTH, HEADER + NtkChanges.PANEL_HEIGHT);
        String caption = figures.get(0).caption();
        assertTrue(caption.contains("up to 3 runs per width") && !caption.contains("r*"), caption);
    }

    /** Residual map, RMSD against distance and calibration; the caption's fractions are those the tables were made with. */
    @Test
    void extrapolationFiguresCountTheCoveredEstimates() throws Exception {
        tables().ensemblePredictions(List.of(60, 120));
        List<Figure> figures = render(new Extrapolation());
        assertEquals(List.of("extrapolation-residuals-relu-cict-depth4.png", "extrapolation-distance-relu-cict-depth4.png",
                "extrapolation-calibration-relu-cict-depth4.png"), figures.stream().map(Figure::file).toList());
        String calibration = figures.get(2).caption();
        assertTrue(calibration.contains("n = 60: 25 nuclides, RMSD 1.36 MeV, within 1 std 60.0%, within 2 std 80.0%, "
                + "in the band 80.0%"), calibration);
        assertTrue(figures.get(1).caption().contains("n = 120: 0.50 MeV one neutron out (5 nuclides)"), figures.get(1).caption());
    }

    /** A sweep of two protocols draws one set of figures per protocol, each under its own name. */
    @Test
    void extrapolationFiguresOfTwoProtocolsAreNamedByProtocol() throws Exception {
        tables().ensemblePredictions(List.of(60, 120), List.of("bootstrap", "seeds"));
        List<String> files = render(new Extrapolation()).stream().map(Figure::file).toList();
        assertEquals(List.of("extrapolation-residuals-relu-cict-bootstrap-depth4.png",
                "extrapolation-distance-relu-cict-bootstrap-depth4.png", "extrapolation-calibration-relu-cict-bootstrap-depth4.png",
                "extrapolation-residuals-relu-cict-seeds-depth4.png", "extrapolation-distance-relu-cict-seeds-depth4.png",
                "extrapolation-calibration-relu-cict-seeds-depth4.png"), files);
    }

    @Test
    void fig5IsACornerPlotOfTheInputs() throws Exception {
        SyntheticTables t = tables();
        t.samples(0, 2, 3, 600);
        t.configurations(0, 2, 3);
        List<Figure> figures = render(new CornerPlots());
        assertEquals(1, figures.size());
        image(figures.get(0), 3 * CornerPlots.PANEL_SIZE, HEADER + 3 * CornerPlots.PANEL_SIZE);
        String caption = figures.get(0).caption();
        assertTrue(caption.contains("first 600 of 20000 networks") && caption.contains("2 hidden layers"), caption);
    }

    @Test
    void figs6And7HaveOnePanelPerActivationAndWeightVariance() throws Exception {
        tables().moments(List.of("relu", "softplus"), List.of(1.0, 2.0, 3.0), 240, 8);
        List<Figure> figures = render(new DepthProfiles());
        assertEquals(List.of("fig6-width240.png", "fig7-width240.png"), figures.stream().map(Figure::file).toList());
        for (Figure f : figures) {
            image(f, 2 * DepthProfiles.PANEL_WIDTH, HEADER + 3 * DepthProfiles.PANEL_HEIGHT);
        }
        assertTrue(figures.get(0).caption().contains("preactivation of layer d + 1"), figures.get(0).caption());
    }

    @Test
    void figs8And9HaveOneFigurePerActivationAndOnePanelPerDepth() throws Exception {
        tables().lossBands(List.of("relu", "tanh"), List.of("cict", "cint", "nint"), List.of(2, 3, 5, 9));
        List<Figure> figures = render(new LossCurves());
        assertEquals(List.of("fig8-relu.png", "fig9-tanh.png"), figures.stream().map(Figure::file).toList());
        for (Figure f : figures) {
            image(f, 2 * LossCurves.PANEL_WIDTH, HEADER + 2 * LossCurves.PANEL_HEIGHT);
            assertTrue(f.caption().contains("CICT, CINT, NINT") && f.caption().contains("100 runs per curve"), f.caption());
        }
    }

    @Test
    void figs10To12ShowThreeMetricsAgainstWidthAndDepth() throws Exception {
        tables().parameterChangeMeans(List.of(4, 10, 120), List.of(2, 4, 8));
        List<Figure> figures = render(new ParameterChangeFigures());
        assertEquals(List.of("fig10-depth4.png", "fig11-depth4.png", "fig12-width120.png"),
                figures.stream().map(Figure::file).toList());
        for (Figure f : figures) {
            image(f, 3 * ParameterChangeFigures.PANEL_WIDTH, HEADER + ParameterChangeFigures.PANEL_HEIGHT);
        }
    }

    @Test
    void fig13IsOnePanelPerActivationModeAndDepth() throws Exception {
        tables().tableOne();
        List<Figure> figures = render(new RmsdVsAspectRatio());
        assertEquals(1, figures.size());
        image(figures.get(0), RmsdVsAspectRatio.PANEL_WIDTH, HEADER + RmsdVsAspectRatio.PANEL_HEIGHT);
        assertTrue(figures.get(0).caption().contains("cutoff (100 MeV)"), figures.get(0).caption());
    }

    /** With table kernel_predictions, Fig. 13 draws the trained infinite-width network's RMSD on the fitted nuclides across the panel. */
    @Test
    void fig13DrawsTheInfiniteWidthBaseline() throws Exception {
        tables().tableOne();
        tables().kernelPredictions();
        Figure figure = render(new RmsdVsAspectRatio()).get(0);
        assertTrue(figure.caption().contains("Green dashed line: r -> 0"), figure.caption());
        FigureData.Series baseline = figure.data().panels().get(0).series().stream()
                .filter(x -> x.name().equals(RmsdVsAspectRatio.BASELINE_SERIES)).findFirst().orElseThrow();
        assertEquals(2, baseline.points().size());
        for (double[] point : baseline.points()) {
            assertEquals(Math.sqrt(12.5), point[1], 1e-12);
        }
    }

    /** Nuclides whose AME2020 value is an estimate (table dataset) are a series of their own, outlined. */
    @Test
    void predictionsAgainstAmeSplitMeasuredFromEstimatedNuclides() throws Exception {
        tables().residuals(List.of(10, 120), (n, z, width) -> 1.0);
        tables().dataset();
        Figure figure = render(new PredictionsVsAme()).get(0);
        long estimated = 0;
        long measured = 0;
        for (int z = 8; z <= 100; z++) {
            for (int n = z; n <= (int) (1.5 * z) + 8; n++) {
                if (n > 1.5 * z) {
                    estimated++;
                } else {
                    measured++;
                }
            }
        }
        java.util.Map<String, Integer> points = new java.util.HashMap<>();
        for (FigureData.Series x : figure.data().panels().get(1).series()) {
            points.put(x.name(), x.points().size());
        }
        assertEquals((int) measured, points.get("n = 10"));
        assertEquals((int) estimated, points.get("n = 10, AME2020 estimates (#)"));
        assertEquals((int) estimated, points.get("n = 120, AME2020 estimates (#)"));
        assertTrue(figure.caption().contains("outlined: those whose value AME2020 estimates"), figure.caption());
    }

    /**
     * The infinite-width baseline and the ensembles of another directory on AME2020's estimates: one series per
     * model, each nuclide's error and standard deviation, and in the caption the share within one std
     * (ensembles: residuals 0.5, 0.5, 0.5, 1.5, 2.5 MeV against std 1, so 60%; NTK: 20 MeV against 0.001, 0%).
     */
    @Test
    void theInfiniteWidthBaselineIsDrawnBesideTheEnsemblesOfAnotherDirectory() throws Exception {
        new SyntheticTables(spark, dir.resolve("tables/kernel")).kernelPredictionsBeyond();
        new SyntheticTables(spark, dir.resolve("tables/predict")).ensemblePredictions(List.of(60, 120));
        Path out = Files.createDirectories(dir.resolve("out"));
        Tables scanned = Tables.scan(spark, dir.resolve("tables"));
        InfiniteWidthExtrapolation family = new InfiniteWidthExtrapolation();
        List<ResultTable> read = new java.util.ArrayList<>(family.tables());
        read.addAll(family.optionalTables());
        List<Figure> figures = family.renderAcross(scanned.withAny(read), new FigureFiles(out, "")).figures();
        assertEquals(1, figures.size());
        java.util.Map<String, FigureData.Series> errors = new java.util.HashMap<>();
        figures.get(0).data().panels().get(0).series().forEach(x -> errors.put(x.name(), x));
        assertEquals(java.util.Set.of("infinite width, trained by the protocol", "infinite width, NTK regression, converged",
                "ensemble n = 60, protocol default", "ensemble n = 120, protocol default"), errors.keySet());
        for (double[] point : errors.get("infinite width, NTK regression, converged").points()) {
            assertEquals(20.0, point[1], 1e-9);
        }
        assertEquals(25, errors.get("ensemble n = 60, protocol default").points().size());
        String caption = figures.get(0).caption();
        assertTrue(caption.contains("NTK regression, converged: RMSD 20.00 MeV, 0.0% within one std"), caption);
        assertTrue(caption.contains("ensemble n = 60, protocol default: RMSD 1.36 MeV, 60.0% within one std"), caption);
    }

    @Test
    void fig14SharesOneDivergingScaleAcrossWidths() throws Exception {
        // Width 10: +30 MeV below N = 55, -30 MeV above; width 120: the same pattern ten times weaker.
        tables().residuals(List.of(10, 120), (n, z, width) -> (n < 55 ? 30.0 : -30.0) * (width == 10 ? 1 : 0.1));
        List<Figure> figures = render(new ResidualMaps());
        assertEquals(1, figures.size());
        BufferedImage image = image(figures.get(0), 2 * ResidualMaps.PANEL_WIDTH + ResidualMaps.COLOUR_BAR_WIDTH,
                HEADER + ResidualMaps.PANEL_HEIGHT);

        Tint strong = Tint.of(image, 0);
        assertTrue(strong.red > 200 && strong.blue > 200, "both signs drawn strongly: " + strong);
        // Positive residuals (low N, left) and negative ones (high N, right) sit on opposite ends of the scale.
        assertTrue(strong.redMeanX < strong.blueMeanX, "red at low N, blue at high N: " + strong);

        // One shared scale: the weak panel stays pale instead of being stretched to full colour.
        Tint weak = Tint.of(image, 1);
        assertEquals(0, weak.red + weak.blue, "the weak panel has no strongly coloured cells: " + weak);
        assertTrue(weak.paleWarm > 200 && weak.paleCool > 200, "but it is tinted both ways: " + weak);
    }

    /**
     * Where runs have outcomes, Fig. 14 draws the mean prediction of the converged runs: the plateau
     * run 200 MeV off, which the table residuals averages in (residual 100.5 MeV), is left out, and the
     * colour scale follows the converged run's 1.5 MeV.
     */
    @Test
    void fig14LeavesFailedRunsOut() throws Exception {
        SyntheticTables t = tables();
        t.residuals(List.of(10, 120), (n, z, width) -> 100.75);
        t.predictionsOfTwoRuns(List.of(10, 120), 1.5, 200);
        List<Figure> figures = render(new ResidualMaps());
        assertEquals(1, figures.size());
        String caption = figures.get(0).caption();
        assertTrue(caption.contains("1 converged networks (runs.outcome = converged") && caption.contains("failed runs")
                && caption.contains("saturates at +-1.5 MeV"), caption);
        List<String> csv = Files.readAllLines(dir.resolve("out").resolve(figures.get(0).csv()));
        assertTrue(csv.size() > 100, "every nuclide of both panels");
        for (String line : csv.subList(1, csv.size())) {
            assertEquals(1.5, Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)), 1e-9, line);
        }
    }

    /** Counts the strongly and faintly tinted pixels (of the PNG, at its scale) in one panel of the first row. */
    private record Tint(int red, int blue, double redMeanX, double blueMeanX, int paleWarm, int paleCool) {
        static Tint of(BufferedImage image, int panel) {
            int red = 0;
            int blue = 0;
            long redX = 0;
            long blueX = 0;
            int paleWarm = 0;
            int paleCool = 0;
            int s = PanelGrid.PNG_SCALE;
            for (int x = s * panel * ResidualMaps.PANEL_WIDTH; x < s * (panel + 1) * ResidualMaps.PANEL_WIDTH; x++) {
                for (int y = s * HEADER; y < s * (HEADER + ResidualMaps.PANEL_HEIGHT); y++) {
                    int rgb = image.getRGB(x, y);
                    int warmth = ((rgb >> 16) & 0xff) - (rgb & 0xff);
                    if (warmth > 80) {
                        red++;
                        redX += x;
                    } else if (warmth < -80) {
                        blue++;
                        blueX += x;
                    } else if (warmth > 8) {
                        paleWarm++;
                    } else if (warmth < -8) {
                        paleCool++;
                    }
                }
            }
            return new Tint(red, blue, red == 0 ? Double.NaN : (double) redX / red,
                    blue == 0 ? Double.NaN : (double) blueX / blue, paleWarm, paleCool);
        }
    }
}
