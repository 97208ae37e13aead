package id.antre.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void shortTextStaysOnOneLine() {
        assertThat(TextWrap.wrap("Perekaman KTP-el", 32)).containsExactly("Perekaman KTP-el");
    }

    @Test
    void longTextBreaksAtTheLastSpaceThatFits() {
        assertThat(TextWrap.wrap("Dinas Kependudukan dan Pencatatan Sipil", 32))
                .containsExactly("Dinas Kependudukan dan", "Pencatatan Sipil");
    }

    @Test
    void aWordExactlyAsLongAsTheLineFits() {
        assertThat(TextWrap.wrap("abcde fghij", 5)).containsExactly("abcde", "fghij");
    }

    @Test
    void aWordLongerThanTheLineIsCutIntoPieces() {
        assertThat(TextWrap.wrap("ab https://antre.id/t/123", 8))
                .containsExactly("ab", "https://", "antre.id", "/t/123");
    }

    @Test
    void runsOfWhitespaceAndNewlinesCollapseToOneSpace() {
        assertThat(TextWrap.wrap("  Mal   Pelayanan\n\tPublik ", 40)).containsExactly("Mal Pelayanan Publik");
    }

    @Test
    void blankOrMissingTextGivesNoLines() {
        assertThat(TextWrap.wrap("   ", 10)).isEmpty();
        assertThat(TextWrap.wrap(null, 10)).isEmpty();
    }

    @Test
    void continuationLinesHangUnderTheIndent() {
        assertThat(TextWrap.wrap("- Kartu Keluarga asli dan fotokopi", 16, "  "))
                .containsExactly("- Kartu Keluarga", "  asli dan", "  fotokopi");
    }

    @Test
    void aLongWordAfterTheIndentIsCutWithinTheIndentedLine() {
        assertThat(TextWrap.wrap("- abcdefghijkl", 6, "  ")).containsExactly("-", "  abcd", "  efgh", "  ijkl");
    }

    @Test
    void noLineIsEverLongerThanTheWidth() {
        String text = "Akta kelahiran bagi pemohon yang baru berusia 17 tahun dan surat keterangan pindah datang";
        for (int width = 1; width <= 48; width++) {
            int w = width;
            assertThat(TextWrap.wrap(text, w)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(w));
            assertThat(String.join("", TextWrap.wrap(text, w)).replace(" ", "")).isEqualTo(text.replace(" ", ""));
        }
    }

    @Test
    void zeroWidthIsRejected() {
        assertThatThrownBy(() -> TextWrap.wrap("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
