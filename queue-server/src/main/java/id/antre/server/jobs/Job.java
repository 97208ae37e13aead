package id.antre.server.jobs;

import io.vertx.core.Future;
import java.util.function.Function;

/**
 * A job that must run once per cluster. {@code run} gets the period it runs for and answers a
 * short result for the log and {@code job_run} (counts only, never personal data). Runs must be
 * idempotent: a run whose node died part-way is run again by another node once its lease ends.
 */
public record Job(String name, Schedule schedule, Function<String, Future<String>> run) {
}
