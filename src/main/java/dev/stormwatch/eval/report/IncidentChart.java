package dev.stormwatch.eval.report;

import dev.stormwatch.eval.AlertEpisode;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.compare.ComparisonRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One key's metric over the live period, one panel per detector: labelled incidents shaded
 * (onset..end, impact as a dashed line), benign look-alikes hatched grey, and each detector's
 * alert episodes (firing..resolved) drawn over the series.
 */
final class IncidentChart {
  static final Color SERIES = new Color(40, 40, 40);
  static final Color INCIDENT = new Color(230, 60, 60, 70);
  static final Color IMPACT = new Color(170, 0, 0);
  static final Color BENIGN = new Color(120, 120, 120, 45);
  static final Color ALERT = new Color(30, 100, 220, 60);
  static final Color ALERT_EDGE = new Color(20, 70, 180);
  private static final Font PANEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  private IncidentChart() {}

  /**
   * Renders the chart into {@code png}.
   *
   * @param key the plotted (provider, service); incidents and benign labels are of that key
   * @param points {@code {timeMillis, value}} of the metric, in time order
   */
  static void render(Path png, String title, Label key, String metric, List<double[]> points,
      List<Label> incidents, List<Label> benign, List<ComparisonRow> rows, Instant from,
      Instant to) throws IOException {
    DateAxis time = new DateAxis("time (UTC)");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    time.setRange(from.toEpochMilli(), to.toEpochMilli());
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
    combined.setGap(8);
    XYSeries series = new XYSeries(metric, false, true);
    for (double[] p : points) {
      series.add(p[0], p[1]);
    }
    for (ComparisonRow row : rows) {
      combined.add(panel(row, key, metric, series, incidents, benign), 1);
    }
    combined.setFixedLegendItems(legend(metric));
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), combined, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 1400, 140 + 210 * rows.size());
  }

  private static XYPlot panel(ComparisonRow row, Label key, String metric, XYSeries series,
      List<Label> incidents, List<Label> benign) {
    NumberAxis values = new NumberAxis(metric);
    values.setAutoRangeIncludesZero(false);
    values.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, SERIES);
    line.setSeriesStroke(0, new BasicStroke(1.2f));
    XYPlot plot = new XYPlot(new XYSeriesCollection(series), null, values, line);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    for (Label l : benign) {
      plot.addDomainMarker(new IntervalMarker(l.start().toEpochMilli(), l.end().toEpochMilli(),
          BENIGN), Layer.BACKGROUND);
    }
    for (Label l : incidents) {
      IntervalMarker shade = new IntervalMarker(l.start().toEpochMilli(), l.end().toEpochMilli(), INCIDENT);
      shade.setLabel(l.id() + " " + l.kind());
      shade.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      shade.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
      shade.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addDomainMarker(shade, Layer.BACKGROUND);
      ValueMarker impact = new ValueMarker(l.impact().toEpochMilli(), IMPACT, new BasicStroke(1.6f,
          BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 3f}, 0f));
      plot.addDomainMarker(impact, Layer.FOREGROUND);
    }
    int alerts = 0;
    for (AlertEpisode e : row.episodes()) {
      if (key.sameTarget(e.provider(), e.service())) {
        IntervalMarker a = new IntervalMarker(e.start().toEpochMilli(),
            Math.max(e.end().toEpochMilli(), e.start().toEpochMilli() + 60_000L), ALERT, new BasicStroke(0f),
            ALERT_EDGE, new BasicStroke(1.5f), 1f);
        a.setLabel("alert");
        a.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
        a.setLabelPaint(ALERT_EDGE);
        a.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        a.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        a.setLabelOffset(new RectangleInsets(30, 3, 0, 0));
        plot.addDomainMarker(a, Layer.FOREGROUND);
        alerts++;
      }
    }
    TextTitle name = new TextTitle(row.name() + "  (" + alerts + " alert" + (alerts == 1 ? "" : "s")
        + " on this key in the live period)", PANEL_FONT);
    name.setBackgroundPaint(new Color(255, 255, 255, 210));
    plot.addAnnotation(new XYTitleAnnotation(0.005, 0.98, name, RectangleAnchor.TOP_LEFT));
    return plot;
  }

  private static LegendItemCollection legend(String metric) {
    LegendItemCollection items = new LegendItemCollection();
    items.add(new LegendItem(metric + " (per-step mean)", SERIES));
    items.add(new LegendItem("incident onset..end", INCIDENT));
    items.add(new LegendItem("impact", IMPACT));
    items.add(new LegendItem("benign look-alike", BENIGN));
    items.add(new LegendItem("alert firing..resolved", ALERT));
    return items;
  }
}
