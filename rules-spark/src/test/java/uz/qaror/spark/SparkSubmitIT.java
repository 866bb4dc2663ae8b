package uz.qaror.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.internal.json.Json;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.BatchSummary;
import uz.qaror.tools.batch.RecordFormat;
import uz.qaror.tools.batch.RecordSource;
import uz.qaror.tools.generate.ApplicationGenerator;
import uz.qaror.tools.screen.RescreenSummary;
import uz.qaror.tools.screen.Rescreener;
import uz.qaror.tools.screen.ScreeningOptions;

/**
 * The shaded jar submitted as an operator submits it ({@code SparkSubmit --class uz.qaror.spark.QarorSpark}) to a
 * {@code local-cluster}: a master and two workers inside the driver's JVM, whose executors are separate JVMs, so that
 * anything that does not serialise, or a class that the jar lacks, fails here as on a real cluster. The driver's and
 * executors' classpath is Spark's alone (Maven's copy of what a cluster provides) plus the jar. local-cluster needs
 * a Spark home; a minimal one (an empty {@code jars/} and the {@code launcher/target/scala-2.13/} folder Spark's
 * launcher looks for) is made under target/, and {@code spark.testing} makes the workers give executors the driver's
 * classpath instead of a distribution's {@code jars/}.
 */
@Timeout(1100)
class SparkSubmitIT {

    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path JAR = TARGET.resolve("qaror-spark.jar");
    static final Path SPARK_HOME = TARGET.resolve("spark-home");
    /** Applications decided by both qaror batch and the Spark job (100,000 in bench/README.md). */
    static final int APPLICATIONS = Integer.getInteger("qaror.it.applications", 20_000);
    static final LocalDate DATE = LocalDate.of(2025, 9, 15);

    /** Artifacts that only Qaror uses (and the tests): the cluster does not have them, the jar must. */
    static final List<String> NOT_SPARKS = List.of("/org/drools/", "/org/kie/", "/org/mvel/", "/org/eclipse/jdt/",
            "/com/networknt/", "/com/googlecode/libphonenumber/", "/com/ethlo/", "/org/antlr/antlr-runtime/",
            "/info/picocli/", "/ch/qos/logback/", "/org/junit/", "/org/assertj/", "/org/opentest4j/",
            "/org/apiguardian/", "/net/bytebuddy/");

    static final DecisionEngine ENGINE = DecisionEngine.embedded();

    @TempDir
    static Path dir;

    @BeforeAll
    static void minimalSparkHome() throws IOException {
        Files.createDirectories(SPARK_HOME.resolve("jars"));
        Files.createDirectories(SPARK_HOME.resolve("launcher/target/scala-2.13"));
    }

    /** Spark's classpath: the test's, less Qaror's modules and what only Qaror uses. */
    static String sparkClasspath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = new ArrayList<>();
        for (String entry : all.split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            boolean ours = path.contains("/rules-") || path.contains("/uz/qaror/");
            if (!ours && NOT_SPARKS.stream().noneMatch(path::contains)) {
                kept.add(entry);
            }
        }
        assertThat(kept).anyMatch(e -> e.contains("spark-core")).noneMatch(e -> e.contains("drools"));
        return String.join(File.pathSeparator, kept);
    }

    /** Runs the jar with SparkSubmit in a child JVM on a local cluster of two one-core workers. */
    static String submit(String... jobArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", sparkClasspath(),
                "-Dspark.testing=true", "-Dspark.test.home=" + SPARK_HOME,
                "-Dlog4j2.configurationFile=" + TARGET.resolve("test-classes/log4j2.properties").toUri(),
                "org.apache.spark.deploy.SparkSubmit",
                "--master", "local-cluster[2,1,1024]",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.memory=900m",
                "--class", "uz.qaror.spark.QarorSpark", JAR.toString()));
        command.addAll(Arrays.asList(jobArguments));
        Path log = dir.resolve("submit-" + jobArguments[0] + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("the job ends within 15 minutes; its log:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("spark-submit %s; its log:%n%s", jobArguments[0], output).isZero();
        return output;
    }

    static List<String> parts(Path folder) throws IOException {
        return SparkJobsTest.parts(folder);
    }

    @Test
    void theJarCarriesQarorAndItsDependenciesWithJacksonRelocated() throws Exception {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertThat(jar.getEntry("uz/qaror/spark/QarorSpark.class")).isNotNull();
            assertThat(jar.getEntry("qaror/catalog/catalog.yaml")).isNotNull();
            assertThat(jar.getEntry("org/drools/core/impl/RuleBaseFactory.class")).isNotNull();
            // The embedded catalog's rules compiled at build time, found by the engine through the service loader
            assertThat(jar.getEntry("uz/qaror/prebuilt/PrebuiltCatalog.class")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/uz.qaror.internal.build.PrebuiltRules")).isNotNull();
            assertThat(jar.getEntry("uz/qaror/shaded/jackson/databind/ObjectMapper.class")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName())).noneMatch(name -> name.startsWith("com/fasterxml/")
                    || name.startsWith("org/apache/spark/") || name.startsWith("scala/") || name.startsWith("org/slf4j/"));
        }
    }

    @Test
    void decisionsOnSeparateExecutorJvmsAreThoseOfQarorBatch() throws Exception {
        Path input = dir.resolve("applications.jsonl");
        ApplicationGenerator generator = new ApplicationGenerator(ENGINE.services(), 17, 0.01);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < APPLICATIONS; i++) {
            text.append(generator.line(i)).append('\n');
        }
        Files.writeString(input, text, StandardCharsets.UTF_8);

        Path output = dir.resolve("decisions");
        String log = submit("decide", input.toString(), output.toString(), "--lang", "en", "--partitions", "4");

        StringWriter expected = new StringWriter();
        try (RecordSource source = RecordSource.open(input.toString(), System.in)) {
            new BatchRunner(ENGINE, Language.EN, RecordFormat.JSONL, 2, false)
                    .run(source, 0, expected, null, new BatchSummary(), progress -> { });
        }
        List<String> batch = expected.toString().lines().toList();
        assertThat(batch).hasSize(APPLICATIONS);
        assertThat(parts(output)).isEqualTo(batch);
        // The workers launched two executor processes: separate JVMs, that got the job's functions serialised.
        assertThat(log.split("Granted executor ID", -1)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void reScreeningShipsTheCandidateRulesToTheExecutors() throws Exception {
        Path candidate = SparkJobsTest.proposedRules(dir.resolve("candidate-rules"));
        Path input = dir.resolve("households.jsonl");
        ApplicationGenerator generator = new ApplicationGenerator(ENGINE.services(), 21, 0);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append(generator.household(i, DATE)).append('\n');
        }
        Files.writeString(input, text, StandardCharsets.UTF_8);

        Path output = dir.resolve("offers");
        Path summaryFile = dir.resolve("summary.json");
        submit("rescreen", input.toString(), output.toString(), "--candidate", candidate.toString(),
                "--as-of", DATE.toString(), "--summary", summaryFile.toString());

        StringWriter expected = new StringWriter();
        RescreenSummary summary = new RescreenSummary();
        try (RecordSource source = RecordSource.open(input.toString(), System.in)) {
            new Rescreener(ENGINE, DecisionEngine.fromDirectory(candidate), ScreeningOptions.asOf(DATE))
                    .run(source, 0, expected, summary, 2, progress -> { });
        }
        assertThat(parts(output)).isEqualTo(expected.toString().lines().toList());
        JsonNode written = Json.JSON.readTree(summaryFile.toFile());
        assertThat(written).isEqualTo(Json.JSON.readTree(summary.toJson().toString()));
        assertThat(written.get("householdsWithOffers").asInt()).isPositive();
    }
}
