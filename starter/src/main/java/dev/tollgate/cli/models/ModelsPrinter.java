package dev.tollgate.cli.models;

import dev.tollgate.stages.ModelRecord;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code tollgate models show}: a model's versions, aliases and audit trail. */
final class ModelsPrinter {
  private ModelsPrinter() {}

  static String aliases(ModelRecord m) {
    if (m.aliases().isEmpty()) return "-";
    return new TreeMap<>(m.aliases())
        .entrySet().stream()
            .map(e -> e.getKey() + "=v" + e.getValue())
            .collect(Collectors.joining(", "));
  }

  static void print(PrintWriter out, ModelRecord m) {
    out.println(m.model() + "  aliases: " + aliases(m));
    ProductionLine.of(m).ifPresent(line -> out.println("  " + line));
    out.printf(
        Locale.ROOT,
        "  %-4s %-11s %-20s %-26s %s%n",
        "VER",
        "STAGE",
        "REGISTERED",
        "RUN",
        "METRICS / WHY");
    for (ModelRecord.Version v : m.versions()) {
      out.printf(
          Locale.ROOT,
          "  v%-3d %-11s %-20s %-26s %s%s%n",
          v.version(),
          v.stage().name().toLowerCase(Locale.ROOT),
          v.registeredAt().replace('T', ' ').replaceFirst("(\\.\\d+)?Z$", ""),
          v.runId(),
          metrics(v.metrics()),
          v.stageReason() == null ? "" : "  (" + v.stageReason() + ")");
      out.println(
          "       artifact "
              + v.artifactUri()
              + "  model "
              + shortDigest(v.modelDigest())
              + "  data "
              + shortDigest(v.dataSha256())
              + "  spec "
              + shortDigest(v.specDigest()));
      // a training command's or import's lineage: what ran, which code, which environment
      new TreeMap<>(v.lineage())
          .forEach((key, value) -> out.println("       " + key + " " + value));
    }
    if (!m.audit().isEmpty()) {
      out.println("  audit trail (oldest first):");
      for (ModelRecord.Transition t : m.audit()) {
        out.printf(
            Locale.ROOT,
            "    %s  v%d %s -> %s  by %s  run %s: %s%n",
            t.at().replace('T', ' ').replaceFirst("(\\.\\d+)?Z$", ""),
            t.version(),
            t.from().name().toLowerCase(Locale.ROOT),
            t.to().name().toLowerCase(Locale.ROOT),
            t.actor(),
            t.runId(),
            t.reason());
      }
    }
    out.flush();
  }

  private static String metrics(Map<String, Double> metrics) {
    return new TreeMap<>(metrics)
        .entrySet().stream()
            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.4g", e.getValue()))
            .collect(Collectors.joining(", "));
  }

  private static String shortDigest(String digest) {
    return digest == null ? "-" : digest.length() > 12 ? digest.substring(0, 12) : digest;
  }
}
