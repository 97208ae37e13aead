package id.antre.server.persistence;

import id.antre.server.booking.Booking;
import id.antre.server.booking.BookingRepository;
import id.antre.server.booking.BookingService;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.TicketNumber;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bookings in PostgreSQL (migration V017): every method is one statement in autocommit. */
public final class BookingStore implements BookingRepository {
  /** SQLSTATE raise_exception: a refusal of antre_book or antre_reschedule, its code as the message. */
  static final String RAISED = "P0001";

  private final Statement book;
  private final Statement byCode;
  private final Statement byRequest;
  private final Statement taken;
  private final Statement cancel;
  private final Statement reschedule;
  private final Statement checkIn;
  private final Statement checkedInTicket;
  private final Statement noShows;
  private final Statement forget;
  private final Statement counts;

  public BookingStore(SqlClient client) {
    book = new Statement(client, BookingSql.BOOK);
    byCode = new Statement(client, BookingSql.BY_CODE);
    byRequest = new Statement(client, BookingSql.BY_REQUEST);
    taken = new Statement(client, BookingSql.TAKEN);
    cancel = new Statement(client, BookingSql.CANCEL);
    reschedule = new Statement(client, BookingSql.RESCHEDULE);
    checkIn = new Statement(client, BookingSql.CHECK_IN);
    checkedInTicket = new Statement(client, BookingSql.CHECKED_IN_TICKET);
    noShows = new Statement(client, BookingSql.NO_SHOWS);
    forget = new Statement(client, BookingSql.FORGET_PERSONAL_DATA);
    counts = new Statement(client, BookingSql.COUNTS);
  }

  @Override
  public Future<Booking> book(BookRequest r) {
    return book.execute("code", r.code(), "service", r.service(), "day", r.day(), "slot", r.slot(),
            "slotStart", TicketStore.ts(r.slotStart()), "windowEnds", TicketStore.ts(r.windowEnds()),
            "perSlot", r.perSlot(), "quota", r.quota(), "nikHash", r.nikHash(), "nikMasked", r.nikMasked(),
            "phone", r.phone(), "phoneMasked", r.phoneMasked(), "requestId", r.requestId(),
            "now", TicketStore.ts(r.now()))
        .map(rows -> booking(rows.iterator().next()))
        .recover(err -> {
          if (TicketStore.isUnique(err, "booking_request_unique")) {
            // a concurrent repeat of the request id: the first one's booking
            return byRequest.execute("requestId", r.requestId()).map(rows -> booking(rows.iterator().next()));
          }
          if (TicketStore.isUnique(err, "booking_code_unique")) {
            return Future.failedFuture(new BookingService.CodeTaken());
          }
          return Future.failedFuture(refusal(err));
        });
  }

  @Override
  public Future<Optional<Booking>> byCode(String code) {
    return byCode.execute("code", code).map(BookingStore::first);
  }

  @Override
  public Future<Taken> taken(String service, LocalDate day) {
    return taken.execute("service", service, "day", day).map(rows -> {
      Map<LocalTime, Integer> slots = new HashMap<>();
      int dayTaken = 0;
      for (Row r : rows) {
        if (r.getValue("slot") == null) {
          dayTaken = r.getInteger("taken");
        } else {
          slots.put(r.getLocalTime("slot"), r.getInteger("taken"));
        }
      }
      return new Taken(slots, dayTaken);
    });
  }

  @Override
  public Future<Optional<Booking>> cancel(String code, Instant now) {
    return cancel.execute("code", code, "now", TicketStore.ts(now)).map(BookingStore::first);
  }

  @Override
  public Future<Optional<Booking>> reschedule(String code, LocalDate day, LocalTime slot, Instant slotStart,
      Instant windowEnds, int perSlot, int quota, Instant now) {
    return reschedule.execute("code", code, "day", day, "slot", slot, "slotStart", TicketStore.ts(slotStart),
            "windowEnds", TicketStore.ts(windowEnds), "perSlot", perSlot, "quota", quota, "now", TicketStore.ts(now))
        .map(BookingStore::first)
        .recover(err -> Future.failedFuture(refusal(err)));
  }

  @Override
  public Future<Optional<CheckedIn>> checkIn(CheckInRequest r) {
    return checkIn.execute("code", r.code(), "day", r.day(), "prefix", r.prefix(), "trackingToken", r.trackingToken(),
            "now", TicketStore.ts(r.now()), "queuedAt", TicketStore.ts(r.queuedAt()),
            "minutesPerPerson", r.minutesPerPerson(), "printKiosk", r.printKiosk())
        .compose(rows -> {
          if (rows.size() > 0) {
            Row t = rows.iterator().next();
            return byCode(r.code()).map(b -> Optional.of(new CheckedIn(b.orElseThrow(), TicketStore.ticket(t),
                t.getLong("print_job"), true)));
          }
          // already checked in (a repeat), or no longer BOOKED
          return checkedInTicket.execute("code", r.code()).compose(again -> {
            if (again.size() == 0) {
              return Future.succeededFuture(Optional.<CheckedIn>empty());
            }
            Row t = again.iterator().next();
            return byCode(r.code()).map(b -> Optional.of(new CheckedIn(b.orElseThrow(), TicketStore.ticket(t),
                t.getLong("print_job"), false)));
          });
        });
  }

  @Override
  public Future<Map<String, Integer>> markNoShows(Instant now) {
    return noShows.execute("now", TicketStore.ts(now)).map(rows -> {
      Map<String, Integer> out = new LinkedHashMap<>();
      rows.forEach(r -> out.put(r.getString("service"), r.getInteger("n")));
      return out;
    });
  }

  @Override
  public Future<Integer> forgetPersonalData(Instant before) {
    return forget.execute("before", TicketStore.ts(before))
        .map(rows -> rows.iterator().next().getInteger(0));
  }

  @Override
  public Future<List<Counts>> counts(LocalDate from, LocalDate to) {
    return counts.execute("from", from, "to", to).map(rows -> {
      List<Counts> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Counts(r.getString("service"), r.getInteger("booked"), r.getInteger("cancelled"),
          r.getInteger("checked_in"), r.getInteger("no_show"))));
      return out;
    });
  }

  /** A refusal raised by the booking functions or the one-per-NIK index, as its error code. */
  private static Throwable refusal(Throwable err) {
    if (err instanceof PgException pg && RAISED.equals(pg.getSqlState())) {
      String msg = pg.getErrorMessage();
      if ("SLOT_FULL".equals(msg)) {
        return new QueueException(ErrorCode.SLOT_FULL, "Jam kunjungan ini sudah penuh (this slot is full)");
      }
      if ("QUOTA_EXHAUSTED".equals(msg)) {
        return new QueueException(ErrorCode.QUOTA_EXHAUSTED,
            "Kuota online hari itu sudah habis (the day's online quota is used up)");
      }
    }
    if (TicketStore.isUnique(err, "booking_one_per_nik")) {
      return new QueueException(ErrorCode.ALREADY_BOOKED,
          "NIK ini sudah punya booking untuk layanan ini pada hari itu (this NIK has a booking for this service that day)");
    }
    return err;
  }

  private static Optional<Booking> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(booking(rows.iterator().next()));
  }

  static Booking booking(Row r) {
    Integer number = r.getInteger("ticket_number");
    String prefix = r.getString("ticket_prefix");
    return new Booking(r.getLong("id"), r.getString("code"), r.getString("service"), r.getLocalDate("day"),
        r.getLocalTime("slot"), TicketStore.instant(r.getOffsetDateTime("slot_start")), r.getString("nik_masked"),
        r.getString("phone_masked"), Booking.Status.valueOf(r.getString("status")), r.getLong("ticket_id"),
        TicketStore.instant(r.getOffsetDateTime("created_at")), TicketStore.instant(r.getOffsetDateTime("window_ends")),
        TicketStore.instant(r.getOffsetDateTime("checked_in_at")), r.getString("ticket_token"),
        number == null ? null : TicketNumber.format(prefix, number));
  }
}
