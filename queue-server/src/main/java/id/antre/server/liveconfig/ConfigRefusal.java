package id.antre.server.liveconfig;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;

/** A configuration refused, with the path of the field it is about ({@code counters[1].services}), as the page shows it. */
public class ConfigRefusal extends QueueException {
  private final String field;

  public ConfigRefusal(ErrorCode code, String detail, String field) {
    super(code, detail);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
