package org.annft.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.annft.config.Seeds;
import org.annft.config.Setting;
import org.annft.data.DataSource;
import org.annft.ensemble.EnsembleSettings;
import org.annft.sweep.SweepSettings;
import org.annft.sweep.TrainingProtocol;
import org.annft.sweep.TrainingRun;

/**
 * Every configuration key annft reads, in the order of the reference configuration, each declared
 * where it is read ({@link Setting}). {@link #referenceConfiguration()} renders
 * {@code conf/reference.conf} from the declarations: the file the jar loads as defaults and users
 * read as documentation; {@code SettingsCatalogTest} keeps the two equal, and {@code annft settings}
 * prints it.
 */
final class SettingsCatalog {

    private static final String HEADER = """
            # annft reference configuration: every key annft knows, with its default and meaning.
            # Experiment files in conf/ override some of these; `--set key=value` overrides both.
            # A key that is not listed here is an error, as is a value of the wrong type or out of range.
            # This file is rendered from the keys' declarations in the code (`annft settings` prints it).
            """;

    /** Sections and settings in reference order. */
    static final List<Object> ENTRIES = List.of(
            Job.EXPERIMENT,
            Seeds.MASTER,
            DataSource.AME, DataSource.SUBSET, DataSource.MIN_Z, DataSource.MIN_N, DataSource.MIN_A, DataSource.INPUTS,
            DataSource.TEST_FRACTION,
            InitEnsembleCommand.PARTITIONS,
            EnsembleSettings.SECTION, EnsembleSettings.SAMPLES, EnsembleSettings.SAMPLER, EnsembleSettings.CHUNK_SIZE,
            EnsembleSettings.ACTIVATIONS, EnsembleSettings.C_W, EnsembleSettings.C_B, EnsembleSettings.WIDTHS,
            EnsembleSettings.HIDDEN_LAYERS, EnsembleSettings.INPUTS, EnsembleSettings.RAW_INPUTS, EnsembleSettings.BINS,
            EnsembleSettings.RANGE_SIGMAS, EnsembleSettings.KEEP_SAMPLES, EnsembleSettings.CRITICAL_INIT,
            EnsembleSettings.NTK, EnsembleSettings.NTK_RATES, EnsembleSettings.NTK_GLOBAL_RATE,
            TrainingRun.SECTION, TrainingRun.ACTIVATION, TrainingRun.WIDTH, TrainingRun.DEPTH, TrainingRun.INIT,
            TrainingProtocol.NONCRITICAL_C_W, TrainingProtocol.NONCRITICAL_C_B, TrainingRun.MODE,
            TrainingProtocol.GLOBAL_RATE, TrainingRun.OPTIMIZER, TrainingProtocol.PHASES, TrainingProtocol.ADAM_RATES,
            TrainingProtocol.ADAM_RAW_LAMBDA_B, TrainingProtocol.ADAM_RAW_LAMBDA_W, TrainingProtocol.ADAM_LEARNING_RATE,
            TrainingProtocol.ADAM_BETA1, TrainingProtocol.ADAM_BETA2, TrainingProtocol.ADAM_EPSILON,
            TrainingProtocol.ADAM_EPOCHS, TrainingProtocol.BATCH_SIZE, TrainingProtocol.PRECISION,
            TrainingProtocol.LOG_EVERY, TrainingProtocol.LOSS, TrainingProtocol.TARGET, TrainingProtocol.TARGET_SCALE,
            TrainingProtocol.DIVERGENCE_FACTOR, TrainingProtocol.NTK_NUCLIDES, TrainingProtocol.NTK_EVERY, TrainingRun.RUN,
            SweepSettings.SECTION, SweepSettings.ACTIVATIONS, SweepSettings.MODES, SweepSettings.WIDTHS,
            SweepSettings.DEPTHS, SweepSettings.RUNS, TrainingProtocol.SWEEP_PROTOCOLS,
            SweepSettings.CUTOFF_MEV, SweepSettings.OUTLIER_IQR_FACTOR);

    private SettingsCatalog() {
    }

    /** The settings alone, in reference order. */
    static List<Setting<?>> settings() {
        List<Setting<?>> out = new ArrayList<>();
        for (Object e : ENTRIES) {
            if (e instanceof Setting<?> s) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The reference configuration in HOCON: each key in its section block, its meaning as comment
     * lines above it, a section's comment above the block.
     */
    static String referenceConfiguration() {
        StringBuilder out = new StringBuilder(HEADER);
        List<String> open = new ArrayList<>();
        String pendingSection = null;
        String pendingPath = null;
        for (Object entry : ENTRIES) {
            if (entry instanceof Setting.Section section) {
                pendingSection = section.meaning();
                pendingPath = section.path();
                continue;
            }
            Setting<?> setting = (Setting<?>) entry;
            List<String> path = Arrays.asList(setting.key().split("\\."));
            List<String> parents = path.subList(0, path.size() - 1);
            int common = 0;
            while (common < open.size() && common < parents.size() && open.get(common).equals(parents.get(common))) {
                common++;
            }
            while (open.size() > common) {
                open.remove(open.size() - 1);
                out.append(indent(open.size())).append("}\n");
            }
            for (int i = common; i < parents.size(); i++) {
                if (i == 0) {
                    out.append('\n');
                }
                String blockPath = String.join(".", parents.subList(0, i + 1));
                if (blockPath.equals(pendingPath)) {
                    comment(out, pendingSection, i);
                    pendingSection = null;
                    pendingPath = null;
                }
                out.append(indent(i)).append(parents.get(i)).append(" {\n");
                open.add(parents.get(i));
            }
            int depth = parents.size();
            if (depth == 0) {
                out.append('\n');
            }
            comment(out, setting.meaning(), depth);
            String value = setting.defaultValue().replace("\n", "\n" + indent(depth));
            out.append(indent(depth)).append(path.get(path.size() - 1)).append(" = ").append(value).append('\n');
        }
        while (!open.isEmpty()) {
            open.remove(open.size() - 1);
            out.append(indent(open.size())).append("}\n");
        }
        return out.toString();
    }

    private static void comment(StringBuilder out, String text, int depth) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n", -1)) {
            out.append(indent(depth)).append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
    }

    private static String indent(int depth) {
        return "  ".repeat(depth);
    }
}
