import { mdTable, mdText } from "./formats";
import { FIGURE_COLUMNS, FIGURE_SELECTION, notesTable, originSummary, tableOf, type Column, type Table } from "./tables";

/** The comparison an export runs: the arguments of `compare`. */
export interface ComparisonRequest {
  indicators: string[];
  by: string[];
  grain: string;
  filter: Record<string, unknown> | null;
}

export const COMPARISON_QUERY = `query ExportComparison($indicators: [String!]!, $by: [CompareDimension!]!, $grain: PeriodGrain!, $filter: CompareFilter) {
  compare(indicators: $indicators, by: $by, grain: $grain, filter: $filter) { rows { ${FIGURE_SELECTION} } }
  indicators { code name unit definition }
}`;

const CHAPTER_FIELDS = `id number title summary demo
  recommendations {
    id number title text demo status targetMunicipalityKinds targetSectors adoptedAt
    evidence { note target { __typename
      ... on Partnership { id name macroregion }
      ... on PilotSite { id name partnership { name } }
      ... on CooperationBody { id name site { name } partnership { name } }
      ... on SupportActivity { id title heldOn site { name partnership { name } } }
      ... on Institution { id name }
      ... on OutcomeIndicator { id name unit }
      ... on IndicatorValue { id period value indicator { name unit } valueSite: site { name partnership { name } } } } }
    comparisons { id note indicators by grain differsFromSnapshot liveRegionsMissing snapshot { takenAt rows { ${FIGURE_SELECTION} } } live { ${FIGURE_SELECTION} } }
  }`;

export const CHAPTER_QUERY = `query ExportChapter($id: ID!) { bookChapter(id: $id) { ${CHAPTER_FIELDS} } }`;
export const BOOK_QUERY = `query ExportBook { bookChapters { ${CHAPTER_FIELDS} } }`;

type Figure = Record<string, unknown>;

interface SavedComparison {
  id: string;
  note: string;
  indicators: string[];
  by: string[];
  grain: string;
  differsFromSnapshot: boolean | null;
  snapshot: { takenAt: string; rows: Figure[] } | null;
  live: Figure[] | null;
  liveRegionsMissing: string[] | null;
}

interface Recommendation {
  id: string;
  number: number;
  title: string;
  text: string;
  status: string;
  targetMunicipalityKinds: string[];
  targetSectors: string[];
  adoptedAt: string | null;
  /** Seeded so the hub has something to show: not the real book. */
  demo: boolean;
  evidence: { note: string; target: (Record<string, unknown> & { __typename: string }) | null }[];
  comparisons: SavedComparison[];
}

export interface Chapter {
  id: string;
  number: number;
  title: string;
  summary: string;
  demo: boolean;
  recommendations: Recommendation[];
}

/** The catalogue entry of an indicator, as the notes of an export quote it. */
export interface IndicatorDefinition {
  code: string;
  name: string;
  unit: string;
  definition: string;
}

const DEMO_MARK = "DEMO: a seeded example, not the real book";
const ORIGIN_NOTE = "OBSERVED: real records only; SYNTHETIC: synthetic demo records only, not a real observation; MIXED: some of each";

/** The notes sheet of an export: what it is, when, from where, what its figures are computed from, and what its indicators mean. */
export function exportNotes(options: {
  what: string;
  exportedAt: Date;
  as: string;
  parameters: Record<string, unknown>;
  figures: Figure[];
  indicators: IndicatorDefinition[];
  extra?: [string, string][];
}): Table {
  const used = new Set(options.figures.map((figure) => String(figure.indicator)));
  return notesTable([
    ["export", options.what],
    ["exported at", options.exportedAt.toISOString()],
    ["exported as", options.as],
    ["parameters", JSON.stringify(options.parameters)],
    ["source", "Kooperacja Hub: figures computed in each region's database and merged by the gateway; each record's provenance names its source page"],
    ["origin of the figures", `${originSummary(options.figures)} (${ORIGIN_NOTE})`],
    [
      "protection",
      "Figures about families are protected by the cell key method for everyone but their region's owner (docs/privacy.md): see the protection column",
    ],
    ...(options.extra ?? []),
    ...options.indicators
      .filter((indicator) => used.has(indicator.code))
      .map((indicator): [string, string] => [`indicator ${indicator.code}`, `${indicator.name} (${indicator.unit}): ${indicator.definition}`]),
  ]);
}

/**
 * Why the chapters' figures cannot be exported whole, if they cannot: a
 * comparison not yet adopted whose figures the hub could not give, or
 * figures a region is missing from.
 */
export function incompleteFigures(chapters: Chapter[]): string | undefined {
  for (const chapter of chapters) {
    for (const recommendation of chapter.recommendations) {
      for (const comparison of recommendation.comparisons) {
        const where = `recommendation ${chapter.number}.${recommendation.number} (${comparison.note})`;
        if (!comparison.snapshot && !comparison.live) return `The figures of ${where} could not be computed now.`;
        const missing = [
          ...new Set([
            ...(comparison.snapshot ? [] : (comparison.liveRegionsMissing ?? [])),
            ...figuresOf(comparison).rows.flatMap((row) => (row.regionsMissing as string[] | undefined) ?? []),
          ]),
        ];
        if (missing.length > 0) return `The figures of ${where} miss region(s) ${missing.join(", ")}.`;
      }
    }
  }
  return undefined;
}

/** The figures a recommendation stands on: as adopted once it is, as the hub gives them today before that. */
function figuresOf(comparison: SavedComparison): { source: string; rows: Figure[] } {
  if (comparison.snapshot) return { source: `adopted ${comparison.snapshot.takenAt}`, rows: comparison.snapshot.rows };
  return { source: "live", rows: comparison.live ?? [] };
}

export function comparisonTable(rows: Figure[]): Table {
  return tableOf("Comparison", FIGURE_COLUMNS, rows);
}

const RECOMMENDATION_COLUMNS: Column[] = [
  { key: "chapter", label: "chapter" },
  { key: "number", label: "number" },
  { key: "title", label: "title" },
  { key: "status", label: "status" },
  { key: "demo", label: "demo" },
  { key: "targetMunicipalityKinds", label: "targetMunicipalityKinds" },
  { key: "targetSectors", label: "targetSectors" },
  { key: "text", label: "text" },
  { key: "evidence", label: "evidence" },
];

const FIGURE_SOURCE_COLUMNS: Column[] = [
  { key: "chapter", label: "chapter" },
  { key: "recommendation", label: "recommendation" },
  { key: "comparison", label: "comparison" },
  { key: "figures", label: "figures" },
  ...FIGURE_COLUMNS,
];

/** A chapter as tables: its recommendations, and every figure its saved comparisons stand on (one tidy table). */
export function chapterTables(chapter: Chapter): Table[] {
  const recommendations = chapter.recommendations.map((recommendation) => ({
    ...recommendation,
    chapter: chapter.number,
    evidence: recommendation.evidence.map((link) => `${targetName(link.target)}: ${link.note}`).join("; "),
  }));
  const figures = chapter.recommendations.flatMap((recommendation) =>
    recommendation.comparisons.flatMap((comparison) => {
      const { source, rows } = figuresOf(comparison);
      return rows.map((row) => ({
        ...row,
        chapter: chapter.number,
        recommendation: `${chapter.number}.${recommendation.number}`,
        comparison: comparison.note,
        figures: source,
      }));
    }),
  );
  return [tableOf("Recommendations", RECOMMENDATION_COLUMNS, recommendations), tableOf("Figures", FIGURE_SOURCE_COLUMNS, figures)];
}

/** Every figure a chapter's saved comparisons show, for the notes. */
export function chapterFigures(chapter: Chapter): Figure[] {
  return chapter.recommendations.flatMap((recommendation) => recommendation.comparisons.flatMap((comparison) => figuresOf(comparison).rows));
}

/** The book as one Markdown document, chapter by chapter, with each recommendation's evidence and its figures as tables. */
export function bookMarkdown(chapters: Chapter[], generatedAt: Date): string {
  const lines: string[] = ["# Księga rekomendacyjna — national recommendation book", "", `Exported from Kooperacja Hub on ${generatedAt.toISOString()}.`, ""];
  const demo = chapters.some((chapter) => chapter.demo || chapter.recommendations.some((recommendation) => recommendation.demo));
  const figures = chapters.flatMap(chapterFigures);
  if (demo) lines.push(`> Chapters and recommendations marked **${DEMO_MARK}** are demo content seeded so the hub has something to show.`, "");
  if (figures.some((figure) => figure.origin === "SYNTHETIC" || figure.origin === "MIXED")) {
    lines.push(`> Figures marked **†** are computed from synthetic demo records, in whole or in part: they are not real observations (${ORIGIN_NOTE}).`, "");
  }
  if (figures.some((figure) => figure.protection === "PERTURBED" || figure.suppressed)) {
    lines.push(
      "> Figures about families are protected for privacy: **≈** marks a figure moved by a little noise (a multiple of 3); **suppressed**, a group too small to show.",
      "",
    );
  }
  for (const chapter of chapters) {
    lines.push(`## ${chapter.number}. ${mdText(chapter.title)}${chapter.demo ? ` — ${DEMO_MARK}` : ""}`, "", mdText(chapter.summary), "");
    for (const recommendation of chapter.recommendations) {
      lines.push(`### ${chapter.number}.${recommendation.number} ${mdText(recommendation.title)}${recommendation.demo ? ` — ${DEMO_MARK}` : ""}`, "");
      const targets = [
        `Status: **${recommendation.status}**${recommendation.adoptedAt ? ` (adopted ${recommendation.adoptedAt})` : ""}`,
        `For gminas: ${recommendation.targetMunicipalityKinds.length > 0 ? recommendation.targetMunicipalityKinds.join(", ") : "all kinds"}`,
        `For sectors: ${recommendation.targetSectors.length > 0 ? recommendation.targetSectors.join(", ") : "all"}`,
      ];
      lines.push(targets.join(" · "), "", mdText(recommendation.text), "");
      if (recommendation.evidence.length > 0) {
        lines.push("Evidence:", "");
        for (const link of recommendation.evidence) lines.push(`- ${mdText(targetName(link.target))}: ${mdText(link.note)}`);
        lines.push("");
      }
      for (const comparison of recommendation.comparisons) {
        const { source, rows } = figuresOf(comparison);
        const grouping = comparison.by.length > 0 ? ` by ${comparison.by.join(", ")}${comparison.by.includes("PERIOD") ? ` (${comparison.grain})` : ""}` : "";
        lines.push(`**${mdText(comparison.note)}** — ${comparison.indicators.join(", ")}${grouping}; figures ${source}; origin: ${originSummary(rows)}.`, "");
        if (comparison.differsFromSnapshot) lines.push("> The figures the hub gives today differ from these adopted ones.", "");
        lines.push(mdTable(readableFigures(rows)), "");
      }
    }
  }
  return lines.join("\n");
}

/** A cited regional record in words, for readers of an export: what it is, where, when, and whose. */
export function targetName(target: (Record<string, unknown> & { __typename: string }) | null): string {
  if (!target) return "A regional record this reader may not see (it needs a token)";
  const name = (value: unknown) => (value && typeof value === "object" && "name" in value ? String((value as { name: unknown }).name) : undefined);
  const region = (value: unknown) => name((value as { partnership?: unknown } | undefined)?.partnership);
  const at = (site: unknown) => (name(site) ? ` at ${name(site)}${region(site) ? ` (${region(site)})` : ""}` : "");
  switch (target.__typename) {
    case "Partnership":
      return `Partnership ${String(target.name)} (macroregion ${String(target.macroregion)})`;
    case "PilotSite":
      return `Pilot site ${String(target.name)}${region(target) ? ` (${region(target)})` : ""}`;
    case "CooperationBody":
      return `Cooperation body ${String(target.name)}${at(target.site) || (region(target) ? ` (${region(target)})` : "")}`;
    case "SupportActivity":
      return `Support activity "${String(target.title)}", ${String(target.heldOn)}${at(target.site)}`;
    case "Institution":
      return `Institution ${String(target.name)}`;
    case "OutcomeIndicator":
      return `Indicator ${String(target.name)} (${String(target.unit)})`;
    case "IndicatorValue": {
      const indicator = target.indicator as { name: string; unit: string } | undefined;
      // `valueSite`: a value's site is never null, a body's or an activity's may be, so one selection cannot name both `site`.
      return `${indicator?.name ?? "An indicator"}${at(target.valueSite)}, ${String(target.period)}: ${formatFigure(target.value as number)} ${indicator?.unit ?? ""}`.trim();
    }
    default:
      return `${target.__typename} ${String(target.name ?? target.title ?? target.id ?? "")}`.trim();
  }
}

/** A figure for a reader: at most two decimals, digits grouped. */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(value);
}

/** The dimensions a figure can be grouped by, as a reader names them. */
const GROUP_COLUMNS: [key: string, label: string][] = [
  ["partnership", "partnership"],
  ["voivodeshipName", "voivodeship"],
  ["municipalityKind", "kind of gmina"],
  ["sector", "sector"],
  ["period", "period"],
];

/**
 * A comparison's figures as a reader of the book wants them: one column per
 * dimension the comparison has (none that is empty in every row), the value
 * with its unit, rounded, "≈" when protected, "suppressed" when withheld, and
 * "†" when computed from synthetic records.
 */
export function readableFigures(rows: Figure[]): Table {
  const present = GROUP_COLUMNS.filter(([key]) => rows.some((row) => row[key] !== null && row[key] !== undefined && row[key] !== ""));
  const indicators = new Set(rows.map((row) => row.indicator));
  const shown = (row: Figure, key: "value" | "mean") => {
    if (row.suppressed) return "suppressed";
    const figure = formatFigure(row[key] as number | null);
    if (!figure) return "";
    return `${row.protection === "PERTURBED" ? "≈ " : ""}${figure}${row.origin === "SYNTHETIC" || row.origin === "MIXED" ? " †" : ""}`;
  };
  const columns: Column[] = [
    ...(indicators.size > 1 ? [{ key: "indicator", label: "indicator" }] : []),
    ...present.map(([key, label]) => ({ key, label })),
    { key: "value", label: "value" },
    { key: "unit", label: "unit" },
    ...(rows.some((row) => row.mean !== null && row.mean !== undefined && row.aggregation !== "MEAN") ? [{ key: "mean", label: "mean" }] : []),
    ...(rows.some((row) => row.families !== null && row.families !== undefined) ? [{ key: "families", label: "families" }] : []),
  ];
  return {
    title: "Figures",
    columns,
    rows: rows.map((row) =>
      columns.map((column) => {
        if (column.key === "value" || column.key === "mean") return shown(row, column.key);
        if (column.key === "families") return row.suppressed ? "" : formatFigure(row.families as number | null);
        if (column.key === "voivodeshipName") return row.voivodeshipName ? `${String(row.voivodeshipName)} (${String(row.voivodeship)})` : "—";
        return row[column.key] === null || row[column.key] === undefined ? "—" : String(row[column.key]);
      }),
    ),
  };
}
