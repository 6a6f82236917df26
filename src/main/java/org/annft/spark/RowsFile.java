package org.annft.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.annft.table.ResultTable;
import org.annft.table.TableColumn;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;

/**
 * One Parquet file that holds one record: a key string and, for each of a fixed list of result
 * tables, a list of that table's rows, each with exactly the table's columns
 * ({@link ResultTable}: names, types, nullability). It is how a unit of work stores the rows it
 * contributes to the final tables before they are written: the file is made from the tables'
 * contracts, so a column added to a contract is stored and read back with no change here, and any
 * Parquet reader (DuckDB, pyarrow) can open it.
 *
 * <p>Schema: {@code message annft_rows { required binary key (STRING); repeated group <table> {
 * <columns> } ... }}, lists as Parquet's three-level {@code LIST}. Pages carry CRC-32 checksums and
 * the footer the SHA-256 of the record's values, both verified on reading, so a truncated or altered
 * file fails to read instead of reading as other rows. Reading builds only rows of the contract's Java
 * types (never a deserialized object). File-system access goes through the given Hadoop
 * configuration, as for the result tables.
 */
public final class RowsFile {

    private static final String KEY = "key";
    /** Footer metadata: the SHA-256 of the record's values, which page CRCs alone do not cover (the footer). */
    private static final String DIGEST = "annft.rows.sha256";

    private RowsFile() {
    }

    /** The Parquet schema of a file holding {@code tables}. */
    static MessageType schema(List<ResultTable> tables) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        message.addField(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(KEY));
        for (ResultTable table : tables) {
            Types.GroupBuilder<GroupType> group = Types.repeatedGroup();
            for (TableColumn c : table.columns()) {
                group.addField(field(c));
            }
            message.addField(group.named(table.name()));
        }
        return message.named("annft_rows");
    }

    private static Type field(TableColumn c) {
        org.apache.parquet.schema.Type.Repetition repetition = c.nullable()
                ? org.apache.parquet.schema.Type.Repetition.OPTIONAL : org.apache.parquet.schema.Type.Repetition.REQUIRED;
        return switch (c.type()) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType())
                    .named(c.name());
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(c.name());
            case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(c.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(c.name());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(c.name());
            case DOUBLE_ARRAY -> Types.list(repetition).requiredElement(PrimitiveTypeName.DOUBLE).named(c.name());
            case STRING_ARRAY -> Types.list(repetition).optionalElement(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType()).named(c.name());
        };
    }

    /**
     * Writes {@code key} and the rows of each table to a new file {@code path} (an existing file is
     * an error).
     *
     * @param rows each table's rows, every row conforming to its table ({@link SparkTables#row})
     */
    public static void write(Path path, Configuration hadoop, String key, Map<ResultTable, List<Row>> rows)
            throws IOException {
        List<ResultTable> tables = List.copyOf(rows.keySet());
        MessageType schema = schema(tables);
        Group record = new SimpleGroupFactory(schema).newGroup();
        record.append(KEY, key);
        for (ResultTable table : tables) {
            for (Row row : rows.get(table)) {
                Group g = record.addGroup(table.name());
                List<TableColumn> columns = table.columns();
                for (int i = 0; i < columns.size(); i++) {
                    if (!row.isNullAt(i)) {
                        put(g, columns.get(i), row.get(i));
                    }
                }
            }
        }
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(path).withConf(hadoop).withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.CREATE).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withPageWriteChecksumEnabled(true).withExtraMetaData(Map.of(DIGEST, digest(record))).build()) {
            writer.write(record);
        }
    }

    private static void put(Group g, TableColumn c, Object value) {
        String name = c.name();
        switch (c.type()) {
            case STRING -> g.append(name, (String) value);
            case INT -> g.append(name, (Integer) value);
            case LONG -> g.append(name, (Long) value);
            case DOUBLE -> g.append(name, (Double) value);
            case BOOLEAN -> g.append(name, (Boolean) value);
            case TIMESTAMP -> g.append(name, micros((java.sql.Timestamp) value));
            case DOUBLE_ARRAY -> {
                Group list = g.addGroup(name);
                for (double x : (double[]) value) {
                    list.addGroup(0).append("element", x);
                }
            }
            case STRING_ARRAY -> {
                Group list = g.addGroup(name);
                scala.collection.Iterator<?> it = ((scala.collection.Seq<?>) value).iterator();
                while (it.hasNext()) {
                    Object s = it.next();
                    Group element = list.addGroup(0);
                    if (s != null) {
                        element.append("element", (String) s);
                    }
                }
            }
        }
    }

    /** What a file holds: its key and each table's rows, in the order written. */
    public record Contents(String key, Map<ResultTable, List<Row>> rows) {
    }

    /**
     * Reads a file written by {@link #write} for the same {@code tables}.
     *
     * @throws IOException if the file cannot be read, is not such a file, or does not hold exactly one
     *     record with these tables' columns
     */
    public static Contents read(Path path, Configuration hadoop, List<ResultTable> tables) throws IOException {
        MessageType expected = schema(tables);
        Group record;
        Map<String, String> metadata = new java.util.HashMap<>();
        GroupReadSupport support = new GroupReadSupport() {
            @Override
            public org.apache.parquet.io.api.RecordMaterializer<Group> prepareForRead(
                    org.apache.parquet.conf.ParquetConfiguration configuration, Map<String, String> keyValueMetaData,
                    MessageType fileSchema, org.apache.parquet.hadoop.api.ReadSupport.ReadContext readContext) {
                metadata.putAll(keyValueMetaData);
                return super.prepareForRead(configuration, keyValueMetaData, fileSchema, readContext);
            }

            @Override
            public org.apache.parquet.io.api.RecordMaterializer<Group> prepareForRead(Configuration configuration,
                    Map<String, String> keyValueMetaData, MessageType fileSchema,
                    org.apache.parquet.hadoop.api.ReadSupport.ReadContext readContext) {
                metadata.putAll(keyValueMetaData);
                return super.prepareForRead(configuration, keyValueMetaData, fileSchema, readContext);
            }
        };
        try (ParquetReader<Group> reader = ParquetReader.builder(support, path).withConf(hadoop)
                .usePageChecksumVerification(true).build()) {
            record = reader.read();
            if (record == null || reader.read() != null) {
                throw new IOException("not one record");
            }
        } catch (RuntimeException e) {
            // Parquet reports a damaged file with unchecked exceptions (ParquetDecodingException, ...).
            throw new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (!record.getType().equals(expected)) {
            throw new IOException("its schema is not the tables' " + tables.stream().map(ResultTable::name).toList());
        }
        try {
            if (!digest(record).equals(metadata.get(DIGEST))) {
                throw new IOException("its values do not match their SHA-256 (truncated or altered)");
            }
            Map<ResultTable, List<Row>> rows = new LinkedHashMap<>();
            for (ResultTable table : tables) {
                rows.put(table, rows(record, table));
            }
            return new Contents(record.getString(KEY, 0), rows);
        } catch (RuntimeException e) {
            // A value the contract refuses, or bytes that do not decode (a string cut by a damaged length).
            throw new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static List<Row> rows(Group record, ResultTable table) {
        int n = record.getFieldRepetitionCount(table.name());
        List<Row> out = new ArrayList<>(n);
        List<TableColumn> columns = table.columns();
        for (int r = 0; r < n; r++) {
            Group g = record.getGroup(table.name(), r);
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = get(g, columns.get(i));
            }
            out.add(SparkTables.row(table, values));
        }
        return List.copyOf(out);
    }

    private static Object get(Group g, TableColumn c) {
        String name = c.name();
        if (g.getFieldRepetitionCount(name) == 0) {
            return null;
        }
        return switch (c.type()) {
            case STRING -> g.getString(name, 0);
            case INT -> g.getInteger(name, 0);
            case LONG -> g.getLong(name, 0);
            case DOUBLE -> g.getDouble(name, 0);
            case BOOLEAN -> g.getBoolean(name, 0);
            case TIMESTAMP -> timestamp(g.getLong(name, 0));
            case DOUBLE_ARRAY -> {
                Group list = g.getGroup(name, 0);
                double[] values = new double[list.getFieldRepetitionCount(0)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = list.getGroup(0, i).getDouble("element", 0);
                }
                yield values;
            }
            case STRING_ARRAY -> {
                Group list = g.getGroup(name, 0);
                List<String> values = new ArrayList<>();
                for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
                    Group element = list.getGroup(0, i);
                    values.add(element.getFieldRepetitionCount("element") == 0 ? null : element.getString("element", 0));
                }
                yield scala.jdk.javaapi.CollectionConverters.asScala(values).toSeq();
            }
        };
    }

    /**
     * SHA-256 of the record's values in Parquet's text rendering (field names and values in schema
     * order; doubles in Java's shortest round-trip form), so any changed value changes it.
     */
    private static String digest(Group record) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(record.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Microseconds since the epoch, as Parquet's {@code TIMESTAMP(MICROS)} stores an instant. */
    private static long micros(java.sql.Timestamp t) {
        return Math.floorDiv(t.getTime(), 1000L) * 1_000_000L + t.getNanos() / 1000;
    }

    private static java.sql.Timestamp timestamp(long micros) {
        java.sql.Timestamp t = new java.sql.Timestamp(Math.floorDiv(micros, 1_000_000L) * 1000L);
        t.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
        return t;
    }
}
