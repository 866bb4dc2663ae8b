package uz.qaror.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a command's input file, or standard input for {@code -}, with errors that name the file. */
final class InputFiles {

    private InputFiles() {
    }

    static String readText(String name) {
        try {
            if ("-".equals(name)) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(name + ": no such file", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UncheckedIOException(name + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static InputStream open(String name) {
        try {
            return "-".equals(name) ? System.in : Files.newInputStream(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(name + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
