package id.antre.printer.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A socat process started by a test and stopped by its PID. */
final class Socat implements AutoCloseable {

    private final Process process;

    private Socat(Process process) {
        this.process = process;
    }

    /** Starts {@code socat args...} and waits up to 5 s for each of {@code links} to appear. */
    static Socat start(List<Path> links, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("socat");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Socat socat = new Socat(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Path link : links) {
            while (!Files.exists(link)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    socat.close();
                    throw new IllegalStateException("socat did not create " + link + " (is socat installed?)");
                }
                Thread.sleep(20);
            }
        }
        return socat;
    }

    /** A printer that drains everything into {@code file} and survives reopening of {@code link}. */
    static Socat drainingPrinter(Path link, Path file) throws IOException, InterruptedException {
        return start(List.of(link), "-u", "pty,raw,echo=0,link=" + link + ",ignoreeof,mode=666",
                "OPEN:" + file + ",creat,append");
    }

    /** Two connected ptys: what goes into one comes out of the other. */
    static Socat pair(Path link, Path peer) throws IOException, InterruptedException {
        return start(List.of(link, peer), "pty,raw,echo=0,link=" + link + ",mode=666",
                "pty,raw,echo=0,link=" + peer + ",mode=666");
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(2, TimeUnit.SECONDS);
        }
    }
}
