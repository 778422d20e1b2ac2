package com.bpo.portal.ui;

import com.vaadin.flow.component.Html;
import java.util.List;
import java.util.Locale;

/**
 * Small charts drawn as inline SVG (the free Vaadin components have no chart). Built as markup for
 * {@link Html}; every text from data is XML-escaped. Each chart carries role="img" and a label, and
 * the screens show the same figures in a table beside it.
 */
public final class SvgChart {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 260;
  private static final int LEFT = 40;
  private static final int RIGHT = 44;
  private static final int TOP = 16;
  private static final int BOTTOM = 64;

  public record Bar(String label, double value) {}

  private SvgChart() {}

  /**
   * A Pareto chart: bars largest first, and the cumulative share as a line on a 0–100 % axis at the
   * right, so that "which few reasons cause most disputes" shows at a glance.
   */
  public static Html pareto(String ariaLabel, List<Bar> bars, String id) {
    StringBuilder svg = open(ariaLabel, id);
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    double total = bars.stream().mapToDouble(Bar::value).sum();
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = bars.isEmpty() ? plotWidth : (double) plotWidth / bars.size();
    axes(svg, plotWidth, plotHeight);
    StringBuilder line = new StringBuilder();
    double running = 0;
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double h = max == 0 ? 0 : bar.value() / max * plotHeight;
      double x = LEFT + i * slot + slot * 0.15;
      double y = TOP + plotHeight - h;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='var(--lumo-primary-color)' rx='2'><title>%s: %s</title></rect>",
              x,
              y,
              slot * 0.7,
              h,
              escape(bar.label()),
              format(bar.value())));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%.1f' font-size='13' text-anchor='middle' fill='currentColor'>%s</text>",
              x + slot * 0.35,
              y - 3,
              format(bar.value())));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%d' font-size='13' text-anchor='end' fill='currentColor' transform='rotate(-30 %.1f %d)'>%s</text>",
              x + slot * 0.35,
              TOP + plotHeight + 14,
              x + slot * 0.35,
              TOP + plotHeight + 14,
              escape(shorten(bar.label()))));
      running += bar.value();
      double share = total == 0 ? 0 : running / total;
      line.append(
          String.format(
              Locale.ROOT,
              "%s%.1f,%.1f ",
              i == 0 ? "" : "",
              x + slot * 0.35,
              TOP + plotHeight - share * plotHeight));
    }
    if (!bars.isEmpty()) {
      svg.append("<polyline fill='none' stroke='var(--lumo-error-color)' stroke-width='2' points='")
          .append(line)
          .append("'/>");
      for (int pct = 0; pct <= 100; pct += 25) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x='%d' y='%.1f' font-size='12' fill='var(--lumo-error-text-color)'>%d%%</text>",
                WIDTH - RIGHT + 6,
                TOP + plotHeight - pct / 100.0 * plotHeight + 3,
                pct));
      }
    }
    return close(svg);
  }

  /** Plain columns in order (months), the value above each. */
  public static Html columns(String ariaLabel, List<Bar> bars, String id) {
    StringBuilder svg = open(ariaLabel, id);
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = bars.isEmpty() ? plotWidth : (double) plotWidth / bars.size();
    axes(svg, plotWidth, plotHeight);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double h = max == 0 ? 0 : bar.value() / max * plotHeight;
      double x = LEFT + i * slot + slot * 0.2;
      double y = TOP + plotHeight - h;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='var(--lumo-success-color)' rx='2'><title>%s: %s</title></rect>",
              x,
              y,
              slot * 0.6,
              h,
              escape(bar.label()),
              format(bar.value())));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%.1f' font-size='13' text-anchor='middle' fill='currentColor'>%s</text>",
              x + slot * 0.3,
              y - 3,
              format(bar.value())));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%d' font-size='13' text-anchor='middle' fill='currentColor'>%s</text>",
              x + slot * 0.3,
              TOP + plotHeight + 16,
              escape(bar.label())));
    }
    return close(svg);
  }

  /** A small line of values in order (a KPI's last months), the last point marked. */
  public static Html sparkline(String ariaLabel, List<Bar> points) {
    int width = 160;
    int height = 36;
    double min = points.stream().mapToDouble(Bar::value).min().orElse(0);
    double max = points.stream().mapToDouble(Bar::value).max().orElse(1);
    double span = max - min == 0 ? 1 : max - min;
    StringBuilder line = new StringBuilder();
    double x = 0;
    double y = 0;
    for (int i = 0; i < points.size(); i++) {
      x = 4 + i * (width - 8.0) / Math.max(1, points.size() - 1);
      y = 4 + (height - 8) * (1 - (points.get(i).value() - min) / span);
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    StringBuilder svg =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' role='img' aria-label='%s' viewBox='0 0 %d %d' width='%d' height='%d'>",
                escape(ariaLabel),
                width,
                height,
                width,
                height));
    svg.append("<polyline fill='none' stroke='var(--lumo-primary-color)' stroke-width='2' points='")
        .append(line)
        .append("'/>");
    svg.append(
        String.format(
            Locale.ROOT,
            "<circle cx='%.1f' cy='%.1f' r='3' fill='var(--lumo-primary-color)'/>",
            x,
            y));
    return close(svg);
  }

  private static StringBuilder open(String ariaLabel, String id) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' id='%s' role='img' aria-label='%s' viewBox='0 0 %d %d' "
                // a set width capped by the container: "width:100%" alone shrank to 300 px inside a
                // start-aligned layout
                + "style='width:%dpx;max-width:100%%;height:auto;flex-shrink:0;color:var(--lumo-body-text-color)'>",
            escape(id),
            escape(ariaLabel),
            WIDTH,
            HEIGHT,
            WIDTH));
  }

  private static void axes(StringBuilder svg, int plotWidth, int plotHeight) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='var(--lumo-contrast-30pct)'/>",
            LEFT,
            TOP + plotHeight,
            LEFT + plotWidth,
            TOP + plotHeight));
  }

  /**
   * Wrapped in a div: Flow creates {@link Html}'s root element with createElement (HTML namespace),
   * where an svg root would not draw; as inner HTML of a div the browser's parser puts it in SVG's.
   */
  private static Html close(StringBuilder svg) {
    return new Html("<div class='svg-chart'>" + svg.append("</svg>") + "</div>");
  }

  private static String format(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String shorten(String label) {
    return label.length() > 18 ? label.substring(0, 17) + "…" : label;
  }

  /** Escapes text for XML content and single-quoted attributes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\'' -> out.append("&#39;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
