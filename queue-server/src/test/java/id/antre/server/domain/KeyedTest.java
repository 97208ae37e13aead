package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.config.HallConfigParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedTest {
  record Item(String key, int n) {}

  @Test
  void findsByKeyTheFirstWithThatKeyAndNothingForAnUnknownOrMissingKey() {
    Keyed<Item> items = Keyed.of(List.of(new Item("a", 1), new Item("b", 2), new Item("a", 3)), Item::key);
    assertThat(items.find("a")).contains(new Item("a", 1));
    assertThat(items.find("b")).contains(new Item("b", 2));
    assertThat(items.find("c")).isEmpty();
    assertThat(items.find(null)).isEmpty();
  }

  @Test
  void isTheListItWasMadeFromInOrderAndCannotBeChanged() {
    List<Item> plain = List.of(new Item("b", 2), new Item("a", 1));
    Keyed<Item> items = Keyed.of(plain, Item::key);
    assertThat(items).isEqualTo(plain).containsExactlyElementsOf(plain);
    assertThat(plain).isEqualTo(items);
    assertThat(items.hashCode()).isEqualTo(plain.hashCode());
    assertThat(Keyed.of(items, Item::key)).isSameAs(items);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> items.add(new Item("c", 3)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aHallFindsItsServicesCountersAndAgenciesAndComparesAsBefore() {
    Hall hall = HallConfigParser.parse(HallRefTest.FILE);
    assertThat(hall.service("S")).map(Hall.Service::code).contains("S");
    assertThat(hall.service("T")).isEmpty();
    assertThat(hall.counter("1")).map(Hall.Counter::id).contains("1");
    assertThat(hall.agency("A")).map(Hall.Agency::code).contains("A");
    assertThat(HallConfigParser.parse(HallRefTest.FILE)).isEqualTo(hall);
  }
}
