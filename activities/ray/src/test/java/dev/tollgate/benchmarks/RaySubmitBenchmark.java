package dev.tollgate.benchmarks;

import dev.tollgate.adapters.ray.HttpRayJobs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * From submission to RUNNING and to SUCCEEDED of a trivial Ray job (issue 26): Tollgate's HTTP
 * adapter, polling at the runner's 1 s tick and at 100 ms, against {@code ray job submit} by hand,
 * waiting and {@code --no-wait}. One warm-up of each (not counted), then ROUNDS rounds in which the
 * four take turns, the first of a round moving on by one each round, so the machine's load falls on
 * all alike. Run by {@code benchmarks/ray-submit.sh}.
 *
 * <p>Arguments: {@code JOBS_URL RAY_CLI ROUNDS RESULTS_FILE}.
 */
public final class RaySubmitBenchmark {
  private static final List<String> SIDES =
      List.of(
          "HttpRayJobs, 1 s poll",
          "HttpRayJobs, 100 ms poll",
          "ray job submit",
          "ray job submit --no-wait");

  private RaySubmitBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    SubmitSides sides = new SubmitSides(new HttpRayJobs(url), url, args[1]);
    int rounds = Integer.parseInt(args[2]);
    String run = UUID.randomUUID().toString().substring(0, 6);
    Map<String, List<SubmitSides.Times>> times = new LinkedHashMap<>();
    SIDES.forEach(s -> times.put(s, new ArrayList<>()));
    try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[3])), true)) {
      for (int s = 0; s < SIDES.size(); s++) {
        SubmitSides.Times t = run(sides, s, "tg-bench-" + run + "-warm-" + s);
        line(out, "warm-up\t%s\t%s (not counted)", SIDES.get(s), t);
      }
      line(out, "round\tside\tsubmitted_s\trunning_s\tsucceeded_s\tload1");
      for (int r = 1; r <= rounds; r++) {
        for (int k = 0; k < SIDES.size(); k++) {
          int s = (r - 1 + k) % SIDES.size();
          SubmitSides.Times t = run(sides, s, "tg-bench-" + run + "-" + r + "-" + s);
          times.get(SIDES.get(s)).add(t);
          line(
              out,
              "%d\t%s\t%.3f\t%.3f\t%.3f\t%s",
              r,
              SIDES.get(s),
              t.submitted(),
              t.running(),
              t.succeeded(),
              load());
        }
      }
      line(out, "");
      line(
          out,
          "| way (%d runs each, interleaved) | submit returns s | RUNNING seen s | SUCCEEDED seen s |",
          rounds);
      line(out, "|---|---:|---:|---:|");
      times.forEach(
          (side, ts) ->
              line(
                  out,
                  "| %s | %s | %s | %s |",
                  side,
                  cell(ts.stream().map(SubmitSides.Times::submitted).toList()),
                  cell(ts.stream().map(SubmitSides.Times::running).toList()),
                  cell(ts.stream().map(SubmitSides.Times::succeeded).toList())));
      line(out, "(median, and min–max in brackets; seconds from the start of the submission)");
    }
  }

  private static SubmitSides.Times run(SubmitSides sides, int side, String id) throws Exception {
    return switch (side) {
      case 0 -> sides.http(id, 1000);
      case 1 -> sides.http(id, 100);
      case 2 -> sides.cli(id, false);
      default -> sides.cli(id, true);
    };
  }

  private static String cell(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return String.format("%.2f (%.2f–%.2f)", median, sorted.getFirst(), sorted.getLast());
  }

  private static void line(PrintStream out, String format, Object... args) {
    String text = String.format(format, args);
    System.out.println(text);
    out.println(text);
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
