package org.annft.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.annft.config.BadInputException;

/**
 * What a reader of a local result directory checks before it reads (the report, {@code annft
 * predict}): that no commit was left interrupted there (one is completed or undone first,
 * {@link ResultStore#recoverForReading}), that the manifest lists the tables read, and that their
 * Parquet files are whole. Each refusal is bad
 * input in one line naming the directory or file.
 */
public final class ResultSetCheck {

    private ResultSetCheck() {
    }

    /**
     * The tables the manifest of {@code dir} lists, if it has one.
     *
     * @throws BadInputException if a commit into {@code dir} was interrupted and cannot be repaired
     */
    public static Optional<Set<String>> listedTables(Path dir) {
        ResultStore.recoverForReading(dir);
        if (Files.exists(dir.resolve(ResultStore.COMMITTING))) {
            throw new BadInputException("incomplete result set in " + dir + ": a job was interrupted while "
                    + "committing its tables; run it again into the same --out to replace them");
        }
        Path manifest = dir.resolve(ResultStore.MANIFEST);
        if (!Files.exists(manifest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TreeSet<>(ResultStore.tableNames(Files.readString(manifest))));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(manifest + " is not a list of table names (damaged); run the job that wrote "
                    + dir + " again");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + manifest, e);
        }
    }

    /**
     * Checks that {@code dir} holds a whole result set with {@code tables}: no interrupted commit,
     * each table listed by the manifest (where there is one) and made of whole Parquet files.
     *
     * @throws BadInputException naming what is missing or damaged
     */
    public static void requireTables(Path dir, Collection<String> tables) {
        Optional<Set<String>> listed = listedTables(dir);
        for (String table : tables) {
            if (!Files.isDirectory(dir.resolve(table)) || listed.map(l -> !l.contains(table)).orElse(false)) {
                throw new BadInputException(dir + ": no table '" + table + "' in its result set");
            }
            requireWholeParquetFiles(dir.resolve(table));
        }
    }

    /**
     * Every Parquet file of a table starts and ends with the magic {@code PAR1} (the footer is at the
     * end): a truncated or overwritten file is refused here, in one line naming it, rather than deep
     * inside a Spark job.
     */
    public static void requireWholeParquetFiles(Path table) {
        byte[] magic = "PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.list(table)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
                try (var channel = java.nio.channels.FileChannel.open(f)) {
                    long size = channel.size();
                    java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(4);
                    java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4);
                    boolean whole = size >= 12 && channel.read(head, 0) == 4 && channel.read(tail, size - 4) == 4
                            && java.util.Arrays.equals(head.array(), magic) && java.util.Arrays.equals(tail.array(), magic);
                    if (!whole) {
                        throw new BadInputException("table " + table.getFileName() + ": " + f
                                + " is not a complete Parquet file (truncated or damaged); run the job that wrote "
                                + table.getParent() + " again");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + table, e);
        }
    }

    /**
     * What identifies the result set in {@code dir} at this moment: its manifest's text (which names
     * the commit that wrote it) and whether a commit is under way. A reader compares it before and
     * after reading; a difference means a job committed into the directory meanwhile.
     */
    public static String state(Path dir) {
        try {
            Path manifest = dir.resolve(ResultStore.MANIFEST);
            return (Files.exists(manifest) ? Files.readString(manifest) : "") + "|committing="
                    + Files.exists(dir.resolve(ResultStore.COMMITTING));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + dir, e);
        }
    }

    /**
     * Checks that the result set in {@code dir} is still the one whose {@link #state} was
     * {@code before}, after {@code reader} (e.g. "the report") read it.
     *
     * @throws IllegalStateException if a job committed into the directory meanwhile
     */
    public static void requireUnchanged(Path dir, String before, String reader, Throwable cause) {
        if (!state(dir).equals(before)) {
            throw new IllegalStateException("the result set in " + dir + " changed while " + reader + " read it (a job"
                    + " committed into it); run " + reader + " again", cause);
        }
    }
}
