package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.antre.server.domain.CounterState.Command;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CounterStateTest {

  @ParameterizedTest(name = "{0} --{1}, busy={2}--> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # from  | command | busy  | result
      CLOSED  | OPEN    | false | OPEN
      OPEN    | OPEN    | false | OPEN
      PAUSED  | OPEN    | false | OPEN
      PAUSED  | OPEN    | true  | OPEN
      OPEN    | PAUSE   | false | PAUSED
      PAUSED  | PAUSE   | false | PAUSED
      CLOSED  | PAUSE   | false | COUNTER_NOT_OPEN
      OPEN    | PAUSE   | true  | COUNTER_BUSY
      PAUSED  | PAUSE   | true  | COUNTER_BUSY
      OPEN    | CLOSE   | false | CLOSED
      PAUSED  | CLOSE   | false | CLOSED
      CLOSED  | CLOSE   | false | CLOSED
      OPEN    | CLOSE   | true  | COUNTER_BUSY
      PAUSED  | CLOSE   | true  | COUNTER_BUSY
      """)
  void aCounterCommandLeadsToItsStateOrIsRefusedWithACode(CounterState from, Command command, boolean busy,
      String result) {
    if (result.startsWith("COUNTER_")) {
      QueueException e = catchThrowableOfType(QueueException.class, () -> CounterState.apply(from, command, busy));
      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo(ErrorCode.valueOf(result));
    } else {
      assertThat(CounterState.apply(from, command, busy)).isEqualTo(CounterState.valueOf(result));
    }
  }
}
