import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Draws every chart described by a {@code *.tsv} in a folder into a PNG of the same name.
 * report.mjs writes the TSVs; keeping the drawing here means the numbers live in one place.
 *
 * <pre>
 * # type=bar|line  title=...  ylabel=...  xlabel=...     (tab-separated key=value pairs)
 * label    cat1    cat2 ...      bar: one row per series, one column per category
 * x        s1      s2   ...      line: first column is x, one column per series
 * </pre>
 *
 * Run: {@code java -Djava.awt.headless=true -cp bench/.lib/xchart-3.8.8.jar bench/report/Charts.java DIR}
 */
public class Charts {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/results");
        try (var files = Files.list(dir)) {
            for (Path tsv : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                Path png = Path.of(tsv.toString().replaceAll("\\.tsv$", ""));
                BitmapEncoder.saveBitmapWithDPI(draw(tsv), png.toString(), BitmapFormat.PNG, 110);
                System.err.println("  chart " + png + ".png");
            }
        }
    }

    static Chart<?, ?> draw(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        Map<String, String> meta = new LinkedHashMap<>();
        for (String kv : lines.get(0).replaceFirst("^#\\s*", "").split("\t")) {
            int eq = kv.indexOf('=');
            if (eq > 0) meta.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) rows.add(line.split("\t", -1));
        }
        return "line".equals(meta.get("type")) ? line(meta, rows) : bar(meta, rows);
    }

    static CategoryChart bar(Map<String, String> meta, List<String[]> rows) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(480)
                .title(meta.getOrDefault("title", "")).xAxisTitle(meta.getOrDefault("xlabel", ""))
                .yAxisTitle(meta.getOrDefault("ylabel", "")).build();
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS); // never over the bars
        chart.getStyler().setLegendVisible(rows.size() > 2); // one series needs no legend
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setXAxisLabelRotation(rows.get(0).length > 5 ? 20 : 0);
        List<String> categories = Arrays.asList(rows.get(0)).subList(1, rows.get(0).length);
        for (String[] row : rows.subList(1, rows.size())) {
            List<Double> values = new ArrayList<>();
            for (int i = 1; i < row.length; i++) values.add(row[i].isEmpty() ? 0.0 : Double.parseDouble(row[i]));
            chart.addSeries(row[0], categories, values);
        }
        return chart;
    }

    static XYChart line(Map<String, String> meta, List<String[]> rows) {
        XYChart chart = new XYChartBuilder().width(900).height(480)
                .title(meta.getOrDefault("title", "")).xAxisTitle(meta.getOrDefault("xlabel", ""))
                .yAxisTitle(meta.getOrDefault("ylabel", "")).build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(0);
        String[] header = rows.get(0);
        for (int s = 1; s < header.length; s++) {
            double[] x = new double[rows.size() - 1];
            double[] y = new double[rows.size() - 1];
            for (int r = 1; r < rows.size(); r++) {
                x[r - 1] = Double.parseDouble(rows.get(r)[0]);
                y[r - 1] = Double.parseDouble(rows.get(r)[s]);
            }
            chart.addSeries(header[s], x, y);
        }
        return chart;
    }
}
