package id.antre.server.announce;

import java.util.List;

/**
 * The Indonesian names of the Latin letters, as a ticket prefix is called out: A "a", B "be",
 * K "ka", Q "ki", X "eks". A name doubles as the letter's clip name.
 */
public final class IndonesianLetters {
  private static final List<String> NAMES = List.of(
      "a", "be", "ce", "de", "e", "ef", "ge", "ha", "i", "je", "ka", "el", "em",
      "en", "o", "pe", "ki", "er", "es", "te", "u", "fe", "we", "eks", "ye", "zet");

  private IndonesianLetters() {
  }

  /**
   * The name of a letter, either case: 'K' and 'k' give "ka".
   *
   * @throws IllegalArgumentException for anything but A-Z
   */
  public static String name(char letter) {
    char upper = Character.toUpperCase(letter);
    if (upper < 'A' || upper > 'Z') {
      throw new IllegalArgumentException("not a letter A-Z: '" + letter + "'");
    }
    return NAMES.get(upper - 'A');
  }

  /** All 26 names, A to Z. */
  public static List<String> names() {
    return NAMES;
  }
}
