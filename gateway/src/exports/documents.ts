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
      ... on Partnership { id name } ... on PilotSite { id name } ... on CooperationBody { id name } ... on SupportActivity { id title }
      ... on Institution { id name } ... on OutcomeIndicator { id name } ... on IndicatorValue { id period value } } }
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
export function exportNotes(options: { what: string; exportedAt: Date; as: string; parameters: Record<string, unknown>; figures: Figure[]; indicators: IndicatorDefinition[]; extra?: [string, string][] }): Table {
  const used = new Set(options.figures.map((figure) => String(figure.indicator)));
  return notesTable([
    ["export", options.what],
    ["exported at", options.exportedAt.toISOString()],
    ["exported as", options.as],
    ["parameters", JSON.stringify(options.parameters)],
    ["source", "Kooperacja Hub: figures computed in each region's database and merged by the gateway; each record's provenance names its source page"],
    ["origin of the figures", `${originSummary(options.figures)} (${ORIGIN_NOTE})`],
    ["protection", "Figures about families are protected by the cell key method for everyone but their region's owner (docs/privacy.md): see the protection column"],
    ...(options.extra ?? []),
    ...options.indicators.filter((indicator) => used.has(indicator.code)).map((indicator): [string, string] => [`indicator ${indicator.code}`, `${indicator.name} (${indicator.unit}): ${indicator.definition}`]),
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
          ...new Set([...(comparison.snapshot ? [] : (comparison.liveRegionsMissing ?? [])), ...figuresOf(comparison).rows.flatMap((row) => (row.regionsMissing as string[] | undefined) ?? [])]),
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
      return rows.map((row) => ({ ...row, chapter: chapter.number, recommendation: `${chapter.number}.${recommendation.number}`, comparison: comparison.note, figures: source }));
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
    lines.push(`> Figures whose origin is **SYNTHETIC** or **MIXED** are computed from synthetic demo records: they are not real observations (${ORIGIN_NOTE}).`, "");
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
        lines.push(mdTable(comparisonTable(rows)), "");
      }
    }
  }
  return lines.join("\n");
}

/** A cited regional record by its name (or what identifies it), for readers of an export. */
function targetName(target: (Record<string, unknown> & { __typename: string }) | null): string {
  if (!target) return "A regional record not shown to this reader";
  const name = target.name ?? target.title ?? (target.period !== undefined ? `${target.period}: ${target.value}` : target.id);
  return `${target.__typename} ${String(name ?? "")}`.trim();
}
