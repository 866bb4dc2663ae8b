package uz.qaror.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uz.qaror.tools.batch.InputRecord;

class BoundedJsonLinesTest {

    private static BoundedJsonLines source(String text, long maxLine, int sliceRecords, long sliceBytes) {
        return new BoundedJsonLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLine,
                sliceRecords, sliceBytes);
    }

    private static List<List<InputRecord>> slices(BoundedJsonLines source) throws IOException {
        List<List<InputRecord>> slices = new ArrayList<>();
        while (source.nextSlice()) {
            List<InputRecord> slice = new ArrayList<>();
            for (InputRecord record = source.next(); record != null; record = source.next()) {
                slice.add(record);
            }
            slices.add(slice);
        }
        return slices;
    }

    @Test
    void everyLineIsARecordBlankOnesIncludedButNotTheEndOfTheLastLine() throws IOException {
        List<InputRecord> records = slices(source("\uFEFFa\r\n\nb\nc", 100, 100, 1000)).get(0);
        assertThat(records).extracting(InputRecord::text).containsExactly("a", "", "b", "c");
        assertThat(records).extracting(InputRecord::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(slices(source("a\n", 100, 100, 1000)).get(0)).hasSize(1);
        assertThat(slices(source("", 100, 100, 1000)).get(0)).isEmpty();
    }

    @Test
    void aLineOverTheLimitIsSkippedToItsEndWithoutItsText() throws IOException {
        List<InputRecord> records = slices(source("ok\n" + "x".repeat(50) + "\nafter", 10, 100, 1000)).get(0);
        assertThat(records).extracting(InputRecord::text).containsExactly("ok", null, "after");
        assertThat(BoundedJsonLines.oversized(records.get(1))).isTrue();
        assertThat(records.get(2).number()).isEqualTo(3);
    }

    @Test
    void slicesEndAfterEnoughRecordsOrBytesAndNumberingGoesOn() throws IOException {
        List<List<InputRecord>> byCount = slices(source("1\n2\n3\n4\n5\n", 100, 2, 1000));
        assertThat(byCount).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(byCount.get(2).get(0).number()).isEqualTo(5);
        List<List<InputRecord>> byBytes = slices(source("aaaa\nbbbb\ncccc\n", 100, 100, 5));
        assertThat(byBytes).extracting(List::size).containsExactly(2, 1);
    }
}
