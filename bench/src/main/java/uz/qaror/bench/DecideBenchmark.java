package uz.qaror.bench;

import java.util.List;
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
import uz.qaror.Result;

/**
 * {@code decide()} on the embedded catalog, hot, one application after another from a generated mix:
 * from JSON text (parse, validate, decide) and from an already parsed tree. Sample mode gives percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DecideBenchmark {

    private DecisionEngine engine;
    private List<String> texts;
    private JsonNode[] trees;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        engine = DecisionEngine.embedded();
        engine.prepareAll();
        texts = Workload.generated(engine, 10_000, 11);
        trees = texts.stream().map(Workload::parse).toArray(JsonNode[]::new);
    }

    @Benchmark
    public Result decideFromText() {
        next = (next + 1) % texts.size();
        return engine.evaluate(texts.get(next));
    }

    @Benchmark
    public Result decideFromTree() {
        next = (next + 1) % trees.length;
        return engine.evaluate(trees[next]);
    }
}
