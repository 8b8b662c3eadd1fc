package dev.stormwatch.eval;

import dev.stormwatch.eval.compare.CompareCommand;
import dev.stormwatch.eval.compare.CompareOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Command line of the evaluators: {@code scenario ...} scores alerts against a simulated scenario,
 * {@code compare ...} replays a scenario through several detectors side by side ({@link
 * dev.stormwatch.eval.compare.CompareCommand}), {@code nab ...} runs the NAB benchmark scorer
 * ({@code dev.stormwatch.eval.nab.NabCommand}).
 */
public final class EvaluateCommand {
  private static final String NAB_MAIN = "dev.stormwatch.eval.nab.NabCommand";

  private EvaluateCommand() {}

  /** Dispatches to the subcommand named by the first argument. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      System.out.println("usage: evaluate.sh scenario|compare|calibration|decision|nab [options]   (--help after a subcommand)");
      System.out.println(ScenarioCommand.USAGE);
      System.out.println(CompareOptions.USAGE);
      System.out.println(dev.stormwatch.eval.calibration.CalibrationCommand.USAGE);
      System.out.println(dev.stormwatch.eval.decision.DecisionCommand.USAGE);
      System.exit(args.length == 0 ? 2 : 0);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "scenario" -> {
        int code = ScenarioCommand.run(rest);
        if (code != 0) {
          System.exit(code);
        }
      }
      case "compare" -> {
        int code = CompareCommand.run(rest);
        if (code != 0) {
          System.exit(code);
        }
      }
      case "calibration" -> {
        int code = dev.stormwatch.eval.calibration.CalibrationCommand.run(rest);
        if (code != 0) {
          System.exit(code);
        }
      }
      case "decision" -> {
        int code = dev.stormwatch.eval.decision.DecisionCommand.run(rest);
        if (code != 0) {
          System.exit(code);
        }
      }
      case "nab" -> nab(rest);
      default -> {
        System.err.println("unknown subcommand " + args[0] + " (expected scenario, compare, calibration, decision or nab)");
        System.exit(2);
      }
    }
  }

  /** Calls the NAB scorer's main reflectively, so this class builds without it. */
  private static void nab(String[] rest) throws Exception {
    Method main;
    try {
      main = Class.forName(NAB_MAIN).getMethod("main", String[].class);
    } catch (ClassNotFoundException e) {
      System.err.println("the NAB scorer (" + NAB_MAIN + ") is not part of this build");
      System.exit(2);
      return;
    }
    try {
      main.invoke(null, (Object) rest);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
