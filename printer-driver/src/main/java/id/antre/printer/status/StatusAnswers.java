package id.antre.printer.status;

/**
 * The byte a printer in a given state sends back to {@code DLE EOT n}; used by the virtual
 * printer and the in-memory connection to play a device.
 */
public final class StatusAnswers {

    /** Fixed bits of every answer (bits 1 and 4 set). */
    public static final int BASE = 0x12;

    private StatusAnswers() {
    }

    /**
     * The answer for query {@code n} in {@code status}; empty for {@link PrinterStatus#OFFLINE},
     * which plays a printer that does not answer at all.
     */
    public static byte[] answer(PrinterStatus status, int n) {
        if (status == PrinterStatus.OFFLINE) {
            return new byte[0];
        }
        boolean stopped = status == PrinterStatus.PAPER_OUT || status == PrinterStatus.COVER_OPEN;
        int value = switch (n) {
            case StatusQuery.PRINTER -> BASE | (stopped ? PrinterStatus.PRINTER_OFFLINE : 0);
            case StatusQuery.OFFLINE_CAUSE -> BASE
                    | (status == PrinterStatus.COVER_OPEN ? PrinterStatus.CAUSE_COVER_OPEN : 0)
                    | (status == PrinterStatus.PAPER_OUT ? PrinterStatus.CAUSE_PAPER_OUT : 0);
            case StatusQuery.PAPER_SENSOR -> BASE
                    | (status == PrinterStatus.PAPER_OUT ? PrinterStatus.PAPER_OUT_BITS : 0)
                    | (status == PrinterStatus.PAPER_NEAR_END ? PrinterStatus.PAPER_NEAR_END_BITS : 0);
            default -> BASE;
        };
        return new byte[] {(byte) value};
    }
}
