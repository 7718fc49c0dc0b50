import * as echarts from "echarts/core";
import { chartOn, TEXT } from "../charts";
import { VOIVODESHIP_OUTLINES } from "./geography";

echarts.registerMap("voivodeships", VOIVODESHIP_OUTLINES as unknown as Parameters<typeof echarts.registerMap>[1]);

/** Sequential scales that read in greyscale and to colour-blind readers (ColorBrewer Blues and Oranges). */
const REGION_SCALE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
const SITE_SCALE = ["#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"];
/** A voivodeship with no figure: outside the three macroregions, or no site there reported. */
const NO_FIGURE = "#f2f2f2";
/** Hatching of a withheld figure, as the tables hatch a suppressed cell: a tile of diagonal stripes, repeated. */
function hatching(): { image: HTMLCanvasElement; repeat: "repeat" } {
  const tile = document.createElement("canvas");
  tile.width = tile.height = 8;
  const pen = tile.getContext("2d")!;
  pen.fillStyle = "#e3e3e3";
  pen.fillRect(0, 0, 8, 8);
  pen.strokeStyle = "#7a7a7a";
  pen.lineWidth = 1.5;
  pen.beginPath();
  for (const offset of [-8, 0, 8]) {
    pen.moveTo(offset, 8);
    pen.lineTo(offset + 8, 0);
  }
  pen.stroke();
  return { image: tile, repeat: "repeat" };
}
const HATCHED = hatching();

export interface MapRegion {
  teryt: string;
  /** The figure the colour stands for; null when withheld or absent. */
  value: number | null;
  suppressed: boolean;
  /** Printed on the voivodeship, above its dots: its name and the figure as the tables show it. */
  label: string;
  /** Where the label stands (longitude, latitude). */
  labelAt: [number, number];
  tooltip: string;
}

export interface MapSite {
  /** Where the dot is drawn (longitude, latitude). */
  position: [number, number];
  value: number | null;
  suppressed: boolean;
  tooltip: string;
}

export interface MapText {
  description: string;
  format: (value: number) => string;
  /** Titles of the two colour scales. */
  regionsScale: string;
  sitesScale: string;
}

/** Lets the page move a reader from voivodeship to voivodeship from the keyboard. */
export interface MapControl {
  show(teryt: string): void;
  hide(): void;
}

function range(values: (number | null)[]): { min: number; max: number } {
  const shown = values.filter((value): value is number => value !== null);
  const min = Math.min(...shown, Infinity);
  const max = Math.max(...shown, -Infinity);
  if (!Number.isFinite(min)) return { min: 0, max: 1 };
  return { min, max: max > min ? max : min + 1 };
}

function scale(title: string, seriesIndex: number, colours: string[], values: (number | null)[], format: (value: number) => string, side: "left" | "right") {
  const { min, max } = range(values);
  return {
    type: "continuous" as const,
    seriesIndex,
    dimension: seriesIndex === 1 ? 2 : undefined,
    min,
    max,
    inRange: { color: colours },
    calculable: false,
    orient: "horizontal" as const,
    itemWidth: 12,
    itemHeight: 120,
    [side]: 8,
    bottom: 8,
    text: [format(max), `${title}: ${format(min)}`],
    textStyle: TEXT,
    formatter: format,
  };
}

/**
 * Voivodeships coloured by the chosen indicator, pilot sites as dots coloured
 * on a scale of their own (a site's figure and a voivodeship's are not of one
 * size); withheld figures hatched, as in the tables.
 */
export function drawMap(element: HTMLElement, regions: MapRegion[], sites: MapSite[], { description, format, regionsScale, sitesScale }: MapText): MapControl {
  const chart = chartOn(element);
  // The chosen voivodeship is outlined like a focused control; a withheld one keeps its hatching.
  const styles = (chosen: string | null) =>
    regions
      .filter((region) => region.suppressed || region.teryt === chosen)
      .map((region) => ({
        name: region.teryt,
        itemStyle: {
          ...(region.suppressed ? { areaColor: HATCHED } : {}),
          ...(region.teryt === chosen ? { borderColor: "#b35c00", borderWidth: 3 } : {}),
        },
      }));
  const labels = new Map(regions.map((region) => [region.teryt, region.label]));
  chart.setOption(
    {
      animation: false,
      aria: { enabled: true, label: { description } },
      textStyle: TEXT,
      tooltip: {
        trigger: "item",
        confine: true,
        textStyle: { ...TEXT },
        borderColor: "#6b6b6b",
        formatter: (item: { data?: { tooltip?: string } }) => item.data?.tooltip ?? "",
      },
      visualMap: [
        scale(
          regionsScale,
          0,
          REGION_SCALE,
          regions.map((region) => region.value),
          format,
          "left",
        ),
        ...(sites.some((site) => site.value !== null)
          ? [
              scale(
                sitesScale,
                1,
                SITE_SCALE,
                sites.map((site) => site.value),
                format,
                "right",
              ),
            ]
          : []),
      ],
      geo: {
        map: "voivodeships",
        nameProperty: "teryt",
        roam: false,
        // Poland lies about 52° north: a degree of longitude is cos 52° ≈ 0.62 of a degree of latitude.
        aspectScale: 0.62,
        top: 8,
        bottom: 56,
        itemStyle: { areaColor: NO_FIGURE, borderColor: "#6b6b6b", borderWidth: 1 },
        // Hovered, a voivodeship keeps its colour (ECharts would paint it yellow) and is outlined.
        emphasis: { itemStyle: { areaColor: "inherit", borderColor: "#b35c00", borderWidth: 3 }, label: { show: false } },
        select: { disabled: true },
        // The labels are a series of their own, drawn over the sites' dots (a label of the map would be under them).
        label: { show: false },
        regions: styles(null),
      },
      series: [
        {
          type: "map",
          geoIndex: 0,
          // A withheld or absent figure takes no colour of the scale.
          data: regions.map((region) => ({
            name: region.teryt,
            value: region.suppressed || region.value === null ? NaN : region.value,
            tooltip: region.tooltip,
          })),
        },
        {
          type: "scatter",
          coordinateSystem: "geo",
          geoIndex: 0,
          symbolSize: sites.length > 300 ? 4 : sites.length > 60 ? 6 : 11,
          itemStyle: { borderColor: "#1a1a1a", borderWidth: 1, opacity: 1 },
          emphasis: { itemStyle: { borderColor: "#b35c00", borderWidth: 3 } },
          data: sites.map((site) => ({
            value: [...site.position, site.value ?? NaN],
            tooltip: site.tooltip,
            // Withheld: a hollow diamond, so the mark does not rest on colour alone; no figure: a small grey dot.
            ...(site.suppressed
              ? { symbol: "diamond", itemStyle: { color: "#fff", borderColor: "#3c3c3c", borderWidth: 1.5 } }
              : site.value === null
                ? { itemStyle: { color: "#c8c8c8" } }
                : {}),
          })),
        },
        {
          type: "scatter",
          coordinateSystem: "geo",
          geoIndex: 0,
          silent: true,
          z: 10,
          symbolSize: 0,
          itemStyle: { opacity: 1 },
          label: {
            show: true,
            position: "top",
            ...TEXT,
            fontSize: 11,
            lineHeight: 14,
            // On a plate, so a label stays legible over the dots and the darkest fill.
            backgroundColor: "rgba(255, 255, 255, 0.88)",
            padding: [1, 4],
            borderRadius: 3,
            formatter: ({ name }: { name: string }) => labels.get(name) ?? "",
          },
          data: regions.map((region) => ({ name: region.teryt, value: region.labelAt })),
        },
      ],
    },
    true,
  );
  return {
    show(teryt) {
      chart.setOption({ geo: { regions: styles(teryt) } });
      chart.dispatchAction({ type: "showTip", seriesIndex: 0, name: teryt });
    },
    hide() {
      chart.setOption({ geo: { regions: styles(null) } });
      chart.dispatchAction({ type: "hideTip" });
    },
  };
}
