package dev.tollgate.activities.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** Java serialization of Smile models, reading back only classes that may be in a model file. */
final class JavaSerial {
  /**
   * What a model file may hold: Smile's classes, Tollgate's isolation forest, and the few JDK
   * classes Smile's models are made of (measured over every Smile algorithm Tollgate trains, at
   * their largest depths; JavaSerialTest keeps the list honest). Nothing else of {@code java.**}:
   * that is where the known deserialization gadgets live (URL, proxies, collections that call
   * hashCode or compare on the way in).
   */
  static final String CLASSES =
      "smile.**;"
          + IsolationForestModel.class.getName()
          + ";"
          + IsolationNode.class.getName()
          + ";java.lang.Object;java.lang.Number;java.lang.Integer;java.lang.Enum;java.lang.String"
          + ";java.util.ArrayList;java.util.HashMap;java.util.Map$Entry;!*";

  /**
   * How deep a model's object graph may nest: a tree adds one level per split, and no algorithm
   * grows trees deeper than 64 ({@code max_depth}'s limit); the deepest measured was 43 (an
   * isolation forest at max_depth 64). Deeper is a crafted file meant to exhaust the stack.
   */
  static final int MAX_DEPTH = 128;

  private JavaSerial() {}

  static byte[] write(Object model) {
    var buffer = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(buffer)) {
      out.writeObject(model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + model.getClass().getName(), e);
    }
    return buffer.toByteArray();
  }

  /** The object in {@code bytes}; {@code IllegalArgumentException} when it cannot be read. */
  static Object read(byte[] bytes) {
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(filter(bytes.length));
      return in.readObject();
    } catch (InvalidClassException e) {
      throw new IllegalArgumentException("it holds a class a model may not hold: " + e, e);
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("it cannot be read as a Smile model: " + e, e);
    }
  }

  /**
   * The classes above, with limits taken from the file's own size: every array element and every
   * object takes at least one byte of the stream, so an array or a count of objects larger than the
   * file is a lie told to make the reader allocate (a 20-byte file declaring a 16 GB array).
   */
  static ObjectInputFilter filter(int fileBytes) {
    long size = Math.max(fileBytes, 1);
    return ObjectInputFilter.Config.createFilter(
        "maxdepth="
            + MAX_DEPTH
            + ";maxrefs="
            + size
            + ";maxarray="
            + size
            + ";maxbytes="
            + size
            + ";"
            + CLASSES);
  }
}
