package dev.stormwatch.eval.calibration;

import dev.stormwatch.alert.bayes.Calibration;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the reliability diagram (mean predicted probability vs observed incident rate per bin). */
public final class ReliabilityChart {
  private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40)};
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

  private ReliabilityChart() {}

  /** Writes {@code png} with one line per row (non-empty bins only) and the diagonal. */
  public static void write(List<CalibrationRow> rows, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    List<List<Integer>> counts = new ArrayList<>();
    for (CalibrationRow row : rows) {
      List<Integer> seriesCounts = new ArrayList<>();
      counts.add(seriesCounts);
      XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s (Brier %.3f, ECE %.3f)",
          row.name(), row.brier(), row.ece()), false);
      for (Calibration.Bin b : row.bins()) {
        if (b.count() > 0) {
          s.add(b.meanPredicted(), b.observedRate());
          seriesCounts.add(b.count());
        }
      }
      data.addSeries(s);
    }
    NumberAxis x = axis("predicted probability (bin mean)");
    x.setRange(-0.12, 1.12);
    NumberAxis y = axis("observed incident frequency");
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < rows.size(); i++) {
      renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2.5f));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
      renderer.setSeriesItemLabelPaint(i, COLORS[i % COLORS.length].darker());
      renderer.setSeriesPositiveItemLabelPosition(i, new ItemLabelPosition(
          i % 2 == 0 ? ItemLabelAnchor.OUTSIDE3 : ItemLabelAnchor.OUTSIDE9,
          i % 2 == 0 ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT));
    }
    renderer.setDefaultItemLabelGenerator(
        (dataset, series, item) -> "n=" + counts.get(series).get(item));
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setItemLabelAnchorOffset(7);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, new BasicStroke(1.5f,
        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f), Color.GRAY));
    JFreeChart chart = new JFreeChart("Reliability of live windows: raw score vs posterior",
        new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, true);
    chart.getLegend().setItemFont(LABEL);
    chart.addSubtitle(new TextTitle(subtitle(rows), new Font(Font.SANS_SERIF, Font.PLAIN, 13)));
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 760, 720);
  }

  private static NumberAxis axis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setRange(-0.03, 1.06);
    a.setTickUnit(new NumberTickUnit(0.1));
    a.setLabelFont(LABEL);
    a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    return a;
  }

  private static String subtitle(List<CalibrationRow> rows) {
    CalibrationRow first = rows.get(0);
    return String.format(Locale.ROOT,
        "%d live windows, %d overlap an incident; n = windows in the bin; dashed: perfect calibration", first.windows(),
        first.positives());
  }
}
