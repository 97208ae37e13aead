package id.antre.server.announce;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a call into what the hall hears: a chime, then "Nomor antrean A dua belas, silakan menuju
 * loket tiga." Both the sentence and the list of recorded clips come from the same tokens, so a
 * display that chains clips and one that uses speech synthesis say the same thing.
 *
 * <p>Clip names are lower-case ASCII with hyphens; a clip is said as its name with the hyphens
 * read as spaces ("nomor-antrean" is "nomor antrean"), except the chime. Letters are clipped by
 * their Indonesian names ("ka" for K), numbers by the words of {@link IndonesianNumbers}. Two
 * families of clips are the hall's own and not in {@link #allClipNames()}: {@code agency-<slug>}
 * for an agency name and {@code counter-<slug>} for a counter without a plain number.
 */
public final class AnnouncementBuilder {
  /** How the number part of a ticket is read out. */
  public enum ReadingMode {
    /** As a cardinal without leading zeros: A012 is "A dua belas". */
    CARDINAL,
    /** Digit by digit, zeros included: A012 is "A nol satu dua". */
    DIGITS
  }

  private static final String CHIME = "chime";
  private static final String RECALL = "panggilan-ulang";
  private static final String NUMBER = "nomor-antrean";
  private static final String GO_TO = "silakan-menuju";
  private static final String COUNTER = "loket";

  /** One or two prefix letters, then the number as printed (TicketNumber pads to three digits). */
  private static final Pattern TICKET = Pattern.compile("([A-Za-z]{1,2})([0-9]{1,6})");
  /** "3", "Loket 3", "loket 12": a counter called by its number alone. */
  private static final Pattern NUMBERED_COUNTER = Pattern.compile("(?i)(?:loket\\s*)?([0-9]{1,6})");

  private static final List<String> ALL_CLIP_NAMES = allClips();

  private AnnouncementBuilder() {
  }

  /**
   * The announcement for one call.
   *
   * @param ticketNumber one or two letters then digits, as printed: "A012", "KB105"
   * @param counterName  "3" or "Loket 3" is said "loket tiga"; any other name, such as
   *                     "Loket Prioritas", is said as written ("silakan menuju Loket Prioritas") with
   *                     the hall's own clip {@code counter-<slug>}
   * @param agencyName   said last when present ("..., Disdukcapil."), clip {@code agency-<slug>}
   * @param recall       a repeated call starts with "Panggilan ulang"
   * @param mode         how the ticket's digits are read; the counter's number is always a cardinal
   * @throws IllegalArgumentException for a malformed ticket number, a blank counter name, or an
   *                                  agency name without a single letter or digit
   */
  public static Announcement build(String ticketNumber, String counterName, Optional<String> agencyName,
      boolean recall, ReadingMode mode) {
    Objects.requireNonNull(ticketNumber, "ticketNumber");
    Objects.requireNonNull(counterName, "counterName");
    Objects.requireNonNull(agencyName, "agencyName");
    Objects.requireNonNull(mode, "mode");

    Matcher ticket = TICKET.matcher(ticketNumber);
    if (!ticket.matches()) {
      throw new IllegalArgumentException(
          "ticket number must be one or two letters then digits, like A012: '" + ticketNumber + "'");
    }
    String prefix = ticket.group(1).toUpperCase(Locale.ROOT);
    String digits = ticket.group(2);
    int value = Integer.parseInt(digits);
    if (value == 0) {
      throw new IllegalArgumentException("ticket numbers start at 1: '" + ticketNumber + "'");
    }
    String counter = counterName.strip();
    if (counter.isEmpty()) {
      throw new IllegalArgumentException("counter name is blank");
    }
    Optional<String> agency = agencyName.map(String::strip).filter(a -> !a.isEmpty());

    StringBuilder text = new StringBuilder();
    List<String> clips = new ArrayList<>();
    clips.add(CHIME);
    if (recall) {
      text.append("Panggilan ulang, nomor antrean ");
      clips.add(RECALL);
    } else {
      text.append("Nomor antrean ");
    }
    clips.add(NUMBER);

    text.append(prefix);
    for (char letter : prefix.toCharArray()) {
      clips.add(IndonesianLetters.name(letter));
    }
    List<String> numberWords = mode == ReadingMode.DIGITS
        ? IndonesianNumbers.digitTokens(digits)
        : IndonesianNumbers.tokens(value);
    text.append(' ').append(String.join(" ", numberWords));
    clips.addAll(numberWords);

    text.append(", silakan menuju ");
    clips.add(GO_TO);
    Matcher numbered = NUMBERED_COUNTER.matcher(counter);
    if (numbered.matches()) {
      List<String> counterWords = IndonesianNumbers.tokens(Integer.parseInt(numbered.group(1)));
      text.append("loket ").append(String.join(" ", counterWords));
      clips.add(COUNTER);
      clips.addAll(counterWords);
    } else {
      text.append(counter);
      clips.add("counter-" + slug(counter, "counter name"));
    }

    if (agency.isPresent()) {
      text.append(", ").append(agency.get());
      clips.add("agency-" + slug(agency.get(), "agency name"));
    }
    text.append('.');
    return new Announcement(text.toString(), clips);
  }

  /**
   * Every clip {@link #build} can ask for, except the hall's own {@code agency-*} and
   * {@code counter-*} clips: the set a voice pack must hold. Stable order, no duplicates.
   */
  public static List<String> allClipNames() {
    return ALL_CLIP_NAMES;
  }

  private static List<String> allClips() {
    Set<String> all = new LinkedHashSet<>(List.of(CHIME, RECALL, NUMBER, GO_TO, COUNTER));
    all.addAll(IndonesianLetters.names());
    all.addAll(IndonesianNumbers.VOCABULARY);
    return List.copyOf(all);
  }

  /** "ATR/BPN" gives "atr-bpn", "Dinas Sosial" gives "dinas-sosial"; accents are dropped. */
  private static String slug(String name, String what) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (slug.isEmpty()) {
      throw new IllegalArgumentException(what + " has no letter or digit to name a clip by: '" + name + "'");
    }
    return slug;
  }
}
