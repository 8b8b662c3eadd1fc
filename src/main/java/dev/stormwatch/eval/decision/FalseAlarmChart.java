package dev.stormwatch.eval.decision;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Incidents detected against false alarms over the threshold sweep (the best recall each rule
 * reaches with at most so many false alarms), one line per detector and decision rule: dashed for
 * the raw score, solid for the posterior.
 */
final class FalseAlarmChart {
  private static final Color[] PALETTE = {
    new Color(30, 100, 220), new Color(230, 120, 20), new Color(40, 160, 70), new Color(150, 60, 190)
  };

  /** The x axis ends here: points with more false alarms are of no operational interest. */
  private static final int MAX_SHOWN = 40;

  private FalseAlarmChart() {}

  /** Renders the sweep's frontiers into {@code png}. */
  static void render(Path png, List<OperatingPoint> points) throws IOException {
    Map<String, List<OperatingPoint>> bySeries = new LinkedHashMap<>();
    for (OperatingPoint p : points) {
      bySeries.computeIfAbsent(p.detector() + " / " + p.mode(), k -> new ArrayList<>()).add(p);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYStepRenderer renderer = new XYStepRenderer();
    List<String> detectors = new ArrayList<>();
    int incidents = 0;
    for (Map.Entry<String, List<OperatingPoint>> e : bySeries.entrySet()) {
      OperatingPoint first = e.getValue().get(0);
      incidents = Math.max(incidents, first.incidents());
      if (!detectors.contains(first.detector())) {
        detectors.add(first.detector());
      }
      int series = data.getSeriesCount();
      data.addSeries(frontier(e.getKey(), e.getValue()));
      renderer.setSeriesShapesVisible(series, DecisionSweep.SCORE.equals(first.mode()));
      renderer.setSeriesPaint(series, PALETTE[detectors.indexOf(first.detector()) % PALETTE.length]);
      renderer.setSeriesStroke(series, DecisionSweep.SCORE.equals(first.mode())
          ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(2.5f));
    }
    int maxFalseAlarms = points.stream().mapToInt(OperatingPoint::falseAlarms).max().orElse(1);
    NumberAxis x = new NumberAxis("false alarms (episodes matching no incident)"
        + (maxFalseAlarms > MAX_SHOWN ? ", first " + MAX_SHOWN : ""));
    x.setRange(0, Math.min(MAX_SHOWN, maxFalseAlarms) + 0.5);
    NumberAxis y = new NumberAxis("incidents detected");
    y.setRange(0, incidents + 0.5);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart("Recall against false alarms: raw score vs Bayesian posterior",
        JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
  }

  /** The most incidents reached with at most x false alarms, for each x the sweep visited. */
  private static XYSeries frontier(String name, List<OperatingPoint> points) {
    List<OperatingPoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingInt(OperatingPoint::falseAlarms));
    XYSeries s = new XYSeries(name, true, false);
    int best = 0;
    for (OperatingPoint p : sorted) {
      best = Math.max(best, p.detected());
      s.addOrUpdate(p.falseAlarms(), best);
    }
    return s;
  }
}
