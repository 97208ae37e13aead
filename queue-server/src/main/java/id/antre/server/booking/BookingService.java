package id.antre.server.booking;

import id.antre.server.auth.Actor;
import id.antre.server.auth.Tokens;
import id.antre.server.domain.BookingCalendar;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.Nik;
import id.antre.server.domain.PhoneNumber;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketNumber;
import id.antre.server.queue.Estimates;
import id.antre.server.queue.Events;
import id.antre.server.queue.Issuing;
import id.antre.server.queue.PrintService;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Booking a slot from a phone, moving or cancelling it by code, and checking in at a kiosk, where
 * the booking becomes a ticket queued at its slot's start. Logs name booking codes and services,
 * never a NIK or a phone number.
 */
public final class BookingService {
  private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
  /** Codes drawn again when a new one happens to exist already. */
  static final int CODE_ATTEMPTS = 3;

  private final HallRef halls;
  private final BookingRepository store;
  private final Events events;
  private final Estimates estimates;
  private final PrintService printing;
  private final Clock clock;
  private final boolean alwaysOpen;
  private final byte[] nikKey;
  private final int retentionDays;

  /** What a visitor asks for. {@code nik} and {@code phone} as typed. */
  public record BookInput(String service, String day, String slot, String nik, String phone, String requestId) {
  }

  /** A slot of a day with its places. */
  public record SlotView(LocalTime start, LocalTime end, int capacity, int left, boolean past) {
  }

  /** The slots of a service on a day, and what the page tells the visitor besides. */
  public record Slots(Hall.Service service, Hall.Booking booking, LocalDate day, LocalDateTime opensAt,
      BookingCalendar.Decision open, List<SlotView> slots, int quotaLeft, int retentionDays) {
  }

  /** A booking with its check-in window. */
  public record Answer(Booking booking, BookingCalendar.Window window) {
  }

  /**
   * @param nikKey        the key of the NIK's hash (the hall's secret): the same NIK gives the same
   *                      hash on every node, and a stolen table cannot be reversed by trying NIKs
   * @param retentionDays how long personal data is kept (the consent text says so)
   */
  public BookingService(HallRef halls, BookingRepository store, Events events, Estimates estimates, PrintService printing,
      Clock clock, boolean alwaysOpen, byte[] nikKey, int retentionDays) {
    this.halls = halls;
    this.store = store;
    this.events = events;
    this.estimates = estimates;
    this.printing = printing;
    this.clock = clock;
    this.alwaysOpen = alwaysOpen;
    this.nikKey = nikKey.clone();
    this.retentionDays = retentionDays;
  }

  public Hall hall() {
    return halls.get();
  }

  /** The hall's service day now. */
  public LocalDate today() {
    return TicketNumber.serviceDay(clock.instant(), hall().timeZone());
  }

  public Future<Slots> slots(String serviceCode, String dayText) {
    Hall.Service service = bookableService(serviceCode);
    Hall.Booking booking = service.bookable().orElseThrow();
    LocalDate day = day(dayText);
    Instant now = clock.instant();
    BookingCalendar.Decision open = BookingCalendar.bookable(hall(), booking, day, now, alwaysOpen);
    List<BookingCalendar.Slot> slots = BookingCalendar.slots(hall(), service, booking, day, alwaysOpen);
    return store.taken(service.code(), day).map(taken -> {
      int quotaLeft = Math.max(0, booking.quotaPerDay() - taken.day());
      List<SlotView> out = new ArrayList<>();
      for (BookingCalendar.Slot s : slots) {
        boolean past = BookingCalendar.past(hall(), day, s.start(), now, alwaysOpen);
        int left = Math.max(0, booking.perSlot() - taken.slots().getOrDefault(s.start(), 0));
        out.add(new SlotView(s.start(), s.end(), booking.perSlot(),
            open.open() && !past ? Math.min(left, quotaLeft) : 0, past));
      }
      return new Slots(service, booking, day, BookingCalendar.opensAt(booking, day), open, out, quotaLeft,
          retentionDays);
    });
  }

  /** A NIK as the rate limiter keys it: its hash, so not even memory holds the number. */
  public String nikKey(String nik) {
    return nik == null ? null : nikHash(nik.strip()).substring(0, 24);
  }

  public Future<Answer> book(BookInput in) {
    Hall.Service service = bookableService(in.service());
    Hall.Booking booking = service.bookable().orElseThrow();
    LocalDate day = day(in.day());
    Instant now = clock.instant();
    openDay(booking, day, now);
    LocalTime slot = slot(service, booking, day, in.slot());
    String nik = null;
    if (booking.needsNik() || in.nik() != null) {
      nik = in.nik() == null ? null : in.nik().strip();
      Optional<String> wrong = Nik.problem(nik);
      if (wrong.isPresent()) {
        throw new QueueException(ErrorCode.INVALID_NIK, wrong.get());
      }
    }
    String phone = null;
    if (booking.needsPhone() || in.phone() != null) {
      phone = PhoneNumber.normalised(in.phone()).orElseThrow(() -> new QueueException(ErrorCode.INVALID_PHONE,
          "Nomor HP harus nomor Indonesia, mis. 0812 3456 7890 (an Indonesian mobile number such as 0812 3456 7890)"));
    }
    openSlot(day, slot, now);
    Instant start = BookingCalendar.slotStart(hall(), day, slot);
    BookingCalendar.Window window = BookingCalendar.checkInWindow(booking, start);
    String nikHash = nik == null ? null : nikHash(nik);
    String nikMasked = nik == null ? null : Nik.masked(nik);
    String phoneMasked = phone == null ? null : PhoneNumber.masked(phone);
    String ph = phone;
    return attempt(CODE_ATTEMPTS, () -> store.book(new BookingRepository.BookRequest(BookingCodes.next(), service.code(),
        day, slot, start, window.to(), booking.perSlot(), booking.quotaPerDay(), nikHash, nikMasked, ph, phoneMasked,
        in.requestId(), now)))
        .map(b -> {
          if (!b.service().equals(service.code())) {
            throw new QueueException(ErrorCode.REQUEST_ID_REUSED,
                "requestId sudah dipakai (requestId was used for another booking)");
          }
          LOG.info("booking {} {} {} {}", logged(b.code()), b.service(), b.day(), b.slot());
          return new Answer(b, window);
        });
  }

  /** A new code when the drawn one exists already (about one in 10^12 per booking). */
  private Future<Booking> attempt(int left, java.util.function.Supplier<Future<Booking>> book) {
    return book.get().recover(err -> err instanceof CodeTaken && left > 1 ? attempt(left - 1, book)
        : Future.failedFuture(err));
  }

  /** What a store fails with when the booking code drawn exists already. */
  public static final class CodeTaken extends RuntimeException {
    public CodeTaken() {
      super("booking code taken", null, false, false);
    }
  }

  public Future<Answer> get(String typedCode) {
    String code = code(typedCode);
    return store.byCode(code).map(b -> answer(b.orElseThrow(BookingService::unknown)));
  }

  public Future<Answer> cancel(String typedCode) {
    String code = code(typedCode);
    return store.cancel(code, clock.instant()).compose(b -> {
      if (b.isPresent()) {
        LOG.info("booking {} cancelled", logged(code));
        return Future.succeededFuture(answer(b.get()));
      }
      return store.byCode(code).map(existing -> {
        Booking found = existing.orElseThrow(BookingService::unknown);
        if (found.status() == Booking.Status.CANCELLED) {
          return answer(found); // a repeated cancel
        }
        throw notActive(found);
      });
    });
  }

  public Future<Answer> reschedule(String typedCode, String dayText, String slotText) {
    String code = code(typedCode);
    LocalDate day = day(dayText);
    return store.byCode(code).compose(existing -> {
      Booking b = existing.orElseThrow(BookingService::unknown);
      if (b.status() != Booking.Status.BOOKED) {
        throw notActive(b);
      }
      Hall.Service service = bookableService(b.service());
      Hall.Booking booking = service.bookable().orElseThrow();
      Instant now = clock.instant();
      openDay(booking, day, now);
      LocalTime slot = slot(service, booking, day, slotText);
      openSlot(day, slot, now);
      Instant start = BookingCalendar.slotStart(hall(), day, slot);
      BookingCalendar.Window window = BookingCalendar.checkInWindow(booking, start);
      return store.reschedule(code, day, slot, start, window.to(), booking.perSlot(), booking.quotaPerDay(), now)
          .map(moved -> {
            Booking m = moved.orElseThrow(() -> new QueueException(ErrorCode.BOOKING_NOT_ACTIVE,
                "Booking tidak aktif lagi (the booking is no longer active)"));
            LOG.info("booking {} moved to {} {}", logged(code), m.day(), m.slot());
            return new Answer(m, window);
          });
    });
  }

  /**
   * The booking becomes a ticket within its check-in window; a repeated check-in answers the
   * same ticket. Kiosks and staff only.
   */
  public Future<Issuing.Issued> checkIn(Actor actor, String typedCode, boolean print) {
    if (!actor.mayIssue()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN,
          "Perangkat ini tidak boleh check-in (this device may not check bookings in)"));
    }
    String code = code(typedCode);
    return store.byCode(code).compose(existing -> {
      Booking b = existing.orElseThrow(BookingService::unknown);
      if (b.status() == Booking.Status.CANCELLED || b.status() == Booking.Status.NO_SHOW) {
        throw notActive(b);
      }
      Hall.Service service = hall().service(b.service()).orElseThrow(BookingService::unknown);
      Hall.Booking booking = service.booking().orElseThrow(BookingService::unknown);
      Instant now = clock.instant();
      BookingCalendar.Window window = BookingCalendar.checkInWindow(booking, b.slotStart());
      if (b.status() == Booking.Status.BOOKED && !alwaysOpen && !window.contains(now)) {
        throw outsideWindow(window, now);
      }
      BookingRepository.CheckInRequest req = new BookingRepository.CheckInRequest(code,
          TicketNumber.serviceDay(now, hall().timeZone()), service.prefix(), Tokens.randomId(16), now,
          BookingCalendar.queueTime(booking, b.slotStart(), now), estimates.minutesPerPerson(service),
          printing == null ? null : printing.printerFor(actor, print));
      return store.checkIn(req).map(done -> {
        BookingRepository.CheckedIn c = done.orElseThrow(() -> notActive(b));
        Ticket ticket = c.ticket();
        if (c.first()) {
          LOG.info("booking {} checked in as ticket {} {} id={}", logged(code), ticket.number(), ticket.service(), ticket.id());
          events.ticket("ISSUE", ticket);
          events.queue(ticket.service());
          if (c.printJob() != null) {
            printing.queued(c.printJob(), req.printKiosk(), ticket);
          }
        }
        return new Issuing.Issued(ticket, ticket.aheadAtIssue(), ticket.estimatedWaitAtIssue(), c.printJob());
      });
    });
  }

  /** The no-show job: bookings not checked in by the end of their window. */
  public Future<String> markNoShows() {
    if (alwaysOpen) {
      // in demo mode every check-in window is open (checkIn says so), so no booking missed its
      // window: marking them would refuse a check-in that the same mode promises
      return Future.succeededFuture("demo mode: every check-in window is open, no booking no-shows");
    }
    return store.markNoShows(clock.instant()).map(per -> {
      int total = per.values().stream().mapToInt(Integer::intValue).sum();
      return total + " bookings became no-shows" + (per.isEmpty() ? "" : " " + per);
    });
  }

  /** The retention step: NIK and phone of bookings made before {@code before}. */
  public Future<String> forgetPersonalData(Instant before) {
    return store.forgetPersonalData(before).map(n -> n + " bookings stripped of NIK and phone");
  }

  public Future<List<BookingRepository.Counts>> counts(LocalDate from, LocalDate to) {
    return store.counts(from, to);
  }

  // ---- checks

  private Answer answer(Booking b) {
    Hall.Booking booking = hall().service(b.service()).flatMap(Hall.Service::booking).orElseThrow(BookingService::unknown);
    return new Answer(b, BookingCalendar.checkInWindow(booking, b.slotStart()));
  }

  private void openDay(Hall.Booking booking, LocalDate day, Instant now) {
    BookingCalendar.Decision d = BookingCalendar.bookable(hall(), booking, day, now, alwaysOpen);
    if (!d.open()) {
      throw new QueueException(ErrorCode.BOOKING_CLOSED, "Pendaftaran online " + d.reasonId() + " (" + d.reasonEn() + ")");
    }
  }

  private void openSlot(LocalDate day, LocalTime slot, Instant now) {
    if (BookingCalendar.past(hall(), day, slot, now, alwaysOpen)) {
      throw new QueueException(ErrorCode.BOOKING_CLOSED, "Jam kunjungan sudah lewat (the slot has begun)");
    }
  }

  private Hall.Service bookableService(String code) {
    Hall.Service service = code == null ? null : hall().service(code).orElse(null);
    if (service == null) {
      throw new QueueException(ErrorCode.UNKNOWN_SERVICE, "Layanan tidak dikenal (unknown service)");
    }
    if (service.bookable().isEmpty()) {
      throw new QueueException(ErrorCode.BOOKING_CLOSED,
          "Layanan " + service.name() + " tidak menerima pendaftaran online (this service takes no online bookings)");
    }
    return service;
  }

  private static LocalDate day(String text) {
    try {
      if (text == null) {
        throw new DateTimeException("none");
      }
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new QueueException(ErrorCode.INVALID_DAY, "Tanggal harus YYYY-MM-DD (day must be YYYY-MM-DD)");
    }
  }

  private LocalTime slot(Hall.Service service, Hall.Booking booking, LocalDate day, String text) {
    LocalTime t;
    try {
      t = LocalTime.parse(text == null ? "" : text);
    } catch (DateTimeException e) {
      throw new QueueException(ErrorCode.INVALID_SLOT, "Jam kunjungan harus HH:MM (slot must be HH:MM)");
    }
    List<BookingCalendar.Slot> slots = BookingCalendar.slots(hall(), service, booking, day, alwaysOpen);
    if (slots.isEmpty()) {
      throw new QueueException(ErrorCode.BOOKING_CLOSED, "Layanan tutup pada tanggal itu (the service is closed that day)");
    }
    boolean known = slots.stream().anyMatch(s -> s.start().equals(t));
    if (!known) {
      throw new QueueException(ErrorCode.INVALID_SLOT,
          "Tidak ada jam kunjungan " + text + " pada tanggal itu (no such slot that day)");
    }
    return t;
  }

  private static String code(String typed) {
    return BookingCodes.read(typed).orElseThrow(BookingService::unknown);
  }

  private static QueueException unknown() {
    return new QueueException(ErrorCode.UNKNOWN_BOOKING, "Kode booking tidak ditemukan (no such booking code)");
  }

  private static QueueException notActive(Booking b) {
    String why = switch (b.status()) {
      case CANCELLED -> "sudah dibatalkan (it was cancelled)";
      case NO_SHOW -> "sudah lewat tanpa check-in (its check-in window passed)";
      case CHECKED_IN -> "sudah check-in (it is checked in)";
      case BOOKED -> "tidak dapat diubah sekarang (cannot be changed now)";
    };
    return new QueueException(ErrorCode.BOOKING_NOT_ACTIVE, "Booking " + why);
  }

  private QueueException outsideWindow(BookingCalendar.Window window, Instant now) {
    String from = id.antre.server.domain.Availability.time(window.from().atZone(hall().timeZone()).toLocalTime());
    String to = id.antre.server.domain.Availability.time(window.to().atZone(hall().timeZone()).toLocalTime());
    String detail = now.isBefore(window.from())
        ? "Check-in dibuka pukul " + from + ". Silakan kembali saat itu atau ambil nomor antrean biasa."
            + " (check-in opens at " + from + "; come back then or take a walk-in number)"
        : "Waktu check-in berakhir pukul " + to + ". Silakan ambil nomor antrean biasa atau daftar ulang."
            + " (check-in closed at " + to + "; take a walk-in number or book again)";
    return new QueueException(ErrorCode.CHECK_IN_WINDOW, detail, Map.of("checkInFrom", window.from().toString(),
        "checkInTo", window.to().toString(), "checkInFromLocal", from, "checkInToLocal", to,
        "reason", now.isBefore(window.from()) ? "too-early" : "too-late"));
  }

  private String nikHash(String nik) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(nikKey, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(nik.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A booking code as the log shows it: whoever has the code can cancel or move the booking, so
   * the log keeps only enough of it to tell bookings apart when reading it beside the database.
   */
  static String logged(String code) {
    return code == null || code.length() <= 3 ? "***" : code.substring(0, 3) + "*".repeat(code.length() - 3);
  }
}
