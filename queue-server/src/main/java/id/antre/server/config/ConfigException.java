package id.antre.server.config;

/** A hall configuration that cannot be used; the message names the field and why. */
public class ConfigException extends RuntimeException {
  private final String field;

  public ConfigException(String field, String why) {
    super(field + ": " + why);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
