package dev.tollgate.examples.energy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the energy example's synthetic dataset: hourly electricity load of a small grid with a
 * real, learnable relationship. Temperature follows the seasons and the day with weather noise;
 * load answers to heating and cooling demand, humidity, the hour of the day and the weekday, plus
 * Gaussian noise (sd 25), so a good model reaches an rmse around 25-40. Deterministic: the same
 * seed gives the same bytes.
 *
 * <p>Run it without a build: {@code java
 * examples/energy/generator/dev/tollgate/examples/energy/EnergyDataGenerator.java
 * examples/energy/load.csv [seed] [rows]}.
 */
public final class EnergyDataGenerator {
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_ROWS = 10_000;
  public static final String HEADER = "timestamp,hour,day_of_week,temperature,humidity,load";
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final double NOISE_SD = 25;

  private EnergyDataGenerator() {}

  /** Writes {@code rows} hourly rows from 2026-01-01T00:00Z to {@code out}, creating folders. */
  public static void write(Path out, long seed, int rows) {
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        w.write(HEADER);
        w.write('\n');
        Random random = new Random(seed);
        double weather = 0; // slowly wandering deviation from the seasonal normal, in degrees
        for (int i = 0; i < rows; i++) {
          ZonedDateTime t = START.plus(i, ChronoUnit.HOURS).atZone(ZoneOffset.UTC);
          weather = 0.97 * weather + random.nextGaussian() * 0.6;
          double temperature = temperature(t, weather);
          double humidity = humidity(t.getHour(), temperature, random);
          double load =
              load(t.getHour(), t.getDayOfWeek().getValue(), temperature, humidity)
                  + random.nextGaussian() * NOISE_SD;
          w.write(
              String.format(
                  Locale.ROOT,
                  "%s,%d,%d,%.1f,%.1f,%.1f%n",
                  t.toInstant(),
                  t.getHour(),
                  t.getDayOfWeek().getValue(),
                  temperature,
                  humidity,
                  load));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  /** Cold Januaries, warm Julies, afternoons warmer than nights, plus the weather of the week. */
  static double temperature(ZonedDateTime t, double weather) {
    double season = 11 - 11 * Math.cos(2 * Math.PI * (t.getDayOfYear() - 20) / 365.0);
    double day = 4 * Math.sin(2 * Math.PI * (t.getHour() - 9) / 24.0);
    return season + day + weather;
  }

  /** Humid at night and when it is cool; clipped to 15..100 %. */
  static double humidity(int hour, double temperature, Random random) {
    double h =
        70
            - 1.1 * (temperature - 11)
            - 8 * Math.sin(2 * Math.PI * (hour - 9) / 24.0)
            + random.nextGaussian() * 6;
    return Math.max(15, Math.min(100, h));
  }

  /** The expected load in MW, without noise: the relationship a model has to learn. */
  static double load(int hour, int dayOfWeek, double temperature, double humidity) {
    double heating = 14 * Math.max(0, 16 - temperature);
    double cooling = 22 * Math.max(0, temperature - 22);
    double muggy = temperature > 20 ? 1.6 * Math.max(0, humidity - 50) : 0;
    double profile =
        90 * Math.exp(-Math.pow(hour - 8, 2) / 6)
            + 130 * Math.exp(-Math.pow(hour - 19, 2) / 8)
            - (hour < 5 ? 70 : 0);
    double weekday = dayOfWeek >= 6 ? -80 : 0;
    return 600 + heating + cooling + muggy + profile + weekday;
  }

  /** Arguments: [output file, default examples/energy/load.csv] [seed, default 42] [rows]. */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "examples/energy/load.csv");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_ROWS;
    write(out, seed, rows);
    System.out.println("wrote " + rows + " rows to " + out + " (seed " + seed + ")");
  }
}
