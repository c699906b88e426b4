package dev.tollgate.cli.check;

import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.spec.DataFormat;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.PipelineSpec;
import io.temporal.failure.ApplicationFailure;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The spec's data against the data itself, on this machine: the head of {@code data.train} (and of
 * {@code deploy.rollback.labelled_data}) read by the loader the train stage uses, so a column that
 * is not in the header, a value that is not a number or a missing value under {@code missing: fail}
 * in those rows is named exactly as the run would name it; {@code schedule.drift_data} only has to
 * exist. Data on S3 is the worker's to read: noted, not fetched.
 */
final class DataCheck {
  private final DatasetLoader loader = new DatasetLoader();
  private final int rows;

  DataCheck(int rows) {
    this.rows = rows;
  }

  void check(PipelineSpec spec, CheckReport report) {
    sample(spec, spec.data(), "data.train", report);
    var watch = spec.deploy().watch();
    if (watch != null && watch.data() != null) {
      sample(spec, spec.data().withTrain(watch.data()), "deploy.rollback.labelled_data", report);
    }
    var schedule = spec.schedule();
    if (schedule != null && schedule.driftData() != null) {
      Path drift = local(schedule.driftData(), "schedule.drift_data", report);
      // a folder of Parquet part files is a dataset too
      boolean folder =
          drift != null
              && DataFormat.of(spec.data().format(), schedule.driftData()) == DataFormat.PARQUET
              && Files.isDirectory(drift);
      if (drift != null && !Files.isRegularFile(drift) && !folder) {
        report.problem("schedule.drift_data", drift + " does not exist or is not a file");
      }
    }
  }

  private void sample(PipelineSpec spec, DataSpec data, String key, CheckReport report) {
    Path file = local(data.train(), key, report);
    if (file == null) return;
    if (!Files.exists(file)) {
      report.problem(key, file + " does not exist (check --no-data skips the data)");
      return;
    }
    try {
      int read = loader.checkHead(data, spec.task(), rows);
      String name = file.getFileName() + (Files.isDirectory(file) ? "/" : "");
      report.note(key + ": " + read + " rows of " + name + " read");
    } catch (ApplicationFailure e) {
      report.problem(key, e.getOriginalMessage());
    } catch (UncheckedIOException e) {
      report.problem(key, e.getMessage() + ": " + e.getCause().getMessage());
    } catch (RuntimeException e) {
      // one spec's surprise must not hide the other specs' lines
      report.problem(key, "cannot be checked: " + e);
    }
  }

  /** The local path of a {@code file:} URI; null (with a note) for data elsewhere. */
  private static Path local(String uri, String key, CheckReport report) {
    if (uri.startsWith("file:")) return Path.of(URI.create(uri));
    report.note(key + " is not a local file: the worker reads it, not checked here");
    return null;
  }
}
