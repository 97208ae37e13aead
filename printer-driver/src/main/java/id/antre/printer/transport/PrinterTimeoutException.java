package id.antre.printer.transport;

/** A write did not complete within its timeout; the connection is unusable afterwards. */
public class PrinterTimeoutException extends PrinterException {

    public PrinterTimeoutException(String message) {
        super(Code.WRITE_TIMEOUT, message);
    }
}
