package org.annft.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.annft.AnnftVersion;
import org.annft.linalg.BlasLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code annft version}: annft's version and revision, the Java and Spark versions it runs with, and
 * the BLAS its products run on (bundled, system or Java; library, OpenBLAS version and CPU kernel).
 */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print versions of annft, Java and Spark, and the BLAS in use.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Shared with {@code annft --version}. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            AnnftVersion v = AnnftVersion.current();
            List<String> lines = new ArrayList<>(List.of(
                "annft " + v.version() + " (revision " + v.revision() + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Scala " + scala.util.Properties.versionNumberString()));
            lines.addAll(BlasLibrary.current().describe());
            return lines.toArray(String[]::new);
        }
    }
}
