package id.antre.server.queue;

import id.antre.server.domain.CounterSnapshot;
import id.antre.server.domain.Hall;

/** A counter as configured and as it stands now. */
public record CounterView(Hall.Counter counter, CounterSnapshot row) {
}
