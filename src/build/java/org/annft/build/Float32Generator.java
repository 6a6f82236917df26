package org.annft.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the float32 training kernel from its float64 source, as EJML derives its {@code F} classes
 * from the {@code D} ones: the float64 classes listed in {@link #TEMPLATES} are the only source, and
 * {@code Float<Name>} is generated from {@code <Name>} at build time (Maven's generate-sources phase),
 * so the two precisions cannot drift apart.
 *
 * <p>Rules, applied to each template:
 * <ul>
 *   <li>lines between {@code // begin float64 only} and {@code // end float64 only}, and lines
 *       ending in {@code // float64 only}, are left out;</li>
 *   <li>every template's class name {@code N} becomes {@code FloatN};</li>
 *   <li>{@code DMatrixRMaj} becomes {@code FMatrixRMaj}, {@code dgemm} {@code sgemm} and
 *       {@code float64} {@code float32};</li>
 *   <li>{@code double} becomes {@code float} and {@code Double} {@code Float}, a floating-point
 *       literal gains the suffix {@code f}, and a call of {@code Math.sqrt}, {@code tanh},
 *       {@code exp}, {@code log} or {@code pow} (which return double) is cast to float, except on
 *       lines ending in {@code // keep double} (sums and losses kept in double in both precisions);</li>
 *   <li>a line with a comment {@code // float32: <code>} becomes that code, as written, where the
 *       two precisions must round differently.</li>
 * </ul>
 *
 * <p>Run as a single-file program: {@code java Float32Generator.java <source root> <output root>}.
 */
public final class Float32Generator {

    /** The float64 templates, relative to the source root. */
    static final List<String> TEMPLATES = List.of(
            "org/annft/nn/Parameters.java",
            "org/annft/nn/Mlp.java",
            "org/annft/nn/ForwardBackward.java",
            "org/annft/linalg/Gemm.java",
            "org/annft/linalg/BlasGemm.java",
            "org/annft/linalg/SquareProduct.java",
            "org/annft/train/EpochRunner.java",
            "org/annft/train/OptimizerSteps.java",
            "org/annft/train/SgdStep.java",
            "org/annft/train/LossLoops.java",
            "org/annft/bench/GemmWorkload.java");

    private static final String KEEP_DOUBLE = "// keep double";
    private static final String FLOAT32_LINE = "// float32: ";
    private static final String LINE_OMITTED = "// float64 only";
    private static final String BEGIN_OMITTED = "// begin float64 only";
    private static final String END_OMITTED = "// end float64 only";
    private static final Pattern LITERAL =
            Pattern.compile("(?<![\\w.])(\\d+\\.\\d*(?:[eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+)(?![\\w.])");
    private static final Pattern DOUBLE_MATH = Pattern.compile("\\bMath\\.(sqrt|tanh|exp|log|pow)\\(");

    private Float32Generator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java Float32Generator.java <source root> <output root>");
            System.exit(2);
        }
        Path sources = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Pattern names = classNames();
        Set<Path> written = new HashSet<>();
        for (String template : TEMPLATES) {
            Path source = sources.resolve(template);
            String name = source.getFileName().toString().replace(".java", "");
            String converted = convert(Files.readString(source, StandardCharsets.UTF_8), names, name);
            Path target = output.resolve(template).resolveSibling("Float" + name + ".java");
            written.add(target);
            Files.createDirectories(target.getParent());
            // Rewritten only when changed, so an incremental build does not recompile the kernel.
            if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(converted)) {
                Files.writeString(target, converted, StandardCharsets.UTF_8);
            }
        }
        // A template moved or removed leaves no stale twin behind.
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !written.contains(f)).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The float32 text of one template. */
    static String convert(String text, Pattern names, String name) {
        List<String> out = new ArrayList<>();
        boolean omitting = false;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.equals(BEGIN_OMITTED)) {
                omitting = true;
                continue;
            }
            if (trimmed.equals(END_OMITTED)) {
                omitting = false;
                continue;
            }
            if (omitting || trimmed.endsWith(LINE_OMITTED)) {
                continue;
            }
            int alternative = line.indexOf(FLOAT32_LINE);
            if (alternative >= 0) {
                // The line's float32 form, written out where the two precisions round differently.
                line = line.substring(0, line.length() - line.stripLeading().length())
                        + line.substring(alternative + FLOAT32_LINE.length()).strip();
                out.add(names.matcher(line).replaceAll("Float$1").replace("DMatrixRMaj", "FMatrixRMaj"));
                continue;
            }
            String converted = names.matcher(line).replaceAll("Float$1")
                    .replace("DMatrixRMaj", "FMatrixRMaj")
                    .replace("dgemm", "sgemm")
                    .replace("float64", "float32");
            if (!trimmed.endsWith(KEEP_DOUBLE)) {
                converted = converted.replaceAll("\\bdouble\\b", "float").replaceAll("\\bDouble\\b", "Float");
                converted = LITERAL.matcher(converted).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "f"));
                converted = DOUBLE_MATH.matcher(converted).replaceAll("(float) Math.$1(");
            }
            out.add(converted);
            if (line.startsWith("package ")) {
                out.add("");
                out.add("// Generated from " + name + ".java by src/build/java/org/annft/build/Float32Generator.java:"
                        + " edit the template, not this file.");
            }
        }
        if (omitting) {
            throw new IllegalStateException(name + ": '" + BEGIN_OMITTED + "' without '" + END_OMITTED + "'");
        }
        return String.join("\n", out);
    }

    private static Pattern classNames() {
        StringBuilder alternatives = new StringBuilder();
        for (String template : TEMPLATES) {
            String file = template.substring(template.lastIndexOf('/') + 1);
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(file.replace(".java", ""));
        }
        return Pattern.compile("\\b(" + alternatives + ")\\b");
    }
}
