package id.antre.server.domain;

/** A refusal with a stable code and a human-readable detail (Bahasa Indonesia first). */
public class QueueException extends RuntimeException {
  private final ErrorCode code;

  public QueueException(ErrorCode code, String detail) {
    super(detail, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
