package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.common.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every enum option of every command, nested ones too, takes its values in any case: {@code runs
 * --outcome deployed} as well as {@code DEPLOYED}. Walks the command tree, so an enum option added
 * later is covered without a new test.
 */
class EnumOptionsTest {

  record EnumOption(List<String> path, String name) {}

  @Test
  void everyEnumOptionTakesEveryValueInLowerAndUpperCase() {
    List<EnumOption> options = new ArrayList<>();
    collect(TollgateCli.commandLine(), new ArrayList<>(), options);
    assertThat(options)
        .as("the walk found the enum options")
        .extracting(EnumOption::name)
        .contains("--stage", "--outcome", "--trigger", "--overlap");

    for (EnumOption option : options) {
      for (Object constant : enumType(option).getEnumConstants()) {
        String name = ((Enum<?>) constant).name();
        for (String typed :
            List.of(name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT), mixed(name))) {
          assertThat(parsedValue(option, typed))
              .as(String.join(" ", option.path()) + " " + option.name() + " " + typed)
              .isEqualTo(constant);
        }
      }
    }
  }

  @Test
  void anUnknownValueIsStillAUsageErrorListingTheChoices() {
    CliRun run = CliRun.of("runs", "--outcome", "shipped", "--address", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--outcome", "shipped", "DEPLOYED");
  }

  private static void collect(CommandLine cli, List<String> path, List<EnumOption> found) {
    for (CommandLine sub : cli.getSubcommands().values()) {
      List<String> here = new ArrayList<>(path);
      here.add(sub.getCommandSpec().name());
      for (OptionSpec option : sub.getCommandSpec().options()) {
        if (option.type().isEnum()) found.add(new EnumOption(here, option.longestName()));
      }
      collect(sub, here, found);
    }
  }

  private static Class<?> enumType(EnumOption option) {
    return find(TollgateCli.commandLine(), option).type();
  }

  /** Parses {@code path option value}; other required arguments may be missing, that is fine. */
  private static Object parsedValue(EnumOption option, String typed) {
    CommandLine cli = TollgateCli.commandLine();
    List<String> args = new ArrayList<>(option.path());
    args.add(option.name());
    args.add(typed);
    try {
      cli.parseArgs(args.toArray(String[]::new));
    } catch (MissingParameterException otherArgumentMissing) {
      // the enum value was converted before picocli looked for the required ones
    }
    return find(cli, option).getValue();
  }

  private static OptionSpec find(CommandLine root, EnumOption option) {
    CommandLine cli = root;
    for (String name : option.path()) cli = cli.getSubcommands().get(name);
    return cli.getCommandSpec().findOption(option.name());
  }

  /** "AWAITING_APPROVAL" → "Awaiting_Approval". */
  private static String mixed(String name) {
    StringBuilder s = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      s.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '_';
    }
    return s.toString();
  }
}
