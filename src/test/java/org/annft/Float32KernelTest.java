package org.annft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated float32 kernel declares exactly the methods of its float64 template, each with
 * every double type mapped to its float counterpart: a method the generator drops or mangles fails
 * here. Methods whose template line says {@code // keep double} (epoch losses) keep double; the
 * float64-only {@code Gemm.ejml()} is the one intended absence.
 */
class Float32KernelTest {

    private static final Map<String, Set<String>> FLOAT64_ONLY = Map.of("Gemm", Set.of("ejml()"));
    private static final Set<String> KEPT_DOUBLE = Set.of("EpochRunner.runEpoch", "EpochRunner.step",
            "LossLoops.evaluate");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nn.Parameters", "nn.Mlp", "nn.ForwardBackward", "linalg.Gemm", "linalg.BlasGemm",
        "linalg.SquareProduct", "train.EpochRunner", "train.OptimizerSteps", "train.LossLoops", "bench.GemmWorkload"})
    void generatedTwinDeclaresTheTemplatesMethodsInFloat(String qualified) throws ClassNotFoundException {
        Class<?> template = Class.forName("org.annft." + qualified);
        String name = template.getSimpleName();
        Class<?> generated = Class.forName(template.getPackageName() + ".Float" + name);
        Set<String> expected = new TreeSet<>();
        for (Method method : template.getDeclaredMethods()) {
            if (method.isSynthetic()) {
                continue;
            }
            String signature = signature(method, true);
            if (FLOAT64_ONLY.getOrDefault(name, Set.of()).contains(signature.substring(signature.indexOf(' ') + 1))) {
                continue;
            }
            String mapped = toFloat(signature);
            // A kept-double method keeps its double return type; its arguments are still float.
            expected.add(KEPT_DOUBLE.contains(name + "." + method.getName())
                    ? "double" + mapped.substring(mapped.indexOf(' ')) : mapped);
        }
        Set<String> actual = new TreeSet<>();
        for (Method method : generated.getDeclaredMethods()) {
            if (!method.isSynthetic()) {
                actual.add(signature(method, true));
            }
        }
        assertEquals(expected, actual);
        assertEquals(Modifier.isPublic(template.getModifiers()), Modifier.isPublic(generated.getModifiers()));
    }

    private static String toFloat(String signature) {
        return signature.replaceAll("\\bdouble\\b", "float").replace(DMatrixRMaj.class.getSimpleName(),
                FMatrixRMaj.class.getSimpleName()).replaceAll("\\b(" + String.join("|", FloatNames.TEMPLATES) + ")\\b",
                "Float$1");
    }

    /** {@code <return> <name>(<parameter types>)} with simple names ({@code Outer.Inner} for nested types). */
    private static String signature(Method method, boolean withReturn) {
        String parameters = String.join(", ", Arrays.stream(method.getParameterTypes()).map(Float32KernelTest::simpleName)
                .toList());
        return (withReturn ? simpleName(method.getReturnType()) + " " : "") + method.getName() + "(" + parameters + ")";
    }

    private static String simpleName(Class<?> type) {
        if (type.isArray()) {
            return simpleName(type.getComponentType()) + "[]";
        }
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }

    /** The template names, as the generator renames them. */
    private static final class FloatNames {
        static final String[] TEMPLATES = {"Parameters", "Mlp", "Gemm", "BlasGemm", "SquareProduct", "ForwardBackward",
            "EpochRunner", "OptimizerSteps", "LossLoops", "GemmWorkload"};
    }
}
