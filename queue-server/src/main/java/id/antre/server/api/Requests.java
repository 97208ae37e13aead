package id.antre.server.api;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Strict request bodies: JSON objects only, no unknown fields, every field of its declared
 * type. A refusal names the field.
 */
final class Requests {
  /** The type a body field must have. */
  enum Type {
    STRING, STRING_OR_EMPTY, INTEGER, BOOLEAN, ARRAY, INTEGERS, OBJECT
  }

  static final int MAX_STRING = 500;

  private Requests() {
  }

  /**
   * @param fields allowed fields and their types
   * @param required fields that must be present
   */
  static JsonObject parse(Buffer body, Map<String, Type> fields, String... required) {
    JsonObject json;
    if (body == null || body.length() == 0 || body.toString().isBlank()) {
      json = new JsonObject();
    } else {
      Object parsed;
      try {
        parsed = Json.decodeValue(body);
      } catch (DecodeException e) {
        throw invalid("body is not valid JSON");
      }
      if (!(parsed instanceof JsonObject o)) {
        throw invalid("body must be a JSON object");
      }
      json = o;
    }
    for (String name : json.fieldNames()) {
      Type type = fields.get(name);
      if (type == null && Edge.hasControl(name)) {
        throw invalid("a field name contains control characters");
      }
      if (type == null) {
        throw invalid("unknown field '" + name + "' (allowed: " + String.join(", ", fields.keySet()) + ")");
      }
      Object v = json.getValue(name);
      if (v == null) {
        continue;
      }
      if (v instanceof String s && !text(s)) {
        throw invalid("field '" + name + "' contains control characters");
      }
      boolean ok = switch (type) {
        case STRING -> v instanceof String s && !s.isBlank() && s.length() <= MAX_STRING;
        case STRING_OR_EMPTY -> v instanceof String s && s.length() <= MAX_STRING;
        case INTEGER -> v instanceof Integer || v instanceof Long;
        case BOOLEAN -> v instanceof Boolean;
        case ARRAY -> v instanceof io.vertx.core.json.JsonArray a && a.size() <= 50
            && a.stream().allMatch(x -> x instanceof String s && !s.isBlank() && s.length() <= 64 && !Edge.hasControl(s));
        case INTEGERS -> v instanceof io.vertx.core.json.JsonArray a && a.size() <= 50
            && a.stream().allMatch(x -> x instanceof Integer || x instanceof Long);
        case OBJECT -> v instanceof JsonObject o && o.size() <= 50
            && o.fieldNames().stream().allMatch(k -> k.length() <= 64 && !Edge.hasControl(k));
      };
      if (!ok) {
        throw invalid("field '" + name + "' must be " + switch (type) {
          case STRING -> "non-empty text of at most " + MAX_STRING + " characters";
          case STRING_OR_EMPTY -> "text of at most " + MAX_STRING + " characters";
          case INTEGER -> "a whole number";
          case BOOLEAN -> "true or false";
          case ARRAY -> "a list of at most 50 non-empty texts";
          case INTEGERS -> "a list of at most 50 whole numbers";
          case OBJECT -> "an object of at most 50 fields";
        });
      }
    }
    for (String r : required) {
      if (json.getValue(r) == null) {
        throw invalid("field '" + r + "' is required");
      }
    }
    return json;
  }

  /**
   * Text a person could have typed: tabs and line breaks are kept (logs escape them), other
   * control characters, NUL above all, are refused here rather than by PostgreSQL.
   */
  static boolean text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  static QueueException invalid(String detail) {
    return new QueueException(ErrorCode.INVALID_REQUEST, detail);
  }
}
