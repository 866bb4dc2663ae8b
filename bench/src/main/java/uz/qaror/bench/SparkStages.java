package uz.qaror.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stage breakdown of a Spark application from its event log ({@code spark.eventLog.enabled}): per stage its
 * tasks, wall time, the tasks' summed and longest run time, CPU and GC time and the records read and written; then
 * what N executors of the same speed would take, stage by stage, as the larger of the summed task time spread over
 * them and the longest task (a stage is never shorter than its longest task), plus the driver's time outside stages.
 * <pre>java -cp bench/target/benchmarks.jar uz.qaror.bench.SparkStages EVENT_LOG [CORES_PER_EXECUTOR]</pre>
 */
public final class SparkStages {

    private SparkStages() {
    }

    private static final class Stage {
        String name;
        int tasks;
        long submitted;
        long completed;
        long runTime;
        long longestTask;
        long cpuNanos;
        long gc;
        long recordsRead;
        long recordsWritten;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SparkStages EVENT_LOG [CORES_PER_EXECUTOR]");
            System.exit(2);
        }
        int cores = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Map<Integer, Stage> stages = new TreeMap<>();
        long appStart = 0;
        long appEnd = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode event = Workload.parse(line);
                switch (event.path("Event").asText()) {
                    case "SparkListenerApplicationStart" -> appStart = event.path("Timestamp").asLong();
                    case "SparkListenerApplicationEnd" -> appEnd = event.path("Timestamp").asLong();
                    case "SparkListenerStageCompleted" -> {
                        JsonNode info = event.path("Stage Info");
                        Stage stage = stages.computeIfAbsent(info.path("Stage ID").asInt(), id -> new Stage());
                        stage.name = info.path("Stage Name").asText();
                        stage.tasks = info.path("Number of Tasks").asInt();
                        stage.submitted = info.path("Submission Time").asLong();
                        stage.completed = info.path("Completion Time").asLong();
                    }
                    case "SparkListenerTaskEnd" -> {
                        Stage stage = stages.computeIfAbsent(event.path("Stage ID").asInt(), id -> new Stage());
                        JsonNode metrics = event.path("Task Metrics");
                        long run = metrics.path("Executor Run Time").asLong();
                        stage.runTime += run;
                        stage.longestTask = Math.max(stage.longestTask, run);
                        stage.cpuNanos += metrics.path("Executor CPU Time").asLong();
                        stage.gc += metrics.path("JVM GC Time").asLong();
                        stage.recordsRead += metrics.path("Input Metrics").path("Records Read").asLong();
                        stage.recordsWritten += metrics.path("Output Metrics").path("Records Written").asLong();
                    }
                    default -> {
                    }
                }
            }
        }
        long inStages = 0;
        System.out.printf("%-5s %-45s %6s %9s %11s %9s %9s %7s %10s %10s%n", "STAGE", "NAME", "TASKS", "WALL s",
                "TASKS Σ s", "LONGEST", "CPU s", "GC s", "READ", "WRITTEN");
        for (Map.Entry<Integer, Stage> entry : stages.entrySet()) {
            Stage s = entry.getValue();
            long wall = s.completed - s.submitted;
            inStages += wall;
            System.out.printf("%-5d %-45s %6d %9.1f %11.1f %9.1f %9.1f %7.1f %10d %10d%n", entry.getKey(),
                    s.name.length() > 45 ? s.name.substring(0, 45) : s.name, s.tasks, wall / 1000.0,
                    s.runTime / 1000.0, s.longestTask / 1000.0, s.cpuNanos / 1e9, s.gc / 1000.0, s.recordsRead,
                    s.recordsWritten);
        }
        long outside = appEnd - appStart - inStages;
        System.out.printf("application %.1f s: %.1f s in stages, %.1f s on the driver outside them%n",
                (appEnd - appStart) / 1000.0, inStages / 1000.0, outside / 1000.0);
        for (int executors : new int[] {1, 4, 16, 64}) {
            double total = outside / 1000.0;
            for (Stage s : stages.values()) {
                total += Math.max(s.runTime / 1000.0 / (executors * cores), s.longestTask / 1000.0);
            }
            System.out.printf("estimate with %d executors of %d cores (same speed, same partitions): %.1f s%n",
                    executors, cores, total);
        }
    }
}
