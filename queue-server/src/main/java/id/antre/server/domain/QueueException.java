package id.antre.server.domain;

/** A refusal with a stable code and a human-readable detail (Bahasa Indonesia first). */
public class QueueException extends RuntimeException {
  private final ErrorCode code;
  private final java.util.Map<String, String> extras;

  public QueueException(ErrorCode code, String detail) {
    this(code, detail, java.util.Map.of());
  }

  /** A refusal that tells the client more than a sentence (e.g. when a check-in window opens): fields of the answer. */
  public QueueException(ErrorCode code, String detail, java.util.Map<String, String> extras) {
    super(detail, null, false, false);
    this.code = code;
    this.extras = java.util.Map.copyOf(extras);
  }

  /** Further fields of the answer; empty for most refusals. */
  public java.util.Map<String, String> extras() {
    return extras;
  }

  public ErrorCode code() {
    return code;
  }
}
