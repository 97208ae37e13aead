package id.antre.printer.transport;

import id.antre.printer.escpos.EscPos;
import id.antre.printer.status.PrinterStatus;
import id.antre.printer.status.StatusAnswers;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-memory printer for tests: keeps every byte written and answers with bytes from a
 * responder, for example a fixed DLE EOT status.
 */
public final class MemoryConnection implements PrinterConnection {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final BlockingQueue<Byte> answers = new LinkedBlockingQueue<>();
    private final Function<byte[], byte[]> responder;
    private volatile boolean closed;

    private MemoryConnection(Function<byte[], byte[]> responder) {
        this.responder = responder;
    }

    /** A printer that never answers. */
    public static MemoryConnection create() {
        return new MemoryConnection(data -> new byte[0]);
    }

    /** A printer that answers each write with what {@code responder} returns for it. */
    public static MemoryConnection answering(Function<byte[], byte[]> responder) {
        return new MemoryConnection(responder);
    }

    /** A printer that answers DLE EOT queries as a device in {@code status} would. */
    public static MemoryConnection withStatus(PrinterStatus status) {
        return answering(data -> data.length == 3 && data[0] == EscPos.DLE && data[1] == EscPos.EOT
                ? StatusAnswers.answer(status, data[2])
                : new byte[0]);
    }

    @Override
    public synchronized void write(byte[] data) throws PrinterException {
        if (closed) {
            throw new PrinterException(PrinterException.Code.CLOSED, "memory printer is closed");
        }
        written.writeBytes(data);
        for (byte b : responder.apply(data)) {
            answers.add(b);
        }
    }

    @Override
    public byte[] read(int maxBytes, Duration timeout) throws PrinterException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Byte first = answers.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (first == null) {
                return new byte[0];
            }
            out.write(first);
            Byte next;
            while (out.size() < maxBytes && (next = answers.poll()) != null) {
                out.write(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrinterException(PrinterException.Code.IO_ERROR, "interrupted", e);
        }
        return out.toByteArray();
    }

    /** Everything written so far. */
    public synchronized byte[] written() {
        return written.toByteArray();
    }

    @Override
    public void close() {
        closed = true;
    }
}
