package dev.stormwatch.eval.report;

import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.eval.compare.ComparisonRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Strip plot of lead times (impact minus first alert, minutes; above zero = warned before impact)
 * of the detected incidents, one column per detector, with each detector's median as a bar.
 */
final class LeadTimeChart {
  private static final Color[] PALETTE = {
    new Color(30, 100, 220), new Color(230, 120, 20), new Color(40, 160, 70),
    new Color(150, 60, 190), new Color(200, 40, 60), new Color(90, 90, 90)
  };

  private LeadTimeChart() {}

  /** Renders the chart into {@code png}. */
  static void render(Path png, List<ComparisonRow> rows) throws IOException {
    String[] names = new String[rows.size()];
    XYSeriesCollection data = new XYSeriesCollection();
    List<double[]> medians = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ScenarioReport r = rows.get(i).report();
      names[i] = rows.get(i).name() + " (" + r.detected() + "/" + r.incidents() + " detected)";
      XYSeries s = new XYSeries(rows.get(i).name(), false, true);
      int n = 0;
      for (ScenarioReport.IncidentOutcome o : r.perIncident()) {
        if (o.leadS() != null) {
          double minutes = o.leadS() / 60.0;
          s.add(i + jitter(n++), minutes);
        }
      }
      data.addSeries(s);
      if (r.leadTimeMedianS() != null) {
        medians.add(new double[] {i, r.leadTimeMedianS() / 60.0});
      }
    }
    SymbolAxis detectors = new SymbolAxis("detector", names);
    detectors.setRange(-0.6, rows.size() - 0.4);
    detectors.setGridBandsVisible(false);
    detectors.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    NumberAxis lead = new NumberAxis("lead time before impact (min)   [negative = alert after impact]");
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    for (int i = 0; i < rows.size(); i++) {
      dots.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      dots.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
    }
    XYPlot plot = new XYPlot(data, detectors, lead, dots);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    ValueMarker impact = new ValueMarker(0, new Color(170, 0, 0), new BasicStroke(1.5f));
    impact.setLabel("impact");
    impact.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    impact.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(impact);
    for (double[] m : medians) {
      plot.addAnnotation(new XYLineAnnotation(m[0] - 0.3, m[1], m[0] + 0.3, m[1],
          new BasicStroke(2.5f), Color.BLACK));
    }
    JFreeChart chart = new JFreeChart("Lead time per detected incident (bar = median)",
        new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, Math.max(700, 300 * rows.size()), 560);
  }

  /** A deterministic spread in [-0.2, 0.2] so that equal lead times stay visible. */
  private static double jitter(int n) {
    return ((n * 7) % 9 - 4) * 0.05;
  }
}
