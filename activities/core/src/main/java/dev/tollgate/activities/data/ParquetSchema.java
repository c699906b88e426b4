package dev.tollgate.activities.data;

import dev.hardwood.HardwoodContext;
import dev.hardwood.InputFile;
import dev.hardwood.metadata.CompressionCodec;
import dev.hardwood.metadata.FileMetaData;
import dev.hardwood.reader.ParquetFileReader;
import dev.hardwood.schema.ColumnSchema;
import dev.hardwood.schema.FileSchema;
import dev.hardwood.schema.SchemaNode;
import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Parquet file's used columns, checked from its footer before a row is read: the file is
 * Parquet (not empty, its footer readable), every used column is there (all missing ones named at
 * once, with the file's own columns), each is a flat column (a struct, list or map is refused) and
 * of a type its use accepts ({@link ParquetTypes}). The reader that read the footer stays open and
 * reads the rows too ({@link #reader}), so each footer is parsed once; closing this closes it.
 *
 * @param file the file's name in messages
 * @param names the used columns, in the table's order
 * @param types how each is read
 * @param described each one's Parquet type in words, to compare part files
 * @param columns each one's Parquet column (a decimal's scale)
 * @param rows the rows the footer counts (only to size the columns: the data is what is read)
 * @param bytes the file's size on disk (to bound the rows a footer claims)
 * @param reader the open reader whose footer this is, to read the rows with
 */
record ParquetSchema(
    String file,
    String[] names,
    ParquetTypes[] types,
    String[] described,
    ColumnSchema[] columns,
    long rows,
    long bytes,
    ParquetFileReader reader)
    implements AutoCloseable {

  static ParquetSchema check(
      Path path,
      String file,
      List<RawColumn> used,
      RawColumn time,
      RawColumn target,
      HardwoodContext context) {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw Failures.invalidData(file + " cannot be read: " + e.getClass().getSimpleName());
    }
    if (size == 0) {
      throw Failures.invalidData(file + " is empty (0 bytes): expected a Parquet file");
    }
    ParquetFileReader reader;
    try {
      reader = ParquetFileReader.open(InputFile.of(path), context);
    } catch (IOException | RuntimeException e) {
      throw damaged(file, "its footer cannot be read", e);
    }
    try {
      return check(reader, file, size, used, time, target);
    } catch (RuntimeException refused) {
      closeQuietly(reader);
      throw refused;
    }
  }

  private static ParquetSchema check(
      ParquetFileReader reader,
      String file,
      long size,
      List<RawColumn> used,
      RawColumn time,
      RawColumn target) {
    FileSchema schema;
    FileMetaData footer;
    try {
      schema = reader.getFileSchema();
      footer = reader.getFileMetaData();
    } catch (RuntimeException e) {
      throw damaged(file, "its footer cannot be read", e);
    }
    Map<String, SchemaNode> fields = new java.util.LinkedHashMap<>();
    List<String> repeated = new ArrayList<>();
    for (SchemaNode field : schema.getRootNode().children()) {
      if (fields.put(field.name(), field) != null && !repeated.contains(field.name())) {
        repeated.add(field.name());
      }
    }
    if (!repeated.isEmpty()) {
      // as a CSV header's: "the column x" would mean whichever comes first, silently
      throw Failures.invalidData(
          file
              + " repeats the column name"
              + (repeated.size() == 1 ? " " : "s ")
              + Echo.names(repeated)
              + "; every column needs a name of its own");
    }
    refuseMissing(file, used, fields);
    int n = used.size();
    String[] names = new String[n];
    ParquetTypes[] types = new ParquetTypes[n];
    String[] described = new String[n];
    ColumnSchema[] columns = new ColumnSchema[n];
    for (int j = 0; j < n; j++) {
      RawColumn column = used.get(j);
      SchemaNode field = fields.get(column.name);
      refuseNested(file, column.name, field);
      var parquet = schema.getColumn(column.name);
      names[j] = column.name;
      types[j] = ParquetTypes.of(parquet, column, column == time, column == target, file);
      described[j] = ParquetTypes.describe(parquet);
      columns[j] = parquet;
    }
    refuseUnreadableCodecs(file, footer, List.of(names));
    return new ParquetSchema(
        file, names, types, described, columns, Math.max(0, footer.numRows()), size, reader);
  }

  /** Closes the reader; a failure to unmap changes no result. */
  @Override
  public void close() {
    closeQuietly(reader);
  }

  private static void closeQuietly(ParquetFileReader reader) {
    try {
      reader.close();
    } catch (IOException | RuntimeException ignored) {
      // the rows are read (or refused) already: nothing the caller could do with it
    }
  }

  /** Part files of one folder must agree on every used column's type. */
  static void requireSameTypes(List<ParquetSchema> parts) {
    ParquetSchema first = parts.getFirst();
    for (ParquetSchema other : parts.subList(1, parts.size())) {
      for (int j = 0; j < first.names.length; j++) {
        if (!first.described[j].equals(other.described[j])) {
          throw Failures.invalidData(
              other.file
                  + " column "
                  + first.names[j]
                  + " is "
                  + other.described[j]
                  + " but "
                  + first.file
                  + " has it as "
                  + first.described[j]
                  + ": every part file of a folder needs the same type in a used column");
        }
      }
    }
  }

  /** A file that is not Parquet, or whose bytes are cut short or damaged. */
  static ApplicationFailure damaged(String file, String where, Exception e) {
    if (e instanceof ApplicationFailure refused) return refused;
    return Failures.invalidData(
        file
            + " is not a Parquet file, or is damaged or cut short ("
            + where
            + ": "
            + e.getClass().getSimpleName()
            + ")");
  }

  private static void refuseMissing(String file, List<RawColumn> used, Map<String, ?> fields) {
    List<String> missing =
        used.stream().map(c -> c.name).filter(c -> !fields.containsKey(c)).distinct().toList();
    if (!missing.isEmpty()) {
      List<String> names = List.copyOf(fields.keySet());
      throw Failures.invalidData(
          file
              + " has no column "
              + String.join(", ", missing.stream().map(Echo::value).toList())
              + " (it has "
              + names.size()
              + (names.size() == 1 ? " column: " : " columns: ")
              + Echo.names(names)
              + ")");
    }
  }

  /**
   * The codecs the worker carries: snappy (pandas', pyarrow's and Spark's default), zstd, gzip and
   * none. LZ4, LZO and Brotli are refused by name rather than as a damaged file.
   */
  private static final java.util.Set<CompressionCodec> READABLE =
      java.util.EnumSet.of(
          CompressionCodec.UNCOMPRESSED,
          CompressionCodec.SNAPPY,
          CompressionCodec.GZIP,
          CompressionCodec.ZSTD);

  private static void refuseUnreadableCodecs(String file, FileMetaData footer, List<String> used) {
    for (var group : footer.rowGroups()) {
      for (var chunk : group.columns()) {
        var meta = chunk.metaData();
        if (meta == null || READABLE.contains(meta.codec())) continue;
        String column = meta.pathInSchema().toString();
        if (used.contains(column)) {
          throw Failures.invalidData(
              file
                  + " column "
                  + column
                  + " is compressed with "
                  + meta.codec()
                  + ", which Tollgate does not read: write the file with snappy (the usual"
                  + " default), zstd, gzip or no compression");
        }
      }
    }
  }

  private static void refuseNested(String file, String column, SchemaNode field) {
    String kind = null;
    if (field instanceof SchemaNode.GroupNode group) {
      kind = group.isList() ? "a list" : group.isMap() ? "a map" : "a struct";
    } else if (field instanceof SchemaNode.PrimitiveNode leaf && leaf.maxRepetitionLevel() > 0) {
      kind = "a repeated value (a list)";
    }
    if (kind != null) {
      throw Failures.invalidData(
          file
              + " column "
              + column
              + " is "
              + kind
              + ": only flat columns (numbers, text, booleans, dates, timestamps) can be used;"
              + " flatten it into columns of their own in the export");
    }
  }
}
