package org.annft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import rules between annft's packages, on the compiled classes (ArchUnit), and the package
 * table of {@code docs/architecture.md} against them. {@link #ALLOWED} is the one statement of the
 * rules: a package may use the packages listed for it (and {@code org.annft} itself, the root's
 * {@code AnnftVersion} and {@code ConfigNames}), nothing else of annft.
 */
class ArchitectureTest {

    /** Package (below org.annft) to the annft packages it may use, in the order of docs/architecture.md. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("config", Set.of());
        ALLOWED.put("theory", Set.of());
        ALLOWED.put("table", Set.of());
        ALLOWED.put("stats", Set.of());
        ALLOWED.put("linalg", Set.of());
        ALLOWED.put("data", Set.of("config"));
        ALLOWED.put("nn", Set.of("theory", "linalg"));
        ALLOWED.put("ntk", Set.of("theory", "linalg", "nn"));
        ALLOWED.put("train", Set.of("theory", "linalg", "nn", "ntk"));
        ALLOWED.put("bench", Set.of("theory", "linalg", "nn", "train"));
        ALLOWED.put("spark", Set.of("config", "table", "stats"));
        ALLOWED.put("ensemble", Set.of("config", "data", "theory", "linalg", "nn", "ntk", "train", "table", "stats",
                "spark"));
        ALLOWED.put("predict", Set.of("config", "data", "theory", "linalg", "nn", "train", "table", "stats", "spark"));
        ALLOWED.put("sweep", Set.of("config", "data", "theory", "linalg", "nn", "ntk", "train", "predict", "table",
                "spark"));
        ALLOWED.put("report", Set.of("config", "data", "table", "spark", "train"));
        ALLOWED.put("cli", Set.of("config", "data", "theory", "linalg", "nn", "ntk", "train", "bench", "table", "stats",
                "spark", "ensemble", "predict", "sweep", "report"));
    }

    /** The report reads tables, not jobs: of {@code train} it uses only the vocabulary of the modes and the runs' outcomes. */
    static final Set<String> REPORT_USES_OF_TRAIN = Set.of("SweepMode", "OptimizerKind", "RunOutcome");

    /** Packages that run in a plain JVM: no Spark, Hadoop or Scala class. */
    static final List<String> WITHOUT_SPARK = List.of("config", "theory", "table", "stats", "linalg", "data", "nn",
            "ntk", "train", "bench");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.annft");
    }

    @Test
    void everyPackageImportsOnlyWhatItsRuleAllows() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            found.add(subpackage(c));
        }
        found.remove("");
        assertEquals(new TreeSet<>(ALLOWED.keySet()), found, "every package has a rule, every rule a package");
        for (String pkg : ALLOWED.keySet()) {
            rule(pkg).check(classes);
        }
    }

    @Test
    void theRootImportsNoPackage() {
        noClasses().that().resideInAPackage("org.annft").should().dependOnClassesThat()
                .resideInAPackage("org.annft.(*)..").check(classes);
    }

    @Test
    void theReportUsesOnlyTheModesOfTrain() {
        noClasses().that().resideInAPackage("org.annft.report..").should().dependOnClassesThat(
                DescribedPredicate.describe("are train classes but " + REPORT_USES_OF_TRAIN,
                        (JavaClass c) -> subpackage(c).equals("train")
                                && !REPORT_USES_OF_TRAIN.contains(topLevel(c).getSimpleName())))
                .check(classes);
    }

    @Test
    void numericalPackagesKnowNothingOfSpark() {
        for (String pkg : WITHOUT_SPARK) {
            noClasses().that().resideInAPackage("org.annft." + pkg + "..").should().dependOnClassesThat()
                    .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..").check(classes);
        }
    }

    /** The rules can fail: a theory class that uses the model breaks theory's rule. */
    @Test
    void aWrongImportBreaksTheRule() {
        JavaClasses wrong = new ClassFileImporter().importClasses(WrongImport.class, org.annft.nn.Mlp.class);
        // The fixture sits in org.annft, whose rule forbids every package.
        EvaluationResult result = noClasses().that().resideInAPackage("org.annft").should().dependOnClassesThat()
                .resideInAPackage("org.annft.(*)..").allowEmptyShould(true).evaluate(wrong);
        assertTrue(result.hasViolation());
        assertFalse(rule("nn").evaluate(new ClassFileImporter().importClasses(org.annft.nn.Mlp.class)).hasViolation());
    }

    /** The package table of docs/architecture.md lists every package with exactly its allowed imports. */
    @Test
    void architectureDocumentStatesTheRules() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"));
        Pattern row = Pattern.compile("^\\| `(\\w+)` \\|[^|]*\\| ([^|]*) \\|$", Pattern.MULTILINE);
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        Matcher m = row.matcher(doc);
        while (m.find()) {
            Set<String> imports = new TreeSet<>();
            Matcher p = Pattern.compile("`(\\w+)`").matcher(m.group(2));
            while (p.find()) {
                imports.add(p.group(1));
            }
            documented.put(m.group(1), imports);
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            Set<String> expected = new TreeSet<>(e.getValue());
            if (e.getKey().equals("report")) {
                expected.addAll(REPORT_USES_OF_TRAIN);
            }
            if (!expected.equals(documented.get(e.getKey()))) {
                wrong.add(e.getKey() + ": documented " + documented.get(e.getKey()) + ", rule " + expected);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(List.copyOf(ALLOWED.keySet()), List.copyOf(documented.keySet()), "the table's packages and order");
    }

    private static ArchRule rule(String pkg) {
        Set<String> allowed = ALLOWED.get(pkg);
        return noClasses().that().resideInAPackage("org.annft." + pkg + "..").should().dependOnClassesThat(
                DescribedPredicate.describe("are in annft packages other than " + allowed,
                        (JavaClass c) -> {
                            String target = subpackage(c);
                            return c.getPackageName().startsWith("org.annft.") && !target.equals(pkg)
                                    && !allowed.contains(target);
                        }))
                .allowEmptyShould(true);
    }

    /** {@code nn} for {@code org.annft.nn.Mlp}, "" for the root, null outside annft. */
    private static String subpackage(JavaClass c) {
        String name = c.getPackageName();
        if (name.equals("org.annft")) {
            return "";
        }
        if (!name.startsWith("org.annft.")) {
            return "(outside)";
        }
        String rest = name.substring("org.annft.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** A root class that uses the model: what the root's rule must refuse. */
    static final class WrongImport {
        org.annft.nn.Mlp network;
    }
}
