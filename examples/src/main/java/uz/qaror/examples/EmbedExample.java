package uz.qaror.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Language;
import uz.qaror.Reason;
import uz.qaror.Result;

/**
 * How a portal back-end embeds Qaror: one engine for the whole process (it is thread-safe), an application in,
 * a decision out. Run with the path of an application, e.g. {@code examples/applications/marriage-registration.json}.
 */
public final class EmbedExample {

    private EmbedExample() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: EmbedExample APPLICATION.json");
            System.exit(2);
        }
        DecisionEngine engine = DecisionEngine.embedded();
        System.out.println(describe(engine, Files.readString(Path.of(args[0]))));
    }

    /** Decides one application and says the outcome and reasons in English. */
    public static String describe(DecisionEngine engine, String applicationJson) {
        Result result = engine.evaluate(applicationJson);
        if (result instanceof Failure failure) {
            return "cannot decide " + failure.applicationId() + ": " + failure.describe();
        }
        Decision decision = (Decision) result;
        StringBuilder text = new StringBuilder();
        text.append(decision.applicationId()).append(" (").append(decision.service()).append("): ")
                .append(decision.outcome()).append(", decided by rules version ").append(decision.rulesVersion());
        for (Reason reason : decision.reasons()) {
            text.append(System.lineSeparator()).append("  - ").append(reason.message(Language.EN));
            if (!reason.legalBasis().isEmpty()) {
                text.append(" [").append(reason.legalBasis()).append(']');
            }
        }
        if (decision.fee() != null) {
            text.append(System.lineSeparator()).append("  fee: ").append(decision.fee().totalSoum().toPlainString())
                    .append(" soum (").append(decision.fee().totalBca().toPlainString()).append(" BCA)");
        }
        decision.amounts().forEach(amount -> text.append(System.lineSeparator()).append("  ").append(amount.code())
                .append(": ").append(amount.value().toPlainString()).append(' ').append(amount.unit()));
        return text.toString();
    }
}
