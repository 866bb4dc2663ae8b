package uz.qaror.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.input.ParsedApplication;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.run.Evaluator;

/**
 * Where {@code evaluate(text)} spends its time besides Drools: the same applications as {@link HotLoop}, one thread,
 * each part of a decision run as a pass over all of them, thread CPU time and bytes allocated per application:
 * <ol>
 * <li>reading the text: JSON parsing and the input limits' scan; the same from the text's UTF-8 bytes, as a batch
 * and a server read;</li>
 * <li>reading the application: the schema check and the facts (identifiers, dates, household);</li>
 * <li>deciding ({@code Evaluator.decide}): Drools on a reused session, the agenda filter that names each fired rule,
 * and the decision put together (reasons, fee, amounts, due date);</li>
 * <li>writing each decision as JSON in one language, as the HTTP service's answer does (a fresh decision every
 * round: a reason's text in a language is filled in when it is first asked for); the same text then encoded as
 * UTF-8 (what a batch's record cost before its workers wrote bytes), and the decision written as UTF-8 bytes at
 * once (as a batch's workers write records now);</li>
 * <li>raw Drools on a reused session with the same facts: the honest baseline;</li>
 * <li>{@code evaluate(text)} whole;</li>
 * <li>{@code evaluate(text)} and raw Drools again, interleaved in slices of a few milliseconds each, so that the
 * ratio of the two, the figure of issue 12's first target, is measured over the same moments of a shared machine.</li>
 * </ol>
 * Reading text and bytes, and passes 3 and 5, swap order every round, so that neither always finds the other's data
 * in the caches. Results are kept by identity: a {@code Decision}'s {@code hashCode} would fill its reasons' texts in
 * every language.
 * Usage: {@code PhaseLoop [COUNT] [ROUNDS]}.
 */
public final class PhaseLoop {

    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private static long sink;

    private PhaseLoop() {
    }

    /** Thread CPU nanoseconds and bytes allocated by one pass. */
    private record Cost(long nanos, long bytes) {

        static Cost of(Runnable pass) {
            long nanos = THREAD.getCurrentThreadCpuTime();
            long bytes = THREAD.getCurrentThreadAllocatedBytes();
            pass.run();
            return new Cost(THREAD.getCurrentThreadCpuTime() - nanos, THREAD.getCurrentThreadAllocatedBytes() - bytes);
        }

        /** The costs of two passes, {@code first}'s and {@code second}'s, the one run first swapped every round. */
        static Cost[] alternated(int round, Runnable first, Runnable second) {
            if (round % 2 == 1) {
                Cost one = of(first);
                return new Cost[] {one, of(second)};
            }
            Cost two = of(second);
            return new Cost[] {of(first), two};
        }

        String per(int count) {
            return String.format(Locale.ROOT, "%.1f us, %,d B", nanos / 1e3 / count, bytes / count);
        }
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        DecisionEngine engine = DecisionEngine.embedded();
        engine.prepareAll();
        List<String> texts = Workload.generated(engine, count, 17);
        List<RawDroolsBaseline.Prepared> prepared = RawDroolsBaseline.prepare(engine, texts);
        ApplicationText reader = new ApplicationText(engine.inputLimits());
        int n = prepared.size();
        JsonNode[] trees = new JsonNode[n];
        ParsedApplication[] facts = new ParsedApplication[n];
        Decision[] decisions = new Decision[n];
        List<byte[]> utf8 = texts.stream().map(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
        for (int round = 1; round <= rounds; round++) {
            Runnable fromText = () -> {
                for (int i = 0; i < n; i++) {
                    trees[i] = reader.read(texts.get(i)).application();
                }
            };
            Runnable fromBytes = () -> {
                for (int i = 0; i < n; i++) {
                    trees[i] = reader.read(utf8.get(i)).application();
                }
            };
            // a batch and a server read bytes, evaluate(String) text
            Cost[] reading = Cost.alternated(round, fromText, fromBytes);
            Cost text = reading[0];
            Cost bytes = reading[1];
            Cost application = Cost.of(() -> {
                for (int i = 0; i < n; i++) {
                    facts[i] = ApplicationReader.read(trees[i], prepared.get(i).service(), null).application();
                }
            });
            Runnable decidingPass = () -> {
                for (int i = 0; i < n; i++) {
                    if (facts[i] != null) {
                        decisions[i] = Evaluator.decide(prepared.get(i).service(), facts[i]);
                    }
                }
            };
            Runnable raw = () -> {
                for (int i = 0; i < n; i++) {
                    if (facts[i] != null) {
                        sink += System.identityHashCode(RawDroolsBaseline.reused(prepared.get(i).service(), facts[i]));
                    }
                }
            };
            Cost[] deciding = Cost.alternated(round, decidingPass, raw);
            Cost decide = deciding[0];
            Cost drools = deciding[1];
            Cost writing = Cost.of(() -> {
                for (Decision decision : decisions) {
                    if (decision != null) {
                        sink += DecisionJson.write(decision, Language.UZ).length();
                    }
                }
            });
            Cost encoded = Cost.of(() -> {
                for (Decision decision : decisions) {
                    if (decision != null) {
                        sink += DecisionJson.write(decision, Language.UZ).getBytes(StandardCharsets.UTF_8).length;
                    }
                }
            });
            Cost asBytes = Cost.of(() -> {
                for (Decision decision : decisions) {
                    if (decision != null) {
                        sink += DecisionJson.writeUtf8(decision, Language.UZ).length;
                    }
                }
            });
            Cost whole = Cost.of(() -> texts.forEach(t -> sink += System.identityHashCode(engine.evaluate(t))));
            Cost[] sliced = interleaved(engine, texts, prepared, facts);
            System.out.printf(Locale.ROOT, "round %d (one thread, CPU and bytes per application): reading the text "
                    + "%s; reading the same as bytes %s; reading the application %s; deciding %s; raw Drools on a "
                    + "reused session %s (deciding "
                    + "%.2fx of it); writing the decision %s (then encoded as UTF-8 %s; written as UTF-8 at once %s); "
                    + "evaluate(text) %s (%.2fx of raw Drools); interleaved in slices of %d: evaluate(text) %s, raw "
                    + "Drools %s (%.2fx)%n", round,
                    text.per(n), bytes.per(n), application.per(n), decide.per(n), drools.per(n),
                    decide.nanos() / (double) drools.nanos(), writing.per(n), encoded.per(n), asBytes.per(n),
                    whole.per(n),
                    whole.nanos() / (double) drools.nanos(), SLICE, sliced[0].per(n), sliced[1].per(n),
                    sliced[0].nanos() / (double) sliced[1].nanos());
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    /** Applications per slice of the interleaved passes: a few milliseconds of each kind at a time. */
    private static final int SLICE = 250;

    /**
     * {@code evaluate(text)} and raw Drools over all the applications, a slice of {@value #SLICE} of one, then the
     * same slice of the other, the one run first swapped every slice: both see the same moments of a shared machine,
     * so their ratio holds when whole passes, seconds apart, do not. Their summed costs, in that order.
     */
    private static Cost[] interleaved(DecisionEngine engine, List<String> texts,
                                      List<RawDroolsBaseline.Prepared> prepared, ParsedApplication[] facts) {
        long evaluateNanos = 0;
        long evaluateBytes = 0;
        long rawNanos = 0;
        long rawBytes = 0;
        for (int from = 0, slice = 0; from < texts.size(); from += SLICE, slice++) {
            int first = from;
            int end = Math.min(texts.size(), from + SLICE);
            Cost[] costs = Cost.alternated(slice, () -> {
                for (int i = first; i < end; i++) {
                    sink += System.identityHashCode(engine.evaluate(texts.get(i)));
                }
            }, () -> {
                for (int i = first; i < end; i++) {
                    if (facts[i] != null) {
                        sink += System.identityHashCode(RawDroolsBaseline.reused(prepared.get(i).service(), facts[i]));
                    }
                }
            });
            evaluateNanos += costs[0].nanos();
            evaluateBytes += costs[0].bytes();
            rawNanos += costs[1].nanos();
            rawBytes += costs[1].bytes();
        }
        return new Cost[] {new Cost(evaluateNanos, evaluateBytes), new Cost(rawNanos, rawBytes)};
    }
}
