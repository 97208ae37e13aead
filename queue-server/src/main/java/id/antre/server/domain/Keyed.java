package id.antre.server.domain;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list that also finds an element by its key at once: a hall has hundreds of
 * services, and every command looks its service and counter up. Equal to any list of the same
 * elements in the same order, so a {@link Hall} compares as before. The first of two elements
 * with one key wins, as a search from the start would find it.
 */
final class Keyed<T> extends AbstractList<T> implements RandomAccess {
  private final List<T> items;
  private final Map<String, T> byKey;

  private Keyed(List<T> items, Function<T, String> key) {
    this.items = List.copyOf(items);
    Map<String, T> map = new HashMap<>(this.items.size() * 2);
    for (T item : this.items) {
      map.putIfAbsent(key.apply(item), item);
    }
    this.byKey = map;
  }

  static <T> Keyed<T> of(List<T> items, Function<T, String> key) {
    return items instanceof Keyed<T> k ? k : new Keyed<>(items, key);
  }

  Optional<T> find(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
  }

  @Override
  public T get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }
}
