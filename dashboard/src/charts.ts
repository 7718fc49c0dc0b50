import { BarChart, LineChart, MapChart, ScatterChart } from "echarts/charts";
import { AriaComponent, GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only what the page draws; SVG, so the figures are text a screen reader, a search and a test can find.
echarts.use([
  BarChart,
  LineChart,
  MapChart,
  ScatterChart,
  GeoComponent,
  VisualMapComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  MarkLineComponent,
  SVGRenderer,
]);

/** Partnership colours, each at least 4.5:1 against white. */
export const PARTNERSHIP_COLOURS: Record<string, string> = { liderzy: "#1f5fa8", kooperacja: "#9c2f6b", kooperacje3d: "#2a6e3f" };
const FALLBACK_COLOURS = ["#1f5fa8", "#9c2f6b", "#2a6e3f", "#7a4b00"];

export interface BarSeries {
  name: string;
  values: (number | null)[];
  /** The label printed on each bar (the formatted figure, or "suppressed"). */
  labels: string[];
  colour?: string;
}

const charts = new Map<HTMLElement, echarts.ECharts>();

export function chartOn(element: HTMLElement): echarts.ECharts {
  let chart = charts.get(element);
  if (!chart) {
    chart = echarts.init(element, undefined, { renderer: "svg" });
    charts.set(element, chart);
  }
  return chart;
}

/** Before the page is drawn anew: the old charts' elements are gone. */
export function disposeCharts(): void {
  charts.forEach((chart) => chart.dispose());
  charts.clear();
}

window.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));

export const TEXT = { color: "#1a1a1a", fontSize: 13, fontFamily: "system-ui, sans-serif" };

export interface ChartText {
  /** What assistive technology reads for the whole chart. */
  description: string;
  /** Axis figures in the page's language. */
  format: (value: number) => string;
}

/** A horizontal bar chart, one group per category, each bar labelled with its figure. */
export function drawBars(element: HTMLElement, categories: string[], series: BarSeries[], { description, format }: ChartText): void {
  const categoryAxis = {
    type: "category" as const,
    inverse: true,
    data: categories,
    axisLabel: { ...TEXT, interval: 0, width: 170, overflow: "break" as const, lineHeight: 16 },
  };
  const valueAxis = { type: "value" as const, axisLabel: { ...TEXT, formatter: format } };
  const labelWidth = Math.max(...series.flatMap((one) => one.labels.map((label) => label.length)), 0) * 7 + 16;
  chartOn(element).setOption(
    {
      animation: false,
      aria: { enabled: true, label: { description } },
      textStyle: TEXT,
      tooltip: { trigger: "axis" },
      legend: series.length > 1 ? { top: 0, textStyle: TEXT } : undefined,
      // Room on the right for the longest bar's label.
      grid: { left: 8, right: labelWidth, top: series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
      xAxis: valueAxis,
      yAxis: categoryAxis,
      series: series.map((one, index) => ({
        type: "bar",
        name: one.name,
        itemStyle: { color: one.colour ?? FALLBACK_COLOURS[index % FALLBACK_COLOURS.length] },
        label: { show: true, position: "right", ...TEXT, formatter: ({ dataIndex }: { dataIndex: number }) => one.labels[dataIndex] ?? "" },
        // A suppressed or absent figure draws no bar, but keeps its label.
        data: one.values.map((value) => value ?? 0),
      })),
    },
    true,
  );
}

export interface LineSeries {
  name: string;
  values: (number | null)[];
  colour?: string;
  /** Periods whose figure is suppressed: marked on the chart with `gapLabel`. */
  gaps?: string[];
}

/** A line chart over periods; gaps (suppressed or unreported periods) break the line. */
export function drawLines(element: HTMLElement, periods: string[], series: LineSeries[], { description, format }: ChartText, gapLabel = ""): void {
  chartOn(element).setOption(
    {
      animation: false,
      aria: { enabled: true, label: { description } },
      textStyle: TEXT,
      tooltip: { trigger: "axis" },
      legend: { top: 0, textStyle: TEXT },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: periods, axisLabel: TEXT },
      yAxis: { type: "value", axisLabel: { ...TEXT, formatter: format } },
      series: series.map((one, index) => ({
        type: "line",
        name: one.name,
        connectNulls: false,
        symbolSize: 7,
        itemStyle: { color: one.colour ?? FALLBACK_COLOURS[index % FALLBACK_COLOURS.length] },
        lineStyle: { color: one.colour ?? FALLBACK_COLOURS[index % FALLBACK_COLOURS.length], width: 2 },
        data: one.values,
        // Each suppressed quarter marked where the line breaks, so a gap is not read as missing data.
        ...(one.gaps && one.gaps.length > 0
          ? {
              markLine: {
                symbol: "none",
                silent: true,
                lineStyle: { type: "dashed", color: one.colour ?? FALLBACK_COLOURS[index % FALLBACK_COLOURS.length], width: 1 },
                label: { formatter: gapLabel, position: "insideEndTop", ...TEXT },
                data: one.gaps.map((period) => ({ xAxis: period })),
              },
            }
          : {}),
      })),
    },
    true,
  );
}
