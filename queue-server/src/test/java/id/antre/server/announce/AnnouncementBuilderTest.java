package id.antre.server.announce;

import static id.antre.server.announce.AnnouncementBuilder.ReadingMode.CARDINAL;
import static id.antre.server.announce.AnnouncementBuilder.ReadingMode.DIGITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnnouncementBuilderTest {

  private static Announcement call(String ticket, String counter, AnnouncementBuilder.ReadingMode mode) {
    return AnnouncementBuilder.build(ticket, counter, Optional.empty(), false, mode);
  }

  /** The clips of "Nomor antrean <letter> <words>, silakan menuju loket tiga." */
  private static List<String> clipsFor(String letterClip, String words) {
    List<String> clips = new ArrayList<>(List.of("chime", "nomor-antrean", letterClip));
    clips.addAll(Arrays.asList(words.split(" ")));
    clips.addAll(List.of("silakan-menuju", "loket", "tiga"));
    return clips;
  }

  @ParameterizedTest(name = "{0} is called \"{2}\" as a cardinal and \"{3}\" digit by digit")
  @CsvSource(delimiter = '|', textBlock = """
      A001 | a  | satu                                    | nol nol satu
      A010 | a  | sepuluh                                 | nol satu nol
      A011 | a  | sebelas                                 | nol satu satu
      A012 | a  | dua belas                               | nol satu dua
      A019 | a  | sembilan belas                          | nol satu sembilan
      A020 | a  | dua puluh                               | nol dua nol
      A021 | a  | dua puluh satu                          | nol dua satu
      A099 | a  | sembilan puluh sembilan                 | nol sembilan sembilan
      A100 | a  | seratus                                 | satu nol nol
      A101 | a  | seratus satu                            | satu nol satu
      A110 | a  | seratus sepuluh                         | satu satu nol
      A111 | a  | seratus sebelas                         | satu satu satu
      A999 | a  | sembilan ratus sembilan puluh sembilan  | sembilan sembilan sembilan
      K005 | ka | lima                                    | nol nol lima
      """)
  void theTicketNumberIsReadAsACardinalOrDigitByDigit(String ticket, String letterClip, String cardinal,
      String digits) {
    String letter = ticket.substring(0, 1);

    Announcement asCardinal = call(ticket, "Loket 3", CARDINAL);
    assertThat(asCardinal.text())
        .isEqualTo("Nomor antrean " + letter + " " + cardinal + ", silakan menuju loket tiga.");
    assertThat(asCardinal.clips()).containsExactlyElementsOf(clipsFor(letterClip, cardinal));

    Announcement asDigits = call(ticket, "Loket 3", DIGITS);
    assertThat(asDigits.text())
        .isEqualTo("Nomor antrean " + letter + " " + digits + ", silakan menuju loket tiga.");
    assertThat(asDigits.clips()).containsExactlyElementsOf(clipsFor(letterClip, digits));
  }

  @Test
  void theExampleCallFromTheHallReadsAndChainsExactlyAsSpecified() {
    Announcement a = call("A012", "Loket 3", CARDINAL);

    assertThat(a.text()).isEqualTo("Nomor antrean A dua belas, silakan menuju loket tiga.");
    assertThat(a.clips())
        .containsExactly("chime", "nomor-antrean", "a", "dua", "belas", "silakan-menuju", "loket", "tiga");
  }

  @Test
  void theLetterIsShownAsACapitalButChainedByItsIndonesianName() {
    Announcement a = call("K005", "Loket 3", CARDINAL);

    assertThat(a.text()).startsWith("Nomor antrean K lima");
    assertThat(a.clips()).containsSequence("nomor-antrean", "ka", "lima");
  }

  @Test
  void aTwoLetterPrefixIsShownTogetherAndChainedLetterByLetter() {
    Announcement a = call("KB105", "2", CARDINAL);

    assertThat(a.text()).isEqualTo("Nomor antrean KB seratus lima, silakan menuju loket dua.");
    assertThat(a.clips()).containsSequence("nomor-antrean", "ka", "be", "seratus", "lima", "silakan-menuju");
  }

  @Test
  void aLowerCaseTicketNumberIsShownInCapitals() {
    assertThat(call("q007", "3", CARDINAL).text()).startsWith("Nomor antrean Q tujuh,");
    assertThat(call("q007", "3", CARDINAL).clips()).contains("ki");
  }

  @ParameterizedTest(name = "{0} is called by the name \"{1}\"")
  @CsvSource({"A,a", "B,be", "C,ce", "E,e", "F,ef", "H,ha", "K,ka", "L,el", "Q,ki", "V,fe", "W,we", "X,eks",
      "Y,ye", "Z,zet"})
  void prefixLettersAreChainedByTheirIndonesianNames(String letter, String name) {
    assertThat(call(letter + "001", "3", CARDINAL).clips()).element(2).isEqualTo(name);
  }

  @Test
  void aRecallStartsWithPanggilanUlangAfterTheChime() {
    Announcement a = AnnouncementBuilder.build("A012", "Loket 3", Optional.empty(), true, CARDINAL);

    assertThat(a.text()).isEqualTo("Panggilan ulang, nomor antrean A dua belas, silakan menuju loket tiga.");
    assertThat(a.clips()).containsExactly(
        "chime", "panggilan-ulang", "nomor-antrean", "a", "dua", "belas", "silakan-menuju", "loket", "tiga");
  }

  @Test
  void anAgencyIsSaidLastAndChainedAsItsOwnClip() {
    Announcement a = AnnouncementBuilder.build("A012", "Loket 3", Optional.of("Disdukcapil"), false, CARDINAL);

    assertThat(a.text()).isEqualTo("Nomor antrean A dua belas, silakan menuju loket tiga, Disdukcapil.");
    assertThat(a.clips()).containsExactly(
        "chime", "nomor-antrean", "a", "dua", "belas", "silakan-menuju", "loket", "tiga", "agency-disdukcapil");
  }

  @Test
  void anAgencyClipIsNamedByALowerCaseAsciiSlug() {
    assertThat(AnnouncementBuilder.build("A001", "1", Optional.of("ATR/BPN"), false, CARDINAL).clips())
        .last().isEqualTo("agency-atr-bpn");
    assertThat(AnnouncementBuilder.build("A001", "1", Optional.of(" BPJS Ketenagakerjaan "), false, CARDINAL))
        .satisfies(a -> {
          assertThat(a.text()).endsWith("loket satu, BPJS Ketenagakerjaan.");
          assertThat(a.clips()).last().isEqualTo("agency-bpjs-ketenagakerjaan");
        });
    assertThat(AnnouncementBuilder.build("A001", "1", Optional.of("Kantor Café"), false, CARDINAL).clips())
        .last().isEqualTo("agency-kantor-cafe");
  }

  @Test
  void aBlankAgencyIsTheSameAsNone() {
    assertThat(AnnouncementBuilder.build("A012", "Loket 3", Optional.of("  "), false, CARDINAL))
        .isEqualTo(call("A012", "Loket 3", CARDINAL));
  }

  @Test
  void aRecallWithAnAgencyInDigitModeCombinesAllThree() {
    Announcement a = AnnouncementBuilder.build("B020", "Loket 7", Optional.of("Samsat"), true, DIGITS);

    assertThat(a.text())
        .isEqualTo("Panggilan ulang, nomor antrean B nol dua nol, silakan menuju loket tujuh, Samsat.");
    assertThat(a.clips()).containsExactly("chime", "panggilan-ulang", "nomor-antrean", "be", "nol", "dua", "nol",
        "silakan-menuju", "loket", "tujuh", "agency-samsat");
  }

  @Test
  void aNumberedCounterIsReadAsACardinalEvenInDigitMode() {
    Announcement a = call("A012", "Loket 12", DIGITS);

    assertThat(a.text()).isEqualTo("Nomor antrean A nol satu dua, silakan menuju loket dua belas.");
    assertThat(a.clips()).endsWith("silakan-menuju", "loket", "dua", "belas");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "Loket 3", "loket 3", "LOKET 3", " Loket 3 ", "Loket3", "Loket 03"})
  void aCounterCalledByItsNumberIsSaidAsLoketAndTheNumber(String counter) {
    assertThat(call("A012", counter, CARDINAL)).isEqualTo(call("A012", "Loket 3", CARDINAL));
  }

  @Test
  void aNamedCounterIsSaidAsWrittenWithTheHallsOwnClip() {
    Announcement a = call("P003", "Loket Prioritas", CARDINAL);

    assertThat(a.text()).isEqualTo("Nomor antrean P tiga, silakan menuju Loket Prioritas.");
    assertThat(a.clips())
        .containsExactly("chime", "nomor-antrean", "pe", "tiga", "silakan-menuju", "counter-loket-prioritas");
  }

  @Test
  void aNamedCounterEndingInANumberKeepsItsNameSoItIsNotMistakenForAPlainLoket() {
    Announcement a = call("P003", "Loket Prioritas 2", CARDINAL);

    assertThat(a.text()).endsWith("silakan menuju Loket Prioritas 2.");
    assertThat(a.clips()).last().isEqualTo("counter-loket-prioritas-2");
    assertThat(a).isNotEqualTo(call("P003", "Loket 2", CARDINAL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "A", "012", "ABC012", "A-012", "A 012", "A012 ", "A01x", "A1234567", "Ä012", "A０１２",
      "A000"})
  void malformedTicketNumbersAreRefused(String ticket) {
    assertThatThrownBy(() -> call(ticket, "Loket 3", CARDINAL)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> call(ticket, "Loket 3", DIGITS)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBlankCounterOrAnAgencyWithoutLettersIsRefused() {
    assertThatThrownBy(() -> call("A012", "  ", CARDINAL)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AnnouncementBuilder.build("A012", "3", Optional.of("//"), false, CARDINAL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theClipListIsStableAsciiAndWithoutDuplicates() {
    List<String> all = AnnouncementBuilder.allClipNames();

    assertThat(all).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z]+(-[a-z]+)*"));
    assertThat(all).startsWith("chime").contains("panggilan-ulang", "nomor-antrean", "silakan-menuju", "loket",
        "ka", "zet", "nol", "sebelas", "belas", "puluh", "seratus", "ratus", "seribu", "ribu");
    assertThat(all).noneMatch(c -> c.startsWith("agency-") || c.startsWith("counter-"));
  }

  @Test
  void everyClipOfEveryOrdinaryCallIsInTheClipList() {
    for (char letter = 'A'; letter <= 'Z'; letter++) {
      for (int n = 1; n <= 1200; n += 1 + n / 50) {
        String ticket = letter + String.format("%03d", n);
        for (AnnouncementBuilder.ReadingMode mode : AnnouncementBuilder.ReadingMode.values()) {
          for (boolean recall : new boolean[] {false, true}) {
            assertThat(AnnouncementBuilder.allClipNames())
                .containsAll(AnnouncementBuilder.build(ticket, "Loket " + n % 40, Optional.empty(), recall, mode)
                    .clips());
          }
        }
      }
    }
  }
}
