package uz.qaror.cli;

import java.io.PrintWriter;

import uz.qaror.Failure;
import uz.qaror.tools.batch.Masking;

/** How the commands that decide one file say it could not be decided, and with which exit code. */
final class FailureReport {

    private FailureReport() {
    }

    /** Prints the problems, one per line, and returns 1 for the applicant's input, 3 for broken rules. */
    static int print(PrintWriter err, String file, Failure result) {
        return print(err, file, result, "decided");
    }

    /** As {@link #print(PrintWriter, String, Failure)}, for a file that cannot be {@code done} (screened, ...). */
    static int print(PrintWriter err, String file, Failure result, String done) {
        // An engine message may quote an identifier: a PINFL-shaped number never reaches the terminal.
        Failure failure = (Failure) Masking.unlinked().redact(result, null);
        err.println("qaror: " + TerminalText.escape(file) + ": cannot be " + done + " (" + failure.kind() + "):");
        failure.problems().forEach(p -> err.println("  " + TerminalText.escape(p.path()) + ": "
                + TerminalText.escape(p.message())));
        err.flush();
        return failure.kind().isInputProblem() ? Qaror.CHECKS_FAILED : Qaror.UNREADABLE;
    }
}
