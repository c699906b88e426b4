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
   * Smile's and the JDK's classes, and Tollgate's own isolation forest; nothing else may come out
   * of a model file.
   */
  private static final ObjectInputFilter ALLOWED =
      ObjectInputFilter.Config.createFilter(
          "smile.**;java.**;"
              + IsolationForestModel.class.getName()
              + ";"
              + IsolationNode.class.getName()
              + ";!*");

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
      in.setObjectInputFilter(ALLOWED);
      return in.readObject();
    } catch (InvalidClassException e) {
      throw new IllegalArgumentException("it holds a class a model may not hold: " + e, e);
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("it cannot be read as a Smile model: " + e, e);
    }
  }
}
