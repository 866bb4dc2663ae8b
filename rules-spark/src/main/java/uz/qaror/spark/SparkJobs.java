package uz.qaror.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import scala.Tuple2;

import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.tools.batch.BatchRunner;
import uz.qaror.tools.batch.InputRecord;
import uz.qaror.tools.batch.RecordFormat;
import uz.qaror.tools.screen.HouseholdRecords;
import uz.qaror.tools.screen.RescreenSummary;
import uz.qaror.tools.screen.Rescreener;
import uz.qaror.tools.screen.ScreeningOptions;
import uz.qaror.tools.screen.Tally;

/**
 * Batch decisions, screening and re-screening as Spark jobs. Each turns numbered JSON Lines records into output
 * lines with the very functions the command line uses ({@code qaror batch}, {@code qaror screen},
 * {@code qaror rescreen}), so that both give the same records; each executor decides its partitions with the
 * engine its JVM built once. Records keep their input order: partition after partition, line after line.
 */
public final class SparkJobs {

    private SparkJobs() {
    }

    /** How the output is written. */
    public enum Format {
        /** JSON Lines, one record per line, as the command line writes them. */
        JSONL,
        /** Parquet: the record number, a few columns to query by, and the whole record as {@code json}. */
        PARQUET
    }

    /** Numbers the lines of JSON Lines files from 1, as the command line does, and reads them as records. */
    static JavaRDD<InputRecord> records(SparkSession spark, String input, int minPartitions) {
        JavaRDD<String> lines = spark.sparkContext().textFile(input, Math.max(1, minPartitions)).toJavaRDD();
        return lines.zipWithIndex().map(SparkJobs::record);
    }

    private static InputRecord record(Tuple2<String, Long> line) {
        long number = line._2() + 1;
        String text = line._1();
        // The command line drops a byte order mark at the start of the input; so does the job.
        if (number == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return InputRecord.of(number, "line " + number, text);
    }

    /** Decides every application: the lines {@code qaror batch} writes (JSON Lines). */
    public static JavaRDD<String> decide(JavaRDD<InputRecord> records, RulesLocation rules, LocalDate asOf,
                                         Language language) {
        return records.mapPartitions(partition -> {
            DecisionEngine engine = rules.engine(asOf);
            return map(partition, record -> RecordFormat.JSONL.format(record,
                    BatchRunner.decide(engine, record).result(), language));
        });
    }

    /** Screens every household: one line per household, the result of {@code qaror screen --json}. */
    public static JavaRDD<String> screen(JavaRDD<InputRecord> records, RulesLocation rules, ScreeningOptions options,
                                         Language language) {
        ScreeningOptions dated = onOneDay(options);
        return records.mapPartitions(partition -> {
            DecisionEngine engine = rules.engine(null);
            return map(partition, record -> HouseholdRecords.line(record,
                    HouseholdRecords.screen(engine, record, dated), List.of(language)));
        });
    }

    /** Re-screens every household under two rule sets: the lines {@code qaror rescreen} writes. */
    public static JavaRDD<String> rescreen(JavaRDD<InputRecord> records, RulesLocation baseline,
                                           RulesLocation candidate, ScreeningOptions options) {
        ScreeningOptions dated = onOneDay(options);
        return records.mapPartitions(partition -> {
            Rescreener rescreener = new Rescreener(baseline.engine(null), candidate.engine(null), dated);
            return map(partition, rescreener::line);
        });
    }

    /** A population is screened on one day: the driver's today when none is given, never each executor's. */
    private static ScreeningOptions onOneDay(ScreeningOptions options) {
        return options.asOf() != null ? options : options.on(LocalDate.now(ApplicationReader.TASHKENT));
    }

    private static Iterator<String> map(Iterator<InputRecord> records,
                                        java.util.function.Function<InputRecord, String> line) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public String next() {
                return line.apply(records.next());
            }
        };
    }

    /**
     * Writes the lines as JSON Lines files, or as Parquet with {@code record}, the given columns (name to JSON path
     * in the record, such as {@code outcome -> $.outcome}) and {@code json}.
     */
    public static void write(SparkSession spark, JavaRDD<String> lines, String output, Format format,
                             Map<String, String> columns) {
        Dataset<String> text = spark.createDataset(lines.rdd(), Encoders.STRING());
        if (format == Format.JSONL) {
            text.write().text(output);
            return;
        }
        List<Column> selected = new ArrayList<>();
        Column json = functions.col("value");
        selected.add(functions.get_json_object(json, "$.record").cast("long").as("record"));
        columns.forEach((name, path) -> selected.add(functions.get_json_object(json, path).as(name)));
        selected.add(json.as("json"));
        text.select(selected.toArray(Column[]::new)).write().parquet(output);
    }

    /** The written lines back, in order, from either format. */
    static Dataset<String> read(SparkSession spark, String output, Format format) {
        return format == Format.JSONL ? spark.read().textFile(output)
                : spark.read().parquet(output).select("json").as(Encoders.STRING());
    }

    /** The summary of a re-screening, from what it wrote. */
    public static RescreenSummary summarise(SparkSession spark, String output, Format format) {
        return read(spark, output, format).javaRDD().mapPartitions(lines -> {
            RescreenSummary summary = new RescreenSummary();
            lines.forEachRemaining(line -> summary.add(Tally.of(line)));
            return List.of(summary).iterator();
        }).reduce(RescreenSummary::merge);
    }

    /** The columns a decision's Parquet row has besides its number and JSON. */
    static final Map<String, String> DECISION_COLUMNS = ordered("applicationId", "$.applicationId",
            "service", "$.service", "outcome", "$.outcome", "errorKind", "$.error.kind");
    static final Map<String, String> HOUSEHOLD_COLUMNS = ordered("householdId", "$.householdId");

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
