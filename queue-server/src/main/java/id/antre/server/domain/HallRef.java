package id.antre.server.domain;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The hall configuration in force on this node. An administrator's change replaces it whole
 * (a {@link Hall} is immutable), so a command reads it once at its start and works on that one
 * snapshot throughout, never on half of one configuration and half of the next.
 */
public final class HallRef implements Supplier<Hall> {

  /** A configuration and its version, the number the {@code hall} row holds (1 at the first start). */
  public record Versioned(Hall hall, long version) {
  }

  private final AtomicReference<Versioned> current;

  public HallRef(Hall hall, long version) {
    this.current = new AtomicReference<>(new Versioned(hall, version));
  }

  /** A hall that never changes: tests and tools. */
  public static HallRef of(Hall hall) {
    return new HallRef(hall, 1);
  }

  /** The hall now; take it once per command. */
  @Override
  public Hall get() {
    return current.get().hall();
  }

  public long version() {
    return current.get().version();
  }

  public Versioned current() {
    return current.get();
  }

  /**
   * Puts a newer configuration in force; an older or equal version (a late event, a poll that
   * read before a change) changes nothing. Returns whether it was put in force.
   */
  public boolean swap(Hall hall, long version) {
    Versioned next = new Versioned(hall, version);
    Versioned before = current.getAndUpdate(v -> version > v.version() ? next : v);
    return version > before.version();
  }
}
