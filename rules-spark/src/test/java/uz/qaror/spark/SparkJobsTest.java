package uz.qaror.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.internal.Internals;
import uz.qaror.internal.catalog.Folders;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.BatchSummary;
import uz.qaror.tools.batch.RecordFormat;
import uz.qaror.tools.batch.RecordSource;
import uz.qaror.tools.generate.ApplicationGenerator;
import uz.qaror.tools.screen.HouseholdRecords;
import uz.qaror.tools.screen.RescreenSummary;
import uz.qaror.tools.screen.Rescreener;
import uz.qaror.tools.screen.ScreeningOptions;

/**
 * The Spark jobs in local[2], against the command line's own functions on the same inputs: the same records, in the
 * same order. (Executors in separate JVMs, with the shaded jar: {@link SparkSubmitIT}.)
 */
@Timeout(600)
class SparkJobsTest {

    static final Path CATALOG = Path.of("../rules-catalog/src/main/resources/qaror/catalog");
    static final LocalDate DATE = LocalDate.of(2025, 9, 15);

    @TempDir
    static Path dir;

    static SparkSession spark;
    static DecisionEngine engine = DecisionEngine.embedded();

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("qaror-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() throws Exception {
        spark.close();
    }

    /** A copy of the catalog whose poverty line is raised to 1 500 000 soum from 2025-09-01: families gain benefits. */
    static Path proposedRules(Path folder) throws IOException {
        Folders.copyTree(CATALOG, folder);
        Path mce = folder.resolve("parameters/minimum-consumer-expenditure.yaml");
        Files.writeString(mce, Files.readString(mce) + "  - {from: 2025-09-01, value: 1500000, "
                + "legalBasis: \"Proposed\", verification: E}\n");
        return folder;
    }

    /** What qaror batch writes for a file (JSON Lines). */
    static List<String> batch(Path input) throws IOException {
        StringWriter out = new StringWriter();
        batch(input, out);
        return out.toString().lines().toList();
    }

    /** Writes what qaror batch writes for a file (JSON Lines, in English) to {@code out}. */
    static void batch(Path input, Writer out) throws IOException {
        try (RecordSource source = RecordSource.open(input.toString(), System.in)) {
            new BatchRunner(engine, Language.EN, RecordFormat.JSONL, 2, false)
                    .run(source, 0, out, null, new BatchSummary(), progress -> { });
        }
    }

    /** The lines of a Spark output folder, part after part. */
    static List<String> parts(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path part : partFiles(folder)) {
            lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** The part files of a Spark output folder, in the order of their records. */
    static List<Path> partFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    @Test
    void executorsLoadTheEmbeddedCatalogPrebuiltInsteadOfCompilingIt() {
        DecisionEngine executors = RulesLocation.embedded().engine(LocalDate.of(2026, 3, 2));
        for (String id : executors.serviceIds()) {
            assertThat(Internals.compiled(executors, id).prebuilt()).as(id).isTrue();
        }
    }

    @Test
    void decidesLikeQarorBatchWithTheSameRecordsInTheSameOrder() throws Exception {
        ApplicationGenerator generator = new ApplicationGenerator(engine.services(), 3, 0.02);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(generator.line(i));
        }
        lines.add(500, "");
        Path input = dir.resolve("applications.jsonl");
        Files.writeString(input, "\uFEFF" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        Path output = dir.resolve("decisions");
        SparkJobs.write(spark, SparkJobs.decide(SparkJobs.records(spark, input.toString(), 4),
                RulesLocation.embedded(), null, Language.EN), output.toString(), SparkJobs.Format.JSONL, null);
        List<String> expected = batch(input);
        assertThat(expected).hasSize(1001);
        assertThat(parts(output)).isEqualTo(expected);

        Path parquet = dir.resolve("decisions.parquet");
        SparkJobs.write(spark, SparkJobs.decide(SparkJobs.records(spark, input.toString(), 3),
                RulesLocation.embedded(), null, Language.EN), parquet.toString(), SparkJobs.Format.PARQUET,
                SparkJobs.DECISION_COLUMNS);
        List<Row> rows = spark.read().parquet(parquet.toString()).orderBy("record").collectAsList();
        assertThat(rows).hasSize(1001);
        assertThat(rows.get(500).<String>getAs("errorKind")).isEqualTo("MALFORMED_JSON");
        assertThat(rows.stream().map(r -> r.<String>getAs("json")).toList()).isEqualTo(expected);
        assertThat(rows.get(0).<String>getAs("outcome")).isNotBlank();
    }

    @Test
    void aHundredThousandGeneratedApplicationsGetTheDecisionsOfQarorBatch() throws Exception {
        // At the scale: every record, in order, byte for byte (compared line by line as streams, so that
        // the two outputs are never held in memory).
        ApplicationGenerator generator = new ApplicationGenerator(engine.services(), 2026, 0.01);
        Path input = dir.resolve("many.jsonl");
        try (BufferedWriter writer = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 100_000; i++) {
                writer.write(generator.line(i));
                writer.write('\n');
            }
        }
        Path output = dir.resolve("many-decisions");
        SparkJobs.write(spark, SparkJobs.decide(SparkJobs.records(spark, input.toString(), 8),
                RulesLocation.embedded(), null, Language.EN), output.toString(), SparkJobs.Format.JSONL, null);
        Path expected = dir.resolve("many-batch.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(expected, StandardCharsets.UTF_8)) {
            batch(input, out);
        }
        long compared = 0;
        try (BufferedReader batch = Files.newBufferedReader(expected, StandardCharsets.UTF_8)) {
            for (Path part : partFiles(output)) {
                try (BufferedReader sparkLines = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                    for (String line = sparkLines.readLine(); line != null; line = sparkLines.readLine()) {
                        compared++;
                        assertThat(line).as("record %d", compared).isEqualTo(batch.readLine());
                    }
                }
            }
            assertThat(batch.readLine()).as("qaror batch wrote more records than Spark").isNull();
        }
        assertThat(compared).isEqualTo(100_000);
    }

    @Test
    void screensAndRescreensLikeTheCommandLine() throws Exception {
        ApplicationGenerator generator = new ApplicationGenerator(engine.services(), 4, 0);
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            households.add(generator.household(i, DATE));
        }
        households.add("{\"applicant\": 1}");
        Path input = dir.resolve("households.jsonl");
        Files.writeString(input, String.join("\n", households) + "\n", StandardCharsets.UTF_8);
        ScreeningOptions options = ScreeningOptions.asOf(DATE);

        Path screened = dir.resolve("screened");
        SparkJobs.write(spark, SparkJobs.screen(SparkJobs.records(spark, input.toString(), 3),
                RulesLocation.embedded(), options, Language.RU), screened.toString(), SparkJobs.Format.JSONL, null);
        List<String> expected = new ArrayList<>();
        try (RecordSource source = RecordSource.open(input.toString(), System.in)) {
            for (var record = source.next(); record != null; record = source.next()) {
                expected.add(HouseholdRecords.line(record, HouseholdRecords.screen(engine, record, options),
                        List.of(Language.RU)));
            }
        }
        assertThat(parts(screened)).hasSize(121).isEqualTo(expected);

        Path candidate = proposedRules(dir.resolve("candidate"));
        Path offers = dir.resolve("offers");
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkJobs.write(spark, SparkJobs.rescreen(SparkJobs.records(spark, input.toString(), 3),
                RulesLocation.embedded(), RulesLocation.of(candidate.toString(), context), options),
                offers.toString(), SparkJobs.Format.JSONL, null);
        StringWriter cli = new StringWriter();
        RescreenSummary cliSummary = new RescreenSummary();
        try (RecordSource source = RecordSource.open(input.toString(), System.in)) {
            new Rescreener(engine, DecisionEngine.fromDirectory(candidate), options)
                    .run(source, 0, cli, cliSummary, 2, progress -> { });
        }
        assertThat(parts(offers)).isEqualTo(cli.toString().lines().toList());
        RescreenSummary sparkSummary = SparkJobs.summarise(spark, offers.toString(), SparkJobs.Format.JSONL);
        assertThat(sparkSummary.toJson()).isEqualTo(cliSummary.toJson());
        assertThat(sparkSummary.withOffers()).isPositive();
        assertThat(sparkSummary.errorRecords()).isEqualTo(1);

        // One engine per rules location and date in this JVM, however many partitions and jobs used it.
        assertThat(Engines.count()).isLessThanOrEqualTo(3);
    }
}
