package uz.qaror.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import uz.qaror.DecisionEngine;
import uz.qaror.Result;

/** Where a cold {@code evaluate} spends its time: milliseconds since JVM start at each step. */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        mark("main", jvmStart);
        String json = Files.readString(Path.of(args[0]));
        DecisionEngine engine = DecisionEngine.embedded();
        mark("engine", jvmStart);
        engine.prepare(Workload.parse(json).path("service").asText());
        mark("compiled", jvmStart);
        Result result = engine.evaluate(json);
        mark("decided " + result.getClass().getSimpleName(), jvmStart);
        result = engine.evaluate(json);
        mark("decided again", jvmStart);
    }

    private static void mark(String step, long jvmStart) {
        System.out.println(step + ": " + (System.currentTimeMillis() - jvmStart) + " ms");
    }
}
