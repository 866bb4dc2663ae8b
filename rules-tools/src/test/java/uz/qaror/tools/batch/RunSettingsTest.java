package uz.qaror.tools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input's fingerprint changes with any byte of it, and with nothing else. */
class RunSettingsTest {

    @TempDir
    Path dir;

    @Test
    void everyChangedByteChangesTheFingerprintAndAMovedFileKeepsIt() throws IOException {
        byte[] bytes = new byte[200_000];
        new SplittableRandom(5).nextBytes(bytes);
        Path file = Files.write(dir.resolve("in.jsonl"), bytes);
        String original = RunSettings.fingerprint(file);
        assertThat(original).startsWith("200000 bytes, crc32c ");
        Path moved = Files.write(Files.createDirectories(dir.resolve("elsewhere")).resolve("other-name.jsonl"), bytes);
        assertThat(RunSettings.fingerprint(moved)).isEqualTo(original);

        Set<String> seen = new HashSet<>(Set.of(original));
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 200; i++) {
            byte[] changed = bytes.clone();
            int at = random.nextInt(changed.length);
            changed[at] ^= (byte) (1 + random.nextInt(255));
            if (i % 2 == 0) { // and a second byte elsewhere: two changes do not cancel out
                changed[random.nextInt(changed.length)] ^= (byte) (1 + random.nextInt(255));
            }
            assertThat(seen.add(RunSettings.fingerprint(Files.write(file, changed)))).as("change %d", i).isTrue();
        }
        byte[] swapped = bytes.clone();
        swapped[10] = bytes[11];
        swapped[11] = bytes[10];
        if (bytes[10] != bytes[11]) {
            assertThat(RunSettings.fingerprint(Files.write(file, swapped))).isNotEqualTo(original);
        }
    }

    @Test
    void aFolderIsFingerprintedByTheNamesAndBytesOfItsFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.writeString(folder.resolve("a.json"), "{\"id\": 1}");
        Files.writeString(Files.createDirectories(folder.resolve("sub")).resolve("b.json"), "{\"id\": 2}");
        String original = RunSettings.fingerprint(folder);
        assertThat(original).startsWith("2 files, 18 bytes, crc32c ");
        Files.move(folder.resolve("a.json"), folder.resolve("c.json"));
        String renamed = RunSettings.fingerprint(folder);
        assertThat(renamed).isNotEqualTo(original);
        Files.writeString(folder.resolve("c.json"), "{\"id\": 3}");
        assertThat(RunSettings.fingerprint(folder)).isNotEqualTo(renamed).isNotEqualTo(original);
    }
}
