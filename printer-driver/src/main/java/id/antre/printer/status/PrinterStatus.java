package id.antre.printer.status;

/**
 * The printer's state as seen through the ESC/POS real-time status queries ({@code DLE EOT n}).
 * Each value is one condition to show to staff; the order carries no meaning.
 */
public enum PrinterStatus {
    /** Ready to print. */
    ONLINE,
    /** Printing works but the roll is nearly used up. */
    PAPER_NEAR_END,
    /** No paper: the printer stops. */
    PAPER_OUT,
    /** The cover is open: the printer stops. */
    COVER_OPEN,
    /** Offline for another reason, or no valid answer within the timeout. */
    OFFLINE;

    /** Bit 3 of the {@code n = 1} answer: the printer is offline. */
    public static final int PRINTER_OFFLINE = 0x08;
    /** Bit 2 of the {@code n = 2} answer: the cover is open. */
    public static final int CAUSE_COVER_OPEN = 0x04;
    /** Bit 5 of the {@code n = 2} answer: printing stopped because the paper ran out. */
    public static final int CAUSE_PAPER_OUT = 0x20;
    /** Bits 2-3 of the {@code n = 4} answer: the paper near-end sensor sees little paper. */
    public static final int PAPER_NEAR_END_BITS = 0x0C;
    /** Bits 5-6 of the {@code n = 4} answer: the paper end sensor sees no paper. */
    public static final int PAPER_OUT_BITS = 0x60;

    /**
     * Whether {@code b} has the fixed bits of every DLE EOT answer (bit 1 and bit 4 set, bit 0 and
     * bit 7 clear), which tells an answer apart from stray bytes on the line.
     */
    public static boolean isStatusByte(int b) {
        return (b & 0x93) == 0x12;
    }

    /**
     * The status from the answer to {@code DLE EOT 1} and, when the printer is offline, the answer
     * to {@code DLE EOT 2}; a negative {@code offlineCause} means it was not available.
     */
    public static PrinterStatus fromOffline(int printer, int offlineCause) {
        if ((printer & PRINTER_OFFLINE) == 0) {
            return ONLINE;
        }
        if (offlineCause >= 0) {
            if ((offlineCause & CAUSE_COVER_OPEN) != 0) {
                return COVER_OPEN;
            }
            if ((offlineCause & CAUSE_PAPER_OUT) != 0) {
                return PAPER_OUT;
            }
        }
        return OFFLINE;
    }

    /** The status from the answer to {@code DLE EOT 4}, the paper roll sensor. */
    public static PrinterStatus fromPaperSensor(int paper) {
        if ((paper & PAPER_OUT_BITS) != 0) {
            return PAPER_OUT;
        }
        if ((paper & PAPER_NEAR_END_BITS) != 0) {
            return PAPER_NEAR_END;
        }
        return ONLINE;
    }

    /**
     * Combines the three answers: an offline printer reports why it stopped, an online one
     * reports its paper sensor. A negative argument means that answer was not available.
     */
    public static PrinterStatus of(int printer, int offlineCause, int paper) {
        PrinterStatus offline = fromOffline(printer, offlineCause);
        if (offline != ONLINE) {
            return offline;
        }
        return paper >= 0 ? fromPaperSensor(paper) : ONLINE;
    }
}
