package uz.qaror.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.ScreeningResult;
import uz.qaror.ScreeningStatus;
import uz.qaror.tools.generate.ApplicationGenerator;

/**
 * {@code screen()}: one household against the whole embedded catalog, hot, one thread; households from a generated
 * population (whose services are decided unless their {@code concerns:} exclude the household). Sample mode gives
 * percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class ScreenBenchmark {

    static final LocalDate DATE = LocalDate.of(2026, 3, 2);

    private DecisionEngine engine;
    private JsonNode[] households;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        engine = DecisionEngine.embedded();
        engine.prepareAll();
        ApplicationGenerator generator = new ApplicationGenerator(engine.services(), 7, 0);
        households = new JsonNode[2000];
        long decided = 0;
        for (int i = 0; i < households.length; i++) {
            households[i] = Workload.parse(generator.household(i, DATE));
            ScreeningResult result = engine.screen(households[i], DATE);
            decided += result.answers().size() - result.withStatus(ScreeningStatus.NOT_APPLICABLE).size();
        }
        System.out.printf("%d services; %.1f decided per household on average (the others not applicable)%n",
                engine.serviceIds().size(), decided / (double) households.length);
    }

    @Benchmark
    public ScreeningResult screenWholeCatalog() {
        next = (next + 1) % households.length;
        return engine.screen(households[next], DATE);
    }
}
