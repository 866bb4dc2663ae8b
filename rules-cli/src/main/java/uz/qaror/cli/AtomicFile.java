package uz.qaror.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import uz.qaror.tools.batch.OutputFile;

/**
 * Writes a whole file at once the way every output is written ({@link OutputFile}: a regular file only, locked,
 * written aside and moved into place, mode 0666 less the umask); a failure leaves no partial file behind, since
 * such an output cannot be resumed.
 */
final class AtomicFile {

    interface Body<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    static <T> T write(Path target, Body<T> body) throws IOException {
        OutputFile file = OutputFile.open(target);
        try {
            T result;
            OutputStream out = new BufferedOutputStream(file.startPartial(), 1 << 16);
            result = body.writeTo(out);
            out.flush();
            file.commit();
            return result;
        } finally {
            file.discard();
        }
    }
}
