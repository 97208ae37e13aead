package id.antre.server.realtime;

import java.util.regex.Pattern;

/** The topics a WebSocket client may subscribe to. */
final class Topics {
  static final String CALLS = "calls";
  static final String CALLS_ZONE = "calls:zone:";
  static final String QUEUES = "queues";
  /** One service's queue: what a visitor's phone follows, instead of every service's. */
  static final String QUEUES_OF = "queues:";
  static final String COUNTERS = "counters";
  static final String COUNTER = "counter:";
  static final String TICKET = "ticket:";
  static final String PRINTER = "printer:";
  static final String HALL = "hall";
  private static final Pattern VALID = Pattern.compile(
      "calls|calls:zone:[a-z0-9-]{1,32}|queues|queues:[A-Za-z0-9_-]{1,32}|counters|hall|counter:[A-Za-z0-9_-]{1,32}|ticket:[A-Za-z0-9_-]{8,64}"
          + "|printer:[A-Za-z0-9_-]{1,32}");

  private Topics() {
  }

  static boolean valid(String topic) {
    return topic != null && VALID.matcher(topic).matches();
  }

  static boolean isCalls(String topic) {
    return topic.equals(CALLS) || topic.startsWith(CALLS_ZONE);
  }

  /** The zone of a calls topic, or null for the whole hall. */
  static String zoneOf(String topic) {
    return topic.startsWith(CALLS_ZONE) ? topic.substring(CALLS_ZONE.length()) : null;
  }

  /** The service of a {@code queues:} topic, or null for another topic. */
  static String serviceOf(String topic) {
    return topic.startsWith(QUEUES_OF) ? topic.substring(QUEUES_OF.length()) : null;
  }

  /** Topics that need a signed-in user or device. */
  static boolean protectedTopic(String topic) {
    return topic.startsWith(COUNTER) || topic.startsWith(PRINTER);
  }
}
