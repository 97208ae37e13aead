package id.antre.printer.transport;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs blocking writes on a dedicated daemon thread so the caller can give up. A serial port
 * whose other end does not drain (or a TCP peer with a full window) blocks the native write with
 * no timeout of its own; here the caller waits at most {@code stallTimeout} for the next chunk to
 * be accepted and then fails, leaving the stuck thread behind (it ends when the port is closed or
 * the device goes away). Data goes out in chunks so a slow but moving printer is not a timeout,
 * and so that a write abandoned after a timeout stops at the next chunk boundary.
 */
final class TimedWriter implements AutoCloseable {

    static final int CHUNK = 1024;

    /** One blocking write of a chunk. */
    interface Sink {
        void write(byte[] chunk) throws Exception;
    }

    private final String target;
    private final ExecutorService executor;
    private volatile boolean broken;

    TimedWriter(String target) {
        this.target = target;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "antre-printer-writer " + target);
            thread.setDaemon(true);
            return thread;
        });
    }

    boolean isBroken() {
        return broken;
    }

    void write(byte[] data, Sink sink, Duration stallTimeout) throws PrinterException {
        if (broken) {
            throw new PrinterException(PrinterException.Code.WRITE_TIMEOUT,
                    "an earlier write to " + target + " timed out; reopen the connection");
        }
        AtomicLong accepted = new AtomicLong();
        Future<?> job;
        try {
            job = executor.submit(() -> {
                for (int off = 0; off < data.length && !Thread.currentThread().isInterrupted(); off += CHUNK) {
                    int end = Math.min(data.length, off + CHUNK);
                    sink.write(off == 0 && end == data.length ? data : java.util.Arrays.copyOfRange(data, off, end));
                    accepted.set(end);
                }
                return null;
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new PrinterException(PrinterException.Code.CLOSED, "connection to " + target + " is closed");
        }
        long seen = -1;
        while (true) {
            try {
                job.get(stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                long now = accepted.get();
                if (now == seen) {
                    broken = true;
                    job.cancel(true);
                    throw new PrinterTimeoutException("printer on " + target + " accepted no data for "
                            + stallTimeout.toMillis() + " ms (" + now + " of " + data.length
                            + " bytes sent); is it switched on, online and connected?");
                }
                seen = now;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof PrinterException printerException) {
                    throw printerException;
                }
                throw new PrinterException(PrinterException.Code.DISCONNECTED,
                        "write to " + target + " failed: " + cause.getMessage(), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                job.cancel(true);
                throw new PrinterException(PrinterException.Code.IO_ERROR, "interrupted while writing to " + target, e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
