package id.antre.server.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndonesianNumbersTest {

  @ParameterizedTest(name = "{0} is \"{1}\"")
  @CsvSource(delimiter = '|', textBlock = """
      0    | nol
      1    | satu
      9    | sembilan
      10   | sepuluh
      11   | sebelas
      12   | dua belas
      19   | sembilan belas
      20   | dua puluh
      21   | dua puluh satu
      30   | tiga puluh
      99   | sembilan puluh sembilan
      100  | seratus
      101  | seratus satu
      110  | seratus sepuluh
      111  | seratus sebelas
      112  | seratus dua belas
      120  | seratus dua puluh
      200  | dua ratus
      305  | tiga ratus lima
      999  | sembilan ratus sembilan puluh sembilan
      1000 | seribu
      1001 | seribu satu
      1100 | seribu seratus
      1111 | seribu seratus sebelas
      2000 | dua ribu
      2024 | dua ribu dua puluh empat
      9999 | sembilan ribu sembilan ratus sembilan puluh sembilan
      10000 | sepuluh ribu
      11000 | sebelas ribu
      100000 | seratus ribu
      999999 | sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan
      """)
  void cardinalsAreSaidAsIndonesianWords(int n, String words) {
    assertThat(IndonesianNumbers.words(n)).isEqualTo(words);
  }

  @Test
  void tokensAreTheWordsAsSeparateClipsWithSeFormsKeptWhole() {
    assertThat(IndonesianNumbers.tokens(112)).containsExactly("seratus", "dua", "belas");
    assertThat(IndonesianNumbers.tokens(21)).containsExactly("dua", "puluh", "satu");
    assertThat(IndonesianNumbers.tokens(11)).containsExactly("sebelas");
    assertThat(IndonesianNumbers.tokens(10)).containsExactly("sepuluh");
    assertThat(IndonesianNumbers.tokens(100)).containsExactly("seratus");
    assertThat(IndonesianNumbers.tokens(200)).containsExactly("dua", "ratus");
    assertThat(IndonesianNumbers.tokens(1000)).containsExactly("seribu");
    assertThat(IndonesianNumbers.tokens(0)).containsExactly("nol");
  }

  @Test
  void wordsAreAlwaysTheTokensJoinedBySpaces() {
    for (int n = 0; n <= 12_000; n++) {
      assertThat(IndonesianNumbers.words(n)).isEqualTo(String.join(" ", IndonesianNumbers.tokens(n)));
    }
  }

  @Test
  void everyTokenOfEveryNumberIsInTheVocabulary() {
    for (int n = 0; n <= IndonesianNumbers.MAX; n += 7) {
      assertThat(IndonesianNumbers.VOCABULARY).containsAll(IndonesianNumbers.tokens(n));
    }
  }

  @Test
  void nolIsOnlySaidForZeroItself() {
    for (int n = 1; n <= 12_000; n++) {
      assertThat(IndonesianNumbers.tokens(n)).doesNotContain("nol");
    }
  }

  @Test
  void digitsAreReadOneByOneIncludingLeadingZeros() {
    assertThat(IndonesianNumbers.digits("001")).isEqualTo("nol nol satu");
    assertThat(IndonesianNumbers.digits("112")).isEqualTo("satu satu dua");
    assertThat(IndonesianNumbers.digitTokens("090")).containsExactly("nol", "sembilan", "nol");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, IndonesianNumbers.MAX + 1})
  void numbersOutsideTheSayableRangeAreRefused(int n) {
    assertThatThrownBy(() -> IndonesianNumbers.words(n)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1a", "-1", " 1", "١٢"})
  void digitStringsWithAnythingButAsciiDigitsAreRefused(String s) {
    assertThatThrownBy(() -> IndonesianNumbers.digits(s)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theVocabularyHasNoDuplicates() {
    assertThat(IndonesianNumbers.VOCABULARY).doesNotHaveDuplicates().hasSize(18);
    assertThat(List.copyOf(IndonesianNumbers.VOCABULARY)).allMatch(t -> t.matches("[a-z]+"));
  }
}
