package id.antre.printer.escpos;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping to a fixed number of monospace columns. */
public final class TextWrap {

    private TextWrap() {
    }

    /**
     * Splits {@code text} into lines of at most {@code width} characters, breaking at spaces.
     * Runs of whitespace collapse to one space; a word longer than the width is cut into pieces.
     * Blank text gives an empty list.
     */
    public static List<String> wrap(String text, int width) {
        return wrap(text, width, "");
    }

    /**
     * Like {@link #wrap(String, int)}, with {@code indent} before every line after the first, so a
     * bulleted item hangs under its first word.
     */
    public static List<String> wrap(String text, int width, String indent) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
        if (indent.length() >= width) {
            throw new IllegalArgumentException("indent must be shorter than the width");
        }
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        StringBuilder current = new StringBuilder();
        boolean hasWord = false;
        for (String word : text.strip().split("\\s+")) {
            String rest = word;
            while (!rest.isEmpty()) {
                int available = width - current.length() - (hasWord ? 1 : 0);
                if (rest.length() <= available) {
                    if (hasWord) {
                        current.append(' ');
                    }
                    current.append(rest);
                    hasWord = true;
                    rest = "";
                } else if (!hasWord) {
                    // The word alone is longer than a line: cut it.
                    int room = width - current.length();
                    lines.add(current.append(rest, 0, room).toString());
                    rest = rest.substring(room);
                    current = new StringBuilder(indent);
                } else {
                    lines.add(current.toString());
                    current = new StringBuilder(indent);
                    hasWord = false;
                }
            }
        }
        if (hasWord) {
            lines.add(current.toString());
        }
        return lines;
    }
}
