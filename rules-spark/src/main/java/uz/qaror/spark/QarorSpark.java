package uz.qaror.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import uz.qaror.Language;
import uz.qaror.internal.json.Json;
import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.screen.RescreenSummary;
import uz.qaror.tools.screen.ScreeningOptions;

/**
 * The Spark jobs from the command line, for {@code spark-submit --class uz.qaror.spark.QarorSpark qaror-spark.jar}:
 * {@code decide}, {@code screen} and {@code rescreen}, each from JSON Lines to JSON Lines (or Parquet), with the
 * records of {@code qaror batch}, {@code qaror screen --json} and {@code qaror rescreen}.
 */
@Command(name = "qaror-spark", mixinStandardHelpOptions = true,
        description = "Decides, screens or re-screens JSON Lines files on a Spark cluster.",
        subcommands = {QarorSpark.Decide.class, QarorSpark.Screen.class, QarorSpark.Rescreen.class})
public final class QarorSpark implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a job: decide, screen or rescreen");
    }

    public static void main(String[] args) {
        int code = new CommandLine(new QarorSpark())
                .setExecutionExceptionHandler((error, cmd, parsed) -> {
                    cmd.getErr().println("qaror-spark: " + error.getMessage());
                    cmd.getErr().flush();
                    return 1;
                })
                .execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** What every job takes: input, output, format and how finely to split the input. */
    static final class Files_ {
        @Parameters(index = "0", paramLabel = "IN", description = "JSON Lines: a file, a folder or a glob, on any "
                + "file system Spark reads (file:, hdfs:, s3a:, ...).")
        String input;

        @Parameters(index = "1", paramLabel = "OUT", description = "The output folder (it must not exist).")
        String output;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
                description = "jsonl (default) or parquet.")
        String format;

        @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
                description = "Split the input into at least N partitions (default: Spark's).")
        int partitions;

        SparkJobs.Format format() {
            try {
                return SparkJobs.Format.valueOf(format.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + format + "'; use jsonl or parquet", e);
            }
        }

        JavaRDD<InputRecord> records(SparkSession spark) {
            int minimum = partitions > 0 ? partitions : spark.sparkContext().defaultMinPartitions();
            return SparkJobs.records(spark, input, minimum);
        }
    }

    /** The date and the services of screening jobs. */
    static final class Screening {
        @Option(names = "--as-of", paramLabel = "DATE", description = "Screen as of this date (default: today).")
        LocalDate asOf;

        @Option(names = "--services", paramLabel = "ID", split = ",", description = "Only these services.")
        List<String> services;

        @Option(names = "--life-event", paramLabel = "EVENT", description = "Only the services of this life event.")
        String lifeEvent;

        ScreeningOptions options() {
            return new ScreeningOptions(asOf, services, lifeEvent);
        }
    }

    static SparkSession session(String job) {
        SparkConf conf = new SparkConf().setAppName("qaror " + job);
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** The rules and the language of the jobs that decide with one rule set. */
    static final class OneRuleSet {
        @Option(names = "--rules", paramLabel = "embedded|DIR", defaultValue = RulesLocation.EMBEDDED,
                description = "The rules: the embedded catalog (default) or a rules folder, shipped to the executors.")
        String rules;

        @Option(names = "--lang", paramLabel = "LANG", defaultValue = "uz", description = "uz, uz-Cyrl, ru or en.")
        String language;

        /** Runs a job over these rules and writes its lines. */
        void run(String job, Files_ files, Map<String, String> columns,
                 BiFunction<JavaRDD<InputRecord>, RulesLocation, JavaRDD<String>> lines) throws Exception {
            try (SparkSession spark = session(job)) {
                RulesLocation location = RulesLocation.of(rules, JavaSparkContext.fromSparkContext(spark.sparkContext()));
                SparkJobs.write(spark, lines.apply(files.records(spark), location), files.output, files.format(),
                        columns);
            }
        }

        Language language() {
            return Language.fromTag(language);
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = "Decides applications: one record per line, as qaror batch writes them.")
    static final class Decide implements Callable<Integer> {
        @Mixin
        Files_ files;

        @Mixin
        OneRuleSet rules;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Judge every application as of this date.")
        LocalDate asOf;

        @Override
        public Integer call() throws Exception {
            Language language = rules.language();
            rules.run("decide", files, SparkJobs.DECISION_COLUMNS,
                    (records, location) -> SparkJobs.decide(records, location, asOf, language));
            return 0;
        }
    }

    @Command(name = "screen", mixinStandardHelpOptions = true,
            description = "Screens households: one result per line, as qaror screen --json prints it.")
    static final class Screen implements Callable<Integer> {
        @Mixin
        Files_ files;

        @Mixin
        Screening screening;

        @Mixin
        OneRuleSet rules;

        @Override
        public Integer call() throws Exception {
            Language language = rules.language();
            rules.run("screen", files, SparkJobs.HOUSEHOLD_COLUMNS,
                    (records, location) -> SparkJobs.screen(records, location, screening.options(), language));
            return 0;
        }
    }

    @Command(name = "rescreen", mixinStandardHelpOptions = true,
            description = "Re-screens households under the rules in force and proposed ones: offers, losses and "
                    + "amount changes per household, as qaror rescreen writes them, and a summary per service.")
    static final class Rescreen implements Callable<Integer> {
        @Mixin
        Files_ files;

        @Mixin
        Screening screening;

        @Option(names = "--baseline", paramLabel = "embedded|DIR", defaultValue = RulesLocation.EMBEDDED,
                description = "The rules in force (default: the embedded catalog).")
        String baseline;

        @Option(names = "--candidate", paramLabel = "DIR", required = true, description = "The proposed rules.")
        String candidate;

        @Option(names = "--summary", paramLabel = "FILE", description = "Also write the summary as JSON (on the "
                + "driver's file system).")
        Path summaryFile;

        @Override
        public Integer call() throws Exception {
            try (SparkSession spark = session("rescreen")) {
                JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
                JavaRDD<String> lines = SparkJobs.rescreen(files.records(spark), RulesLocation.of(baseline, context),
                        RulesLocation.of(candidate, context), screening.options());
                SparkJobs.write(spark, lines, files.output, files.format(), SparkJobs.HOUSEHOLD_COLUMNS);
                RescreenSummary summary = SparkJobs.summarise(spark, files.output, files.format());
                String json = Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary.toJson());
                PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
                out.println(json);
                if (summaryFile != null) {
                    Files.writeString(summaryFile, json + "\n", StandardCharsets.UTF_8);
                }
            }
            return 0;
        }
    }
}
