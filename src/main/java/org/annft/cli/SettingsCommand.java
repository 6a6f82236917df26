package org.annft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code annft settings}: every configuration key with its default and meaning (conf/reference.conf). */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Print every configuration key with its default and meaning (the reference configuration).")
final class SettingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(SettingsCatalog.referenceConfiguration());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
