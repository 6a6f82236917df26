package org.annft.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The output directory of an experiment: one Parquet table per subdirectory,
 * {@code <out>/<table>}, and a manifest, {@value #MANIFEST}, naming the tables of the one job run
 * they belong to. Tables are written through a {@link Commit}: each is first written under a hidden
 * staging directory and moved into place only when the whole job succeeded, so a job that fails
 * midway leaves no table behind, and a reader never sees a half-written one. The moves themselves
 * are bracketed by a marker file, {@value #COMMITTING}: written (listing every table the commit may
 * touch and the commit's id) before anything moves, deleted after the new manifest (which names the
 * same id) is in place. In between, the earlier result set (manifest and tables) is first set aside
 * whole under {@code _previous-<id>}, then the new tables move in. A directory with the marker is an
 * interrupted commit, and {@link #recover} makes it whole again: the new set if its manifest was
 * written, else the earlier one put back. The next job into the directory recovers it first, and so
 * do readers ({@link #recoverForReading}: the report, {@code annft predict}), so a kill at any step
 * leaves readers the earlier set or the new one, never a mix.
 * Works on any Hadoop file system (local, HDFS, S3A), so cluster jobs can write to shared storage.
 * The directory is qualified on the driver ({@code results/x} becomes {@code file:/abs/results/x}),
 * so a path handed to executors means the same place in their working directories.
 */
public final class ResultStore {

    private static final String STAGING_PREFIX = "_staging-";
    /** The file naming the tables of the complete result set in a directory, one per line. */
    public static final String MANIFEST = "_annft_result_set";
    /** The file present while a commit moves tables; lists every table that commit may touch. */
    public static final String COMMITTING = "_annft_committing";
    /** Where a commit sets the earlier result set aside until the new one is whole: {@code _previous-<commit id>}. */
    static final String PREVIOUS_PREFIX = "_previous-";
    /** In the directory set aside: present once the whole earlier result set is there. */
    private static final String SET_ASIDE = "_set_aside";
    /** The comment line of the marker and the manifest that names the commit. */
    private static final String COMMIT_LINE = "commit ";

    /** Tables the job declared it may write ({@link #checkWritable}); an overwrite removes them all. */
    private List<String> declared = List.of();

    private final SparkSession spark;
    private final org.apache.hadoop.conf.Configuration hadoop;
    private final Path root;
    private final boolean overwrite;

    public ResultStore(SparkSession spark, String outputDirectory, boolean overwrite) {
        this(spark, spark.sparkContext().hadoopConfiguration(), outputDirectory, overwrite);
    }

    private ResultStore(SparkSession spark, org.apache.hadoop.conf.Configuration hadoop, String outputDirectory,
            boolean overwrite) {
        this.spark = spark;
        this.hadoop = hadoop;
        this.root = qualified(new Path(outputDirectory), hadoop);
        this.overwrite = overwrite;
    }

    /**
     * Refuses, in the job's first second and without Spark, an output directory on the local file
     * system that {@link #checkWritable} or {@link #lock} would refuse later: a file, a read-only
     * parent, an existing result set without {@code --overwrite}, a directory another running job
     * holds. Other file systems are checked when the job starts (their settings come with Spark).
     *
     * @throws org.annft.config.BadInputException naming what is wrong
     */
    public static void checkBeforeWork(String outputDirectory, boolean overwrite, List<String> tables) {
        Path path = new Path(outputDirectory);
        String scheme = path.toUri().getScheme();
        if (scheme != null && !scheme.equals("file")) {
            return;
        }
        ResultStore store = local(outputDirectory, overwrite);
        store.checkWritable(tables);
        try {
            FileSystem fs = store.fileSystem();
            Path lock = new Path(store.root, LOCK);
            if (fs.exists(lock)) {
                List<String> holder = listed(fs, lock);
                if (holderAlive(fs, lock, holder)) {
                    throw store.heldBy(lock, holder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checking " + store.root, e);
        }
    }

    /**
     * A store of a local directory without Spark, for the checks and repairs that come before a
     * session exists or without one (it reads and moves files; it cannot write tables).
     */
    private static ResultStore local(String directory, boolean overwrite) {
        org.apache.hadoop.conf.Configuration local = new org.apache.hadoop.conf.Configuration(false);
        local.set("fs.file.impl", LocalFileSystemWithoutShell.class.getName());
        local.setBoolean("fs.file.impl.disable.cache", true);
        return new ResultStore(null, local, directory, overwrite);
    }

    private static Path qualified(Path path, org.apache.hadoop.conf.Configuration hadoop) {
        try {
            return path.getFileSystem(hadoop).makeQualified(path);
        } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
            throw new org.annft.config.BadInputException("cannot write results to " + path + ": no file system for its"
                    + " scheme '" + path.toUri().getScheme() + "' (file, hdfs, s3a, ... as the cluster provides)");
        } catch (IOException e) {
            throw new UncheckedIOException("opening the file system of " + path, e);
        }
    }

    /**
     * The local file of a {@code file:} path, from its decoded path: {@code Paths.get(URI)} refuses the
     * non-ASCII characters a Hadoop path's URI carries unescaped.
     */
    private static java.nio.file.Path localPath(Path path) {
        return java.nio.file.Path.of(path.toUri().getPath());
    }

    /** The output directory, qualified with its file system and, if it was relative, the driver's working directory. */
    public String root() {
        return root.toString();
    }

    /** Where a table lives: {@code <out>/<table>}. */
    public String tablePath(String table) {
        return new Path(root, table).toString();
    }

    private FileSystem fileSystem() {
        try {
            return root.getFileSystem(hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the file system of " + root, e);
        }
    }

    /** Whether the table already exists. */
    public boolean exists(String table) {
        try {
            return fileSystem().exists(new Path(root, table));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails before any work is done if the directory holds a complete result set with one of the
     * given tables (or any result set at all, by its manifest) and overwriting was not asked for.
     * An interrupted commit ({@value #COMMITTING} present) never blocks: the job replaces it.
     *
     * @throws IllegalArgumentException naming the table and the {@code --overwrite} option
     */
    public void checkWritable(List<String> tables) {
        checkLocalDirectory();
        declared = List.copyOf(tables);
        if (overwrite || exists(COMMITTING)) {
            return;
        }
        for (String table : tables) {
            if (exists(table)) {
                throw new org.annft.config.BadInputException("result table " + tablePath(table)
                        + " exists; pass --overwrite to replace it, or choose another --out");
            }
        }
        if (exists(MANIFEST)) {
            throw new org.annft.config.BadInputException(root + " holds the results of another job (" + MANIFEST
                    + "); pass --overwrite to replace them, or choose another --out");
        }
    }

    /**
     * On the local file system, that the output directory is a directory, or can be made one under
     * a writable directory: checked before the job works, not after.
     */
    private void checkLocalDirectory() {
        if (!"file".equals(root.toUri().getScheme())) {
            return;
        }
        java.nio.file.Path dir = localPath(root);
        java.nio.file.Path existing = dir;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !java.nio.file.Files.isDirectory(existing)) {
            throw new org.annft.config.BadInputException("cannot write results to " + dir + ": " + existing
                    + " is a file, not a directory");
        }
        if (!java.nio.file.Files.isWritable(existing)) {
            throw new org.annft.config.BadInputException("cannot write results to " + dir + ": directory " + existing
                    + " is not writable");
        }
    }

    /** The lock file of a job writing into the directory: host, process id, start time. */
    public static final String LOCK = "_annft_lock";

    private boolean locked;

    /**
     * Takes the directory for this job: one job at a time writes into an output directory. The lock
     * is a file published whole and only if absent ({@link #publishWhole}); a lock whose process has
     * ended on this host (a killed job), or an empty or unreadable one older than
     * {@link #STALE_EMPTY_LOCK_MILLIS}, is taken over, so it never stays stuck. Released by
     * {@link #unlock()}.
     *
     * @throws IllegalArgumentException when another running job holds the directory
     */
    public void lock() {
        FileSystem fs = fileSystem();
        Path lock = new Path(root, LOCK);
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        try {
            fs.mkdirs(root);
            for (int attempt = 0; attempt < 2; attempt++) {
                if (publishWhole(fs, lock, host + "\n" + pid + "\n" + java.time.Instant.now() + "\n")) {
                    locked = true;
                    return;
                }
                List<String> holder = listed(fs, lock);
                if (holderAlive(fs, lock, holder)) {
                    throw heldBy(lock, holder);
                }
                fs.delete(lock, false);
            }
            throw new org.annft.config.BadInputException("could not take the lock " + lock);
        } catch (IOException e) {
            throw new UncheckedIOException("locking " + root, e);
        }
    }

    /**
     * Creates {@code target} with {@code text}, whole or not at all, only if it does not exist: the
     * text is written under a temporary name, then published by a hard link (local file system) or a
     * rename (HDFS, which refuses to rename onto an existing file). A kill at any moment leaves either
     * no lock or a complete one.
     *
     * @return false if {@code target} exists
     */
    private static boolean publishWhole(FileSystem fs, Path target, String text) throws IOException {
        Path temporary = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (var out = fs.create(temporary, false)) {
                out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (org.apache.hadoop.fs.FSError e) {
                throw asIoException(e);
            }
            if ("file".equals(target.toUri().getScheme())) {
                try {
                    java.nio.file.Files.createLink(localPath(target), localPath(temporary));
                    return true;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    return false;
                }
            }
            return fs.rename(temporary, target);
        } finally {
            fs.delete(temporary, false);
        }
    }

    /**
     * Whether the job named in a lock may still run: on another host always; on this host while its
     * process lives. A lock without host and process (damaged, or left half-written by an older
     * annft) counts as held until it is older than a writer needs to fill it.
     */
    private static boolean holderAlive(FileSystem fs, Path lock, List<String> holder) throws IOException {
        String host = hostName();
        boolean sameHost = holder.size() >= 2 && holder.get(0).equals(host);
        long holderPid = sameHost ? parsePid(holder.get(1)) : -1;
        boolean unreadable = holder.size() < 2 || (holder.get(0).equals(host) && holderPid < 0);
        return unreadable ? !olderThan(fs, lock, STALE_EMPTY_LOCK_MILLIS)
                : !sameHost || ProcessHandle.of(holderPid).map(ProcessHandle::isAlive).orElse(false);
    }

    private org.annft.config.BadInputException heldBy(Path lock, List<String> holder) {
        return new org.annft.config.BadInputException("another annft job is writing to " + root + " ("
                + String.join(", ", holder) + "); wait for it, or delete " + lock + " if that job no longer runs");
    }

    /** Releases the lock taken by {@link #lock()}, if this store holds it. */
    public void unlock() {
        if (!locked) {
            return;
        }
        try {
            fileSystem().delete(new Path(root, LOCK), false);
            locked = false;
        } catch (IOException e) {
            throw new UncheckedIOException("unlocking " + root, e);
        }
    }

    /** An empty or unreadable lock older than this is stale: a writer fills its lock at once. */
    static final long STALE_EMPTY_LOCK_MILLIS = 10_000;

    private static boolean olderThan(FileSystem fs, Path file, long millis) throws IOException {
        try {
            return System.currentTimeMillis() - fs.getFileStatus(file).getModificationTime() > millis;
        } catch (java.io.FileNotFoundException e) {
            return true;
        }
    }

    private static long parsePid(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** Table names listed in a manifest or marker file, none if it is absent. */
    private static List<String> listed(FileSystem fs, Path file) throws IOException {
        if (!fs.exists(file)) {
            return List.of();
        }
        try (var in = fs.open(file)) {
            return tableNames(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The table names of a manifest or marker file's text: one per line, '#' lines are comments. */
    public static List<String> tableNames(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** What {@link #recover} did. */
    public enum Recovery {
        /** No commit was interrupted. */
        NONE,
        /** The new set's manifest was written: the commit is finished. */
        COMPLETED,
        /** The earlier set is put back. */
        UNDONE,
        /** A commit of an older annft, which set nothing aside: the next job replaces it. */
        EARLIER
    }

    /**
     * Completes or undoes a commit that was interrupted in this directory, so that it holds one
     * whole result set again: the new one if its manifest was written (the last step), else the
     * earlier one, put back from where the commit had set it aside. The caller holds the lock (a
     * writer) or has checked that no job holds it (a reader, {@link #recoverForReading}).
     *
     * @return what was done
     */
    public Recovery recover() throws IOException {
        FileSystem fs = fileSystem();
        Path marker = new Path(root, COMMITTING);
        if (!fs.exists(marker)) {
            return Recovery.NONE;
        }
        String markerText = text(fs, marker);
        java.util.Optional<String> id = commitId(markerText);
        if (id.isEmpty()) {
            return Recovery.EARLIER;
        }
        Path manifest = new Path(root, MANIFEST);
        Path previous = new Path(root, PREVIOUS_PREFIX + id.get());
        if (fs.exists(manifest) && commitId(text(fs, manifest)).equals(id)) {
            fs.delete(marker, false);
            fs.delete(previous, true);
            return Recovery.COMPLETED;
        }
        if (fs.exists(previous)) {
            // Once the earlier set is wholly aside, what stands in the directory is new: remove it.
            boolean wholeAside = fs.exists(new Path(previous, SET_ASIDE));
            for (String table : tableNames(markerText)) {
                Path here = new Path(root, table);
                Path aside = new Path(previous, table);
                if (fs.exists(aside)) {
                    fs.delete(here, true);
                    rename(fs, aside, here);
                } else if (wholeAside) {
                    fs.delete(here, true);
                }
            }
            if (fs.exists(new Path(previous, MANIFEST))) {
                fs.delete(manifest, false);
                rename(fs, new Path(previous, MANIFEST), manifest);
            }
            fs.delete(previous, true);
        }
        fs.delete(marker, false);
        // The interrupted job's staged tables: no other job writes here while the lock is held.
        for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(root)) {
            if (st.isDirectory() && st.getPath().getName().startsWith(STAGING_PREFIX)) {
                fs.delete(st.getPath(), true);
            }
        }
        return Recovery.UNDONE;
    }

    /**
     * For a reader of a local directory: if a commit there was interrupted and no job holds the
     * directory, completes or undoes it ({@link #recover}), so the reader sees one whole result set,
     * the new or the earlier one.
     *
     * @throws org.annft.config.BadInputException if a running job is committing there, or the
     *     directory cannot be repaired (read-only)
     */
    public static void recoverForReading(java.nio.file.Path dir) {
        if (!java.nio.file.Files.exists(dir.resolve(COMMITTING))) {
            return;
        }
        ResultStore store = local(dir.toString(), false);
        try {
            store.lock();
        } catch (org.annft.config.BadInputException held) {
            throw new org.annft.config.BadInputException("a job is committing its tables into " + dir + " now; read it "
                    + "when that job has finished");
        } catch (UncheckedIOException readOnly) {
            throw new org.annft.config.BadInputException("incomplete result set in " + dir + ": a job was interrupted "
                    + "while committing its tables, and the directory cannot be repaired here; run the job again");
        }
        try {
            store.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("repairing the interrupted commit in " + dir, e);
        } finally {
            store.unlock();
        }
    }

    private static java.util.Optional<String> commitId(String text) {
        return text.lines().filter(l -> l.startsWith("# " + COMMIT_LINE)).map(l -> l.substring(2 + COMMIT_LINE.length()).strip())
                .findFirst();
    }

    private static String text(FileSystem fs, Path file) throws IOException {
        try (var in = fs.open(file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not move " + from + " to " + to);
        }
    }

    /**
     * Reads the Parquet table at exactly {@code path}: Spark would expand the glob characters
     * {@code * ? [ ] { }} of a path (a directory named {@code run[1]} would read {@code run1}); its
     * data-source option {@code __globPaths__ = false} turns that off.
     */
    public static Dataset<Row> readTable(SparkSession spark, String path) {
        return spark.read().option("__globPaths__", "false").parquet(path);
    }

    /** Hadoop's local file system reports a failed write (a full disk) as an Error: it is an I/O failure. */
    private static IOException asIoException(org.apache.hadoop.fs.FSError e) {
        return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    /** Writes the lines under a temporary name and renames, so the file appears whole. */
    private static void writeAtomically(FileSystem fs, Path file, String header, java.util.Collection<String> lines)
            throws IOException {
        Path temporary = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
        try (var out = fs.create(temporary, true)) {
            out.write(("# " + header.replace("\n", "\n# ") + "\n" + String.join("\n", lines) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (org.apache.hadoop.fs.FSError e) {
            fs.delete(temporary, false);
            throw asIoException(e);
        }
        fs.delete(file, false);
        if (!fs.rename(temporary, file)) {
            fs.delete(temporary, false);
            throw new IOException("could not move " + temporary + " to " + file);
        }
    }

    /** Reads a table back. */
    public Dataset<Row> read(String table) {
        return readTable(spark, tablePath(table));
    }

    /** Starts a set of writes that land together on {@link Commit#commit()}. */
    public Commit begin() {
        return new Commit();
    }

    /** Tables staged by one job; closing without {@link #commit()} discards them. */
    public final class Commit implements AutoCloseable {

        private final Path staging = new Path(root, STAGING_PREFIX + UUID.randomUUID());
        private final Map<String, Path> staged = new LinkedHashMap<>();
        private boolean done;

        private Commit() {
        }

        /** Writes a table under staging; it becomes visible at {@link #commit()}. */
        public void write(String table, Dataset<Row> rows) {
            if (done) {
                throw new IllegalStateException("commit already finished");
            }
            if (staged.containsKey(table)) {
                throw new IllegalStateException("table " + table + " written twice in one commit");
            }
            Path target = new Path(staging, table);
            rows.write().mode(SaveMode.ErrorIfExists).parquet(target.toString());
            staged.put(table, target);
        }

        /**
         * Writes a small table as one file sorted by the given columns: a single partition sorted in
         * place. A global ORDER BY would first sample the rows for its range partitioning (a Spark job
         * of its own) and write a file per partition, seconds of overhead for a table of a few
         * thousand rows. Large tables (loss curves, predictions) keep ORDER BY and are written in parallel.
         */
        public void writeSorted(String table, Dataset<Row> rows, String... sortColumns) {
            Column[] order = Arrays.stream(sortColumns).map(functions::col).toArray(Column[]::new);
            write(table, rows.repartition(1).sortWithinPartitions(order));
        }

        /** Writes a table of a contract, checked against it (see {@link SparkTables#conforming}). */
        public void write(org.annft.table.ResultTable table, Dataset<Row> rows) {
            write(table.name(), SparkTables.conforming(table, rows));
        }

        /** Writes a small table of a contract as one file sorted by its key, as {@link #writeSorted} does. */
        public void writeSorted(org.annft.table.ResultTable table, Dataset<Row> rows) {
            writeSorted(table.name(), SparkTables.conforming(table, rows), table.sortKey().toArray(String[]::new));
        }

        /** Writes a large table of a contract in parallel, globally ordered by its key (ORDER BY). */
        public void writeOrdered(org.annft.table.ResultTable table, Dataset<Row> rows) {
            Column[] order = table.sortKey().stream().map(functions::col).toArray(Column[]::new);
            write(table.name(), SparkTables.conforming(table, rows).orderBy(order));
        }

        /** Rows a task carries at most when a table built on the driver is written (Spark warns above 1 MB a task). */
        private static final int ROWS_PER_TASK = 4000;

        /**
         * Writes a table built on the driver, whose rows are already in the table's order, as one
         * file in that order. Up to {@value #ROWS_PER_TASK} rows go as a local relation in a single
         * task, without a shuffle or a sort; more are split into tasks of that size and sorted by
         * {@code keys} into the one file, as {@link #writeSorted} does.
         */
        public void writeInOrder(String table, List<Row> rows, org.apache.spark.sql.types.StructType schema,
                                 String... keys) {
            if (rows.size() <= ROWS_PER_TASK) {
                write(table, spark.createDataFrame(rows, schema).coalesce(1));
            } else {
                int slices = (rows.size() + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
                writeSorted(table, spark.createDataFrame(org.apache.spark.api.java.JavaSparkContext
                        .fromSparkContext(spark.sparkContext()).parallelize(rows, slices), schema), keys);
            }
        }

        /** {@link #writeInOrder(String, List, org.apache.spark.sql.types.StructType, String...)} for a table of a contract. */
        public void writeInOrder(org.annft.table.ResultTable table, List<Row> rows) {
            writeInOrder(table.name(), rows, SparkTables.schema(table), table.sortKey().toArray(String[]::new));
        }

        /** The output directory the tables land in (see {@link ResultStore#root()}). */
        public String root() {
            return ResultStore.this.root();
        }

        /** Tables written so far, in order. */
        public List<String> tables() {
            return new ArrayList<>(staged.keySet());
        }

        /** A hook between the steps of {@link #commit()}, for tests that interrupt it there. */
        interface Step {
            void reached(String step) throws IOException;
        }

        private Step step = s -> { };

        /**
         * Calls {@code hook} after each step of the commit ({@code marked}, {@code aside <table>},
         * {@code set aside}, {@code moved <table>}, {@code manifest}).
         */
        void onStep(Step hook) {
            this.step = hook;
        }

        /**
         * Moves every staged table into place: marker, old manifest removed, tables of the earlier
         * result set removed (when overwriting or replacing an interrupted commit), staged tables
         * moved, new manifest, marker removed.
         */
        public void commit() {
            FileSystem fs = fileSystem();
            String id = UUID.randomUUID().toString();
            try {
                recover();
                List<String> written = tables();
                java.util.Set<String> declaredNow = new java.util.TreeSet<>(declared);
                declaredNow.addAll(written);
                checkWritable(List.copyOf(declaredNow));
                Path marker = new Path(root, COMMITTING);
                Path manifest = new Path(root, MANIFEST);
                Path previous = new Path(root, PREVIOUS_PREFIX + id);
                java.util.Set<String> touched = new java.util.TreeSet<>(declaredNow);
                touched.addAll(listed(fs, manifest));
                touched.addAll(listed(fs, marker));
                fs.mkdirs(root);
                writeAtomically(fs, marker, "annft: tables of an interrupted commit\n" + COMMIT_LINE + id, touched);
                step.reached("marked");
                // The earlier result set goes aside whole before the first new table moves in, so an
                // interrupted commit can always be undone (recover()).
                fs.mkdirs(previous);
                if (fs.exists(manifest)) {
                    rename(fs, manifest, new Path(previous, MANIFEST));
                    step.reached("aside " + MANIFEST);
                }
                for (String table : touched) {
                    Path here = new Path(root, table);
                    if (fs.exists(here)) {
                        rename(fs, here, new Path(previous, table));
                        step.reached("aside " + table);
                    }
                }
                fs.create(new Path(previous, SET_ASIDE), false).close();
                step.reached("set aside");
                for (Map.Entry<String, Path> e : staged.entrySet()) {
                    rename(fs, e.getValue(), new Path(root, e.getKey()));
                    step.reached("moved " + e.getKey());
                }
                writeAtomically(fs, manifest, "annft result set: the tables of one job run\n" + COMMIT_LINE + id, written);
                step.reached("manifest");
                fs.delete(marker, false);
                fs.delete(previous, true);
                done = true;
            } catch (IOException e) {
                throw new UncheckedIOException("committing results under " + root, e);
            } finally {
                deleteStaging(fs);
            }
        }

        @Override
        public void close() {
            if (!done) {
                deleteStaging(fileSystem());
                done = true;
            }
        }

        private void deleteStaging(FileSystem fs) {
            try {
                fs.delete(staging, true);
            } catch (IOException e) {
                // Best effort: a leftover hidden staging directory is ignored by readers.
            }
        }
    }
}
