package dev.tollgate.worker.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.BoundedInputStream;
import dev.tollgate.activities.serving.ServingError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads a prediction request's {@code {"rows": [{...}, ...]}} within {@link ServingLimits}, JSON
 * only. The body is streamed: the Content-Length is checked before the first byte, the stream stops
 * at the byte limit, and rows are taken one at a time, so the one past the row limit is never
 * parsed. Jackson's read constraints bound what one value may cost (nesting, string, number and
 * name lengths): a row is a flat object of short values, and nothing a model reads needs more.
 */
final class PredictBodyReader {
  static final int MAX_NESTING_DEPTH = 16;
  static final int MAX_STRING_LENGTH = 16_384;
  static final int MAX_NUMBER_LENGTH = 100;
  static final int MAX_NAME_LENGTH = 1_024;
  private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {};
  private static final String SHAPE = "{\"rows\": [{\"temperature\": 21.5}]}";

  private final ObjectMapper json;
  private final long maxBytes;
  private final int maxRows;

  PredictBodyReader(ServingLimits limits) {
    this.maxBytes = limits.maxRequestBytes().toBytes();
    this.maxRows = limits.maxRows();
    this.json =
        new ObjectMapper(
            JsonFactory.builder()
                .streamReadConstraints(
                    StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .build());
  }

  /**
   * The request's rows.
   *
   * @throws ServingError 415 for a body that is not JSON by its Content-Type, 413 past the byte
   *     limit, 400 for anything else wrong with it (the message names what, never the content)
   */
  List<Map<String, Object>> read(HttpServletRequest request) {
    requireJson(request.getContentType());
    if (request.getContentLengthLong() > maxBytes) throw tooLarge();
    try (InputStream body = new BoundedInputStream(request.getInputStream(), maxBytes);
        JsonParser parser = json.createParser(body)) {
      return rows(parser);
    } catch (BoundedInputStream.Exceeded e) {
      throw tooLarge();
    } catch (JsonProcessingException e) {
      // Jackson wraps what went wrong inside a row (with its path): look at the causes
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BoundedInputStream.Exceeded) throw tooLarge();
        if (t instanceof StreamConstraintsException limit) {
          throw new ServingError(
              400, "the body exceeds a limit of the serving API: " + limit(limit));
        }
      }
      throw new ServingError(400, "the body is not JSON of the form " + SHAPE);
    } catch (IOException e) {
      // the client went away or stalled past the server's read timeout: nobody to tell more
      throw new ServingError(400, "the body could not be read to its end");
    }
  }

  private List<Map<String, Object>> rows(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new ServingError(400, "the body is not JSON of the form " + SHAPE);
    }
    List<Map<String, Object>> rows = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean isRows = "rows".equals(parser.currentName());
      JsonToken value = parser.nextToken();
      if (!isRows) {
        parser.skipChildren(); // other keys are ignored, as before; the constraints still apply
      } else if (rows != null) {
        throw new ServingError(400, "rows: given twice");
      } else if (value != JsonToken.START_ARRAY) {
        throw new ServingError(400, "rows: expected a list of objects such as " + SHAPE);
      } else {
        rows = list(parser);
      }
    }
    if (parser.nextToken() != null) {
      throw new ServingError(400, "the body is not JSON of the form " + SHAPE);
    }
    if (rows == null) {
      throw new ServingError(400, "rows: expected a list of objects such as " + SHAPE);
    }
    return rows;
  }

  private List<Map<String, Object>> list(JsonParser parser) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (rows.size() == maxRows) {
        throw new ServingError(
            400,
            "rows: at most "
                + maxRows
                + " rows a request (tollgate.serving.limits.max-rows); send them in batches");
      }
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw new ServingError(
            400, "rows[" + rows.size() + "]: expected an object of the model's fields");
      }
      rows.add(json.readValue(parser, ROW));
    }
    return rows;
  }

  private static void requireJson(String contentType) {
    MediaType type;
    try {
      type = contentType == null ? null : MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      type = null;
    }
    if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
      throw new ServingError(415, "the body must be JSON: Content-Type: application/json");
    }
  }

  private ServingError tooLarge() {
    return new ServingError(
        413,
        "the body is larger than "
            + maxBytes
            + " bytes (tollgate.serving.limits.max-request-bytes); send fewer rows a request");
  }

  /** Which constraint, without the value that broke it. */
  private static String limit(StreamConstraintsException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) return "nested deeper than " + MAX_NESTING_DEPTH;
    if (m.contains("String value length")) return "a string longer than " + MAX_STRING_LENGTH;
    if (m.contains("Number value length")) return "a number longer than " + MAX_NUMBER_LENGTH;
    if (m.contains("Name length")) return "a field name longer than " + MAX_NAME_LENGTH;
    return "too large";
  }
}
