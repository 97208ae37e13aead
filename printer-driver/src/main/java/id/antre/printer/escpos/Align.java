package id.antre.printer.escpos;

/** Justification selected with {@code ESC a n}. */
public enum Align {
    LEFT(0), CENTER(1), RIGHT(2);

    private final int code;

    Align(int code) {
        this.code = code;
    }

    /** The {@code n} of {@code ESC a n}. */
    public int code() {
        return code;
    }

    /** The alignment for {@code n}, accepting both 0..2 and the ASCII digits '0'..'2'. */
    public static Align ofCode(int n) {
        return switch (n) {
            case 1, '1' -> CENTER;
            case 2, '2' -> RIGHT;
            default -> LEFT;
        };
    }
}
