package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.CounterAssignment.Fault;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CounterAssignmentTest {
  static final Map<String, String> AGENCY_OF = Map.of("KTP", "DUKCAPIL", "KK", "DUKCAPIL", "SKCK", "POLRES");

  static Optional<Hall.Service> service(String code) {
    return Optional.ofNullable(AGENCY_OF.get(code)).map(agency -> new Hall.Service(code, agency, code.substring(0, 1),
        code, 10, Map.of(), 0, Optional.empty(), 0, List.of(), 30, 10));
  }

  static Optional<Fault> fault(List<String> served, Map<String, Integer> weights) {
    return CounterAssignment.check(CounterAssignmentTest::service, "DUKCAPIL", served, weights)
        .map(CounterAssignment.Violation::fault);
  }

  @Test
  void servicesOfTheCounterAgencyEachOnceWithWeightsInRangeAreAccepted() {
    assertThat(fault(List.of("KTP", "KK"), Map.of("KTP", 3, "KK", 1))).isEmpty();
    assertThat(fault(List.of("KTP"), Map.of())).isEmpty();
  }

  @Test
  void eachFaultIsNamed() {
    assertThat(fault(List.of("PASPOR"), Map.of())).contains(Fault.UNKNOWN_SERVICE);
    assertThat(fault(List.of("KTP", "SKCK"), Map.of())).contains(Fault.OTHER_AGENCY);
    assertThat(fault(List.of("KTP", "KTP"), Map.of())).contains(Fault.LISTED_TWICE);
    assertThat(fault(List.of("KTP"), Map.of("KK", 2))).contains(Fault.WEIGHT_UNLISTED);
    assertThat(fault(List.of("KTP"), Map.of("KTP", 0))).contains(Fault.WEIGHT_OUT_OF_RANGE);
    assertThat(fault(List.of("KTP"), Map.of("KTP", 101))).contains(Fault.WEIGHT_OUT_OF_RANGE);
  }

  @Test
  void theOtherAgencyIsNamedForTheRefusal() {
    assertThat(CounterAssignment.check(CounterAssignmentTest::service, "DUKCAPIL", List.of("SKCK"), Map.of()))
        .hasValueSatisfying(v -> assertThat(v.serviceAgency()).isEqualTo("POLRES"));
  }
}
