package io.complaintskpi.benchmark;

import io.complaintskpi.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench at a tiny size, so it cannot rot: every row and its baseline are there, with the threads and
 * partitions asked for. Speed is not asserted.
 */
class BenchSmokeTest {

    private static final List<String> FIGURES = List.of("full replay, events/s", "CPU per event during the replay",
            "where the replay's CPU went",
            "beside a plain KafkaConsumer",
            "peak RSS", "peak heap", "disk per million events straight after the replay",
            "s later, after the queries: input log", "GET /api/v1/kpis?period=",
            "the console's first page (children's; its 11 API requests",
            "escalation.rate/series", "(drill-down, first 50 of a year)", "(every service area, first 50)",
            "(drill-down of a balance, first 50 open at a year end)",
            "GET /api/v1/authorities", "(the caseload)", "the open alerts", "end to end",
            "(the caseload, 60 more open)", "deadline scan");

    @Test
    void a_small_run_prints_and_writes_every_row_with_its_baseline(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench.md");
        StringWriter stdout = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(stdout)).execute("bench",
                "--events", "3000", "--authorities", "20", "--years", "2", "--first-year", "2020/21",
                "--clients", "2", "--query-time", "PT0.3S", "--rate", "100", "--latency-time", "PT2S",
                "--open-few", "20", "--open-many", "60", "--scan-time", "PT3S", "--scan-interval", "PT0.1S",
                "--stream-threads", "2", "--partitions", "8", "--commit-interval", "PT0.2S", "--rocksdb-memory-mb", "32",
                "--data-dir", dir.resolve("data").toString(), "--out", out.toString());

        assertThat(exit).isZero();
        String table = Files.readString(out);
        assertThat(stdout.toString()).contains(table.strip().lines().toList().get(0)).contains("wrote " + out);
        assertThat(table).contains("3,000 simulated events").contains("input log in 8 partitions")
                .contains("2 stream thread(s), commits every 200 ms, RocksDB bound 32 MiB");
        List<String[]> rows = table.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| figure"))
                .map(line -> line.substring(2, line.length() - 2).split(" \\| ", -1)).toList();
        assertThat(rows).hasSize(FIGURES.size());
        for (String figure : FIGURES) {
            assertThat(rows).as(figure).anySatisfy(cells -> {
                assertThat(cells[0]).contains(figure);
                assertThat(cells).hasSize(4);
                assertThat(cells[1]).isNotBlank().doesNotContain("n/a");
                assertThat(cells[2]).isNotBlank();
            });
        }
        assertThat(rows.stream().filter(cells -> cells[0].startsWith("full replay")).findFirst().orElseThrow()[2])
                .contains("bare exactly_once_v2 groupByKey().count()");
        assertThat(rows.stream().filter(cells -> cells[0].startsWith("where the replay's CPU went")).findFirst()
                .orElseThrow()).satisfies(cells -> {
                    assertThat(cells[1]).contains("stream threads ", "broker ", "JIT compiler ", "RocksDB background ")
                            .contains(" %");
                    assertThat(cells[2]).startsWith("bare count: ").contains("stream threads ");
                });
        assertThat(rows.stream().filter(cells -> cells[0].startsWith("GET")).map(cells -> cells[2]))
                .allMatch(baseline -> baseline.startsWith("/health: "));
        assertThat(Arrays.stream(table.split("\n")).filter(l -> l.contains("deadline scan")).findFirst().orElseThrow())
                .contains("with 60 more open", "with 20 more open");
    }
}
