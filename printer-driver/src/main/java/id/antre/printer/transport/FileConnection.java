package id.antre.printer.transport;

import id.antre.printer.status.PrinterStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Appends the print stream to a file: for kiosks without a printer, for keeping a copy of what
 * was printed, or for a device node written as a plain file. A file always accepts data, so its
 * status is {@link PrinterStatus#ONLINE} without sending a query into it.
 */
public final class FileConnection implements PrinterConnection {

    private final Path file;
    private final OutputStream out;

    private FileConnection(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** Opens {@code file} for appending, creating it if needed. */
    public static FileConnection open(Path file) throws PrinterException {
        try {
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new FileConnection(file, out);
        } catch (IOException e) {
            throw new PrinterException(PrinterException.Code.PORT_UNAVAILABLE, "cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void write(byte[] data) throws PrinterException {
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            throw new PrinterException(PrinterException.Code.IO_ERROR, "cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** A file never answers: always empty. */
    @Override
    public byte[] read(int maxBytes, Duration timeout) {
        return new byte[0];
    }

    @Override
    public PrinterStatus status(Duration timeout) {
        return PrinterStatus.ONLINE;
    }

    @Override
    public void close() throws PrinterException {
        try {
            out.close();
        } catch (IOException e) {
            throw new PrinterException(PrinterException.Code.IO_ERROR, "cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
