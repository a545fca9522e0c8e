package io.valora.rating.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The write-through memory in front of a store: reads the store only for what it does not remember. */
class RecentValuesTest {

    private final Map<String, Integer> store = new HashMap<>();
    private final List<String> storeReads = new ArrayList<>();

    private Integer fromStore(String key) {
        storeReads.add(key);
        return store.get(key);
    }

    @Test
    void shouldReadTheStoreOnceAndThenAnswerFromWhatItWrote() {
        RecentValues<String, Integer> recent = new RecentValues<>(10);
        store.put("a", 1);

        assertThat(recent.read("a", this::fromStore)).isEqualTo(1);
        assertThat(recent.read("a", this::fromStore)).isEqualTo(1);
        recent.wrote("a", 2);

        assertThat(recent.read("a", this::fromStore)).isEqualTo(2);
        assertThat(storeReads).containsExactly("a");
    }

    @Test
    void shouldNotRememberAbsentKeysSoALaterWriteIsSeen() {
        RecentValues<String, Integer> recent = new RecentValues<>(10);

        assertThat(recent.read("a", this::fromStore)).isNull();
        store.put("a", 5);

        assertThat(recent.read("a", this::fromStore)).isEqualTo(5);
        assertThat(storeReads).containsExactly("a", "a");
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedKeyBeyondItsCapacity() {
        RecentValues<String, Integer> recent = new RecentValues<>(2);
        recent.wrote("a", 1);
        recent.wrote("b", 2);
        recent.read("a", this::fromStore); // a is now the most recent
        recent.wrote("c", 3);
        store.put("b", 20);

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.read("a", this::fromStore)).isEqualTo(1);
        assertThat(recent.read("c", this::fromStore)).isEqualTo(3);
        assertThat(recent.read("b", this::fromStore)).isEqualTo(20);
        assertThat(storeReads).containsExactly("b");
    }

    @Test
    void shouldForgetADeletedKeyAndEverythingOnClear() {
        RecentValues<String, Integer> recent = new RecentValues<>(10);
        recent.wrote("a", 1);
        recent.wrote("b", 2);
        recent.wrote("a", null);
        recent.clear();

        assertThat(recent.size()).isZero();
        assertThat(recent.read("b", this::fromStore)).isNull();
        assertThatThrownBy(() -> new RecentValues<String, Integer>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
