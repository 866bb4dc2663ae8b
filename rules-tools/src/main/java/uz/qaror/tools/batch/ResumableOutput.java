package uz.qaror.tools.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output file of a batch ({@link OutputFile}: locked, regular, written aside as {@code NAME.partial} and moved
 * into place at the end) that an interrupted run can continue. Beside the partial, {@code NAME.partial.json}
 * records the {@link RunSettings} that produced it (input fingerprint, format, language, rules and options): a
 * resume with other settings is refused with what differs, so that no file mixes two inputs or two languages.
 * Resuming keeps the partial's complete records (a record cut short by the interruption is dropped) and appends
 * after them.
 */
public final class ResumableOutput {

    /** A resume that would mix two runs' records, refused before anything is written. */
    public static final class ResumeRefused extends IOException {
        private static final long serialVersionUID = 1L;

        ResumeRefused(String message) {
            super(message);
        }
    }

    /** The settings of this run, worked out once the lock is held (fingerprinting a large input takes a while). */
    public interface SettingsSource {
        RunSettings settings() throws IOException;
    }

    /** Receives the text of one record already written. */
    public interface RecordAction {
        void accept(String record) throws IOException;
    }

    private final OutputFile file;
    private final RecordFormat format;
    private final Path settingsFile;
    private Writer writer;
    private long existingRecords;
    private RunSettings earlierSettings;
    private RunSettings settings;

    private ResumableOutput(OutputFile file, RecordFormat format, Path settingsFile) {
        this.file = file;
        this.format = format;
        this.settingsFile = settingsFile;
    }

    /** The partial file of a target, where an interrupted batch left its records. */
    public static Path partialOf(Path target) {
        return OutputFile.partialOf(target);
    }

    /**
     * Opens the output under its lock. With {@code resume} and a partial file present, checks the settings it was
     * written with and keeps its complete records; otherwise starts a new partial file.
     *
     * @param source what must match for a resume, recorded beside the partial; {@code null} for an output that
     *               is resumed only together with another one that records them (the decision log)
     * @throws ResumeRefused when the partial was written with other settings, or without a record of them
     */
    public static ResumableOutput open(Path target, RecordFormat format, boolean resume, SettingsSource source)
            throws IOException {
        OutputFile file = OutputFile.open(target);
        try {
            ResumableOutput output = new ResumableOutput(file, format,
                    source == null ? null : file.besidePartial(".json"));
            RunSettings settings = source == null ? null : source.settings();
            output.settings = settings;
            if (resume && file.hasPartial()) {
                output.checkSettings(settings);
                output.existingRecords = output.countAndTrim(Long.MAX_VALUE);
                output.writer = TextOutput.utf8(file.continuePartial());
            } else {
                if (output.settingsFile != null) {
                    Files.deleteIfExists(output.settingsFile);
                }
                output.writer = TextOutput.utf8(file.startPartial());
                if (format.header() != null) {
                    output.writer.write(format.header());
                    output.writer.write('\n');
                    output.writer.flush();
                }
                if (output.settingsFile != null) {
                    Files.writeString(output.settingsFile, settings.toJson(), StandardCharsets.UTF_8);
                }
            }
            return output;
        } catch (IOException | RuntimeException e) {
            file.keep();
            throw e;
        }
    }

    private void checkSettings(RunSettings settings) throws IOException {
        if (settingsFile == null) {
            return;
        }
        if (!Files.exists(settingsFile)) {
            throw new ResumeRefused("cannot resume " + file.partial() + ": it has no record of the input and "
                    + "options that wrote it (" + settingsFile.getFileName() + " is missing); start over without "
                    + "--resume");
        }
        try {
            earlierSettings = RunSettings.fromJson(Files.readString(settingsFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ResumeRefused("cannot resume " + file.partial() + ": " + settingsFile.getFileName()
                    + " is unreadable (" + e.getMessage() + "); start over without --resume");
        }
        var differences = settings.differencesFrom(earlierSettings);
        if (!differences.isEmpty()) {
            throw new ResumeRefused("cannot resume " + file.partial() + ": it was written with other settings; "
                    + String.join("; ", differences) + ". Resume with the same input and options, or start over "
                    + "without --resume");
        }
    }

    /** This run's settings, or {@code null} for an output without them. */
    public RunSettings settings() {
        return settings;
    }

    /** The settings the resumed partial was written with, or {@code null} when not resumed. */
    public RunSettings earlierSettings() {
        return earlierSettings;
    }

    /** Complete records already written by an earlier, interrupted run. */
    public long existingRecords() {
        return existingRecords;
    }

    /** Keeps only the first {@code records} records (to align two outputs of one batch). */
    public void truncateTo(long records) throws IOException {
        writer.flush();
        existingRecords = countAndTrim(records);
    }

    /** Calls {@code action} with each record already written, for rebuilding counts. */
    public void forEachExisting(RecordAction action) throws IOException {
        writer.flush();
        try (InputStream in = Files.newInputStream(file.partial())) {
            RecordScanner scanner = new RecordScanner(format);
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (scanner.endsRecord(buffer[i])) {
                        if (scanner.records() > 0 || format.header() == null) {
                            action.accept(record.toString(StandardCharsets.UTF_8));
                        }
                        scanner.countRecord();
                        record.reset();
                    } else {
                        record.write(buffer[i]);
                    }
                }
            }
        }
    }

    public Writer writer() {
        return writer;
    }

    /** Flushes, syncs and moves the finished file into place (and removes the settings beside it). */
    public void commit() throws IOException {
        writer.flush();
        file.commit();
        if (settingsFile != null) {
            Files.deleteIfExists(settingsFile);
        }
    }

    /** Flushes and closes, leaving the partial file (and its settings) for a later resume. */
    public void suspend() throws IOException {
        try {
            writer.flush();
        } finally {
            file.keep();
        }
    }

    public Path target() {
        return file.target();
    }

    public Path partial() {
        return file.partial();
    }

    /**
     * Counts the complete records after the header, keeping at most {@code limit} of them, and cuts the file after
     * the last kept one (a record cut short by an interruption goes too).
     */
    private long countAndTrim(long limit) throws IOException {
        long keepBytes = 0;
        long position = 0;
        long records = 0;
        boolean header = format.header() != null;
        RecordScanner scanner = new RecordScanner(format);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file.partial())) {
            int n;
            outer:
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    position++;
                    if (scanner.endsRecord(buffer[i])) {
                        scanner.countRecord();
                        if (header && scanner.records() == 1) {
                            keepBytes = position;
                            continue;
                        }
                        if (records == limit) {
                            break outer;
                        }
                        records++;
                        keepBytes = position;
                    }
                }
            }
        }
        try (FileChannel channel = FileChannel.open(file.partial(), StandardOpenOption.WRITE)) {
            channel.truncate(keepBytes);
        }
        return records;
    }

    /** Finds where records end: at a line break, outside double quotes where the format quotes line breaks. */
    private static final class RecordScanner {
        private final boolean quoted;
        private boolean inQuotes;
        private long records;

        RecordScanner(RecordFormat format) {
            this.quoted = format.quotesHoldLineBreaks();
        }

        boolean endsRecord(byte b) {
            if (quoted && b == '"') {
                inQuotes = !inQuotes;
            }
            return b == '\n' && !inQuotes;
        }

        void countRecord() {
            records++;
        }

        long records() {
            return records;
        }
    }
}
