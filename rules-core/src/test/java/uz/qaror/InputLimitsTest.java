package uz.qaror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** Limits are values: equal when every limit is, and a different limit anywhere makes different limits. */
class InputLimitsTest {

    private static final List<UnaryOperator<InputLimits.Builder>> ONE_LIMIT_CHANGED = List.of(
            b -> b.maxBytes(1_000), b -> b.maxDepth(5), b -> b.maxStringLength(77), b -> b.maxNumberLength(9),
            b -> b.maxMembers(3), b -> b.maxDocuments(4), b -> b.maxVehicles(2), b -> b.maxProperties(1));

    @Test
    void limitsAreEqualAndHashAlikeExactlyWhenEveryLimitIs() {
        InputLimits defaults = InputLimits.defaults();
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults).hasSameHashCodeAs(defaults);
        Set<Integer> hashes = new HashSet<>();
        hashes.add(defaults.hashCode());
        for (UnaryOperator<InputLimits.Builder> change : ONE_LIMIT_CHANGED) {
            InputLimits changed = change.apply(defaults.toBuilder()).build();
            assertThat(changed).isNotEqualTo(defaults);
            assertThat(change.apply(defaults.toBuilder()).build()).isEqualTo(changed).hasSameHashCodeAs(changed);
            hashes.add(changed.hashCode());
        }
        // each limit takes part in the hash: none of the eight changes leaves it as it was
        assertThat(hashes).hasSize(ONE_LIMIT_CHANGED.size() + 1);
    }
}
