package uz.qaror.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;

import uz.qaror.tools.batch.TextOutput;

/**
 * Standard output and error for the commands, in UTF-8, with write failures that are not lost. A PrintStream or
 * PrintWriter only sets a flag when a write fails (a full disk, a closed pipe): every command's output is checked
 * at the end ({@link #check}), and commands that write much ({@code batch}, {@code generate}) write through
 * {@link #writer}, which throws at the first flush after a failure, so that they stop at once.
 */
final class StandardOutput {

    private StandardOutput() {
    }

    /** A UTF-8 writer over standard output or error that remembers why a write failed. */
    static PrintWriter open(FileDescriptor descriptor) {
        return new Remembering(new FileOutputStream(descriptor));
    }

    /**
     * A writer over a command's output that throws when a write has failed; it takes a batch's records as the bytes
     * its workers made of them, when the output is standard output's own.
     */
    static Writer writer(PrintWriter out) {
        return new Checked(out);
    }

    private static final class Checked extends Writer implements TextOutput.BytesBeneath {
        private final PrintWriter out;

        Checked(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void writeBytes(byte[] utf8) throws IOException {
            TextOutput.writeBytes(out, utf8);
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            out.write(buffer, offset, length);
        }

        @Override
        public void write(String text) {
            out.write(text);
        }

        @Override
        public void write(int c) {
            out.write(c);
        }

        @Override
        public void flush() throws IOException {
            check(out);
        }

        @Override
        public void close() throws IOException {
            check(out);
        }
    }

    /** Flushes, and throws when any write to {@code out} failed. */
    static void check(PrintWriter out) throws IOException {
        out.flush();
        if (out.checkError()) {
            IOException cause = out instanceof Remembering remembering ? remembering.failure() : null;
            throw new IOException("cannot write to standard output"
                    + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        }
    }

    private static final class Remembering extends PrintWriter implements TextOutput.BytesBeneath {
        private final Recorder recorder;

        Remembering(OutputStream stream) {
            this(new Recorder(stream));
        }

        private Remembering(Recorder recorder) {
            super(TextOutput.utf8(recorder)); // a batch's records to a pipe in 64 KiB writes, not 8 KiB ones
            this.recorder = recorder;
        }

        IOException failure() {
            return recorder.failure;
        }

        /** Bytes to the writer beneath, a failure remembered as the PrintWriter remembers its own. */
        @Override
        public void writeBytes(byte[] utf8) {
            synchronized (lock) {
                try {
                    ((TextOutput.BytesBeneath) out).writeBytes(utf8);
                } catch (IOException e) {
                    setError();
                }
            }
        }
    }

    /** Keeps the first failure of the stream under a PrintWriter, which would otherwise swallow it. */
    private static final class Recorder extends FilterOutputStream {
        volatile IOException failure;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
