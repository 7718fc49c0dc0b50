import { dataTable, figure, h, type Cell } from "../dom";
import { formatNumber, t, type Lang } from "../i18n";
import { drawMap, type MapControl } from "../map/map-chart";
import { sitePositions, VOIVODESHIP_SHAPES } from "../map/geography";
import { spokenList } from "../map/spoken";
import { placeholder, section, type Drawn } from "../page";
import { figureCell, originNote, protectionNote } from "../protection";
import { indicatorLabel, partnershipName, state } from "../state";

/** How many of a voivodeship's sites the live region reads out; the table beneath lists them all. */
const SPOKEN_SITES = 10;

/** The voivodeship the reader chose from the keyboard: kept across redraws, so the page redrawing does not lose the reader's place. */
let chosen: number | null = null;

/** What a list of sites' figures is computed from, as one figure's origin would say it. */
function originOf(figures: ({ origin?: string | null } | undefined)[]): string | undefined {
  const origins = new Set(figures.map((figure) => figure?.origin).filter(Boolean));
  if (origins.size === 0) return undefined;
  return origins.size === 1 ? [...origins][0]! : "MIXED";
}

const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The chosen indicator on a map of Poland: voivodeships and pilot sites
 * coloured by their figures, withheld figures hatched, synthetic ones marked,
 * with the same figures in a table and a reader's path through it by keyboard.
 */
export function map(lang: Lang): Drawn {
  const title = t(lang, "map");
  const data = state.data.map;
  if (!data) return { element: section("map", title, placeholder(lang)) };
  const name = indicatorLabel(lang, state.indicator);
  type Row = (typeof data.byVoivodeship.rows)[number];
  type Figure = (typeof data.sites)[string][number];
  const rows = new Map<string, Row>(data.byVoivodeship.rows.filter((row) => row.voivodeship).map((row) => [row.voivodeship!, row]));
  const owners = new Map<string, { key: string; name: string }>();
  for (const partnership of data.partnerships) for (const unit of partnership.voivodeships) owners.set(unit.teryt, { key: partnership.key, name: unit.name });
  // A site's voivodeship is the first two digits of its unit's TERYT code.
  const sitesIn = new Map<string, { name: string; partnership: string; figure: Figure | undefined }[]>();
  for (const partnership of data.partnerships) {
    const figures = new Map((data.sites[partnership.key] ?? []).map((site) => [site.siteId, site]));
    for (const site of partnership.pilotSites) {
      const list = sitesIn.get(site.teryt.slice(0, 2)) ?? [];
      list.push({ name: site.name, partnership: partnership.key, figure: figures.get(site.id) });
      sitesIn.set(site.teryt.slice(0, 2), list);
    }
  }
  for (const list of sitesIn.values()) list.sort((a, b) => a.name.localeCompare(b.name, "pl"));
  // While a region cannot answer, the voivodeships it works in are not known: none is said to be outside the three macroregions.
  const unowned = t(lang, (state.outcomes.map?.missing.size ?? 0) > 0 ? "mapUnknown" : "mapNone");
  const shown = (row: Row | Figure) => figureCell(lang, row.value, row).text;
  const regions = VOIVODESHIP_SHAPES.map((shape) => {
    const row = rows.get(shape.teryt);
    const owner = owners.get(shape.teryt);
    const label = owner?.name ?? row?.voivodeshipName ?? shape.name;
    const sites = sitesIn.get(shape.teryt) ?? [];
    const figureText = row ? shown(row) : "–";
    const siteFigures = sites.map((site) => `${site.name}: ${site.figure ? shown(site.figure) : "–"}`);
    const siteText = siteFigures.length > 0 ? siteFigures.join("; ") : t(lang, "mapNoSites");
    // Spoken when the reader arrives: at national size a voivodeship has hundreds of sites, which the table lists.
    const spoken =
      siteFigures.length > 0 ? spokenList(siteFigures, SPOKEN_SITES, (count) => t(lang, "mapMoreSites").replace("{count}", String(count))) : siteText;
    return {
      shape,
      row,
      label,
      owner,
      sites,
      figureText,
      siteText,
      description: `${label} (${shape.teryt}), ${owner ? partnershipName(owner.key) : unowned}: ${figureText}. ${t(lang, "mapSites")}: ${spoken}.`,
    };
  });
  const table = dataTable(
    `${name}: ${t(lang, "mapCaption")}`,
    [t(lang, "voivodeship"), t(lang, "partnership"), name, t(lang, "mapSites")],
    regions.map(({ shape, row, label, owner, sites, siteText }): Cell[] => [
      { text: `${label} (${shape.teryt})` },
      { text: owner ? partnershipName(owner.key) : unowned },
      figureCell(lang, row?.value, row),
      { text: siteText, origin: originOf(sites.map((site) => site.figure)) },
    ]),
    "map-table",
  );
  const chart = figure("map-figure", `${name}: ${t(lang, "mapCaption")}`, table, t(lang, "chartData"), true);
  chart.chart.classList.add("map");
  chart.chart.setAttribute("tabindex", "0");
  chart.chart.setAttribute("aria-describedby", "map-keys");
  const status = h(
    "p",
    { id: "map-chosen", class: "note map-chosen", role: "status" },
    chosen === null ? "" : `${t(lang, "mapChosen")}: ${regions[chosen]!.description}`,
  );
  const allFigures = [...regions.map((region) => region.row), ...regions.flatMap((region) => region.sites.map((site) => site.figure))];
  const element = section(
    "map",
    title,
    chart.element,
    status,
    h("p", { class: "note map-legend" }, t(lang, "mapLegend")),
    h("p", { class: "note", id: "map-keys" }, t(lang, "mapKeys")),
    protectionNote(lang, allFigures),
    originNote(lang, allFigures),
  );
  const draw = () => {
    const format = (value: number) => formatNumber(lang, value, Number.isInteger(value) ? 0 : 1);
    const control: MapControl = drawMap(
      chart.chart,
      regions.map(({ shape, row, label, owner, figureText, sites }) => ({
        teryt: shape.teryt,
        value: row && !row.suppressed ? (row.value ?? null) : null,
        suppressed: Boolean(row?.suppressed),
        label: row ? `${label}\n${figureText}` : label,
        labelAt: shape.centre,
        tooltip: [
          `<b>${escape(label)} (${shape.teryt})</b>`,
          escape(owner ? partnershipName(owner.key) : unowned),
          `${escape(name)}: ${escape(figureText)}`,
          sites.length > 0 ? `${sites.length} ${t(lang, "mapSiteCount")}` : t(lang, "mapNoSites"),
        ].join("<br>"),
      })),
      regions.flatMap(({ shape, label, sites }) => {
        const positions = sitePositions(shape, sites.length);
        return sites.map((site, index) => ({
          position: positions[index]!,
          value: site.figure && !site.figure.suppressed ? (site.figure.value ?? null) : null,
          suppressed: Boolean(site.figure?.suppressed),
          tooltip: [
            `<b>${escape(site.name)}</b>`,
            `${escape(partnershipName(site.partnership))}, ${escape(label)}`,
            `${escape(name)}: ${escape(site.figure ? shown(site.figure) : "–")}`,
          ].join("<br>"),
        }));
      }),
      {
        description: `${name}. ${regions
          .filter((region) => region.row)
          .map((region) => `${region.label}: ${region.figureText}`)
          .join("; ")}`,
        format,
        regionsScale: t(lang, "mapRegionsScale"),
        sitesScale: t(lang, "mapSitesScale"),
      },
    );
    const choose = (index: number | null) => {
      chosen = index;
      if (index === null) {
        control.hide();
        status.textContent = "";
        return;
      }
      control.show(regions[index]!.shape.teryt);
      status.textContent = `${t(lang, "mapChosen")}: ${regions[index]!.description}`;
    };
    chart.chart.addEventListener("keydown", (event) => {
      const last = regions.length - 1;
      const moves: Record<string, () => number | null> = {
        ArrowRight: () => (chosen === null ? 0 : Math.min(chosen + 1, last)),
        ArrowDown: () => (chosen === null ? 0 : Math.min(chosen + 1, last)),
        ArrowLeft: () => (chosen === null ? last : Math.max(chosen - 1, 0)),
        ArrowUp: () => (chosen === null ? last : Math.max(chosen - 1, 0)),
        Home: () => 0,
        End: () => last,
        Escape: () => null,
      };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      choose(move());
    });
    // The page redraws as answers arrive; coming back to the map, the reader finds the voivodeship they left.
    chart.chart.addEventListener("focus", () => {
      if (chosen !== null) control.show(regions[chosen]!.shape.teryt);
    });
  };
  return { element, draw };
}
