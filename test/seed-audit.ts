import { tryDecodeGlobalId } from "@kooperacja/contract";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { graphql } from "./helpers";

/**
 * The seed audit: seeds/audit.yaml maps the sentences of the five source
 * pages to the fields that carry them, and this checks the table against
 * the pages (every quote is on its page) and against a running hub (every
 * value, and the page each field cites), both ways: a field the hub cites
 * to a page must be in the table under that page.
 */

export const SEEDS = join(__dirname, "..", "seeds");

/** A stored field's expected value: equal, or containing a text (or an item). */
type Expectation = unknown;

export interface AuditTable {
  pages: Record<string, string>;
  facts: { page: string; quote: string; stored: Record<string, Record<string, Expectation>> }[];
  /** `from` may be left out for a rule over every record of a type (`Institution/*`): each cites its own page. */
  reasoned: { record: string; field: string; kind: "DERIVED" | "INFERRED"; value?: Expectation; from?: string[]; because: string }[];
  omitted: { page: string; quote: string; record: string; reason: string; absent: string }[];
  notStored: { page: string; quote: string; why: string }[];
}

/** Where the hub says one field comes from. */
export interface Citation {
  kind: string;
  pages: string[];
  note: string | null;
}

/** One record as the public reads it: its facts and, field by field, where each comes from. */
export interface AuditedRecord {
  values: Record<string, unknown>;
  citations: Record<string, Citation>;
  omissions: { what: string; reason: string; page: string | null }[];
}

export interface AuditReport {
  audited: number;
  correct: number;
  /** Table says page P states it; the hub does not cite P for that field. */
  wrongPage: string[];
  wrongValue: string[];
  /** A quote of the table that is not on its page. */
  notOnPage: string[];
  /** The hub cites a page (or a reasoning) for a field the table does not list there. */
  notInTable: string[];
  missingOmission: string[];
}

export function loadAuditTable(): AuditTable {
  return parse(readFileSync(join(SEEDS, "audit.yaml"), "utf8")) as AuditTable;
}

/** The text of each page, whitespace folded (the pages wrap and double-space freely). */
export function loadPages(table: AuditTable): Record<string, string> {
  return Object.fromEntries(Object.entries(table.pages).map(([code, file]) => [code, fold(readFileSync(join(SEEDS, file), "utf8"))]));
}

const fold = (text: string) => text.replace(/\s+/g, " ").trim();

/** Fields that identify a record rather than state a fact about it. */
// Keys, versions, and counts of related records (each of which carries its own provenance): not facts a page states.
const NOT_FACTS = new Set(["id", "version", "key", "code", "fileName", "teryt", "pilotSiteCount", "cooperationBodyCount"]);

/** Reads every public-fact record through the gateway, as the public, with every scalar field the schema has. */
export async function readPublicFacts(gatewayUrl: string): Promise<Map<string, AuditedRecord>> {
  const types = await introspect(gatewayUrl);
  const scalars = (typeName: string): string => {
    const fields = types.get(typeName)!;
    return fields
      .map(({ name, type }) => {
        const named = types.get(type);
        if (!named) return name;
        // A value object (Money): all its fields, when all of them are scalars.
        return named.every((field) => !types.has(field.type)) ? `${name} { ${named.map((field) => field.name).join(" ")} }` : null;
      })
      .filter(Boolean)
      .join(" ");
  };
  const source = `source { ${scalars("Source")} }`;
  const provenance = `provenance { kind note ${source} fields { field kind note sources { code } } omissions { what reason source { code } } }`;
  const record = (typeName: string, nested = "") => `{ __typename ${scalars(typeName)} ${provenance} ${nested} }`;
  // One query per partnership and kind of record: all in one would go over the gateway's cost limit for nested lists.
  const kinds = [
    record("Partnership"),
    `{ members ${record("PartnershipMember")} }`,
    `{ members { institution ${record("Institution")} } }`,
    `{ leadPartner { claims ${record("LeadPartnerClaim")} } }`,
    `{ structures ${record("ModelStructure")} }`,
    `{ pilotSites ${record("PilotSite")} }`,
    `{ cooperationBodies ${record("CooperationBody")} }`,
    `{ cooperationBodies { members ${record("BodyMember")} } }`,
  ];
  const answers: unknown[] = [];
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const result = await graphql(gatewayUrl, query, variables);
    if (result.errors) throw new Error(`reading the public facts: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
  for (const { id } of (await ask("{ partnerships { id } }")).partnerships) {
    for (const selection of kinds) answers.push(await ask(`query ($id: ID!) { partnership(id: $id) ${selection} }`, { id }));
  }

  const records = new Map<string, AuditedRecord>();
  const visit = (row: Record<string, any>) => {
    const decoded = tryDecodeGlobalId(row.id);
    if (!decoded) throw new Error(`not a hub ID: ${row.id}`);
    const fieldsOfType = new Set(types.get(row.__typename)!.map((field) => field.name));
    const values: Record<string, unknown> = {};
    const citations: Record<string, Citation> = {};
    const recordCitation: Citation = { kind: row.provenance.kind, pages: row.provenance.source ? [row.provenance.source.code] : [], note: row.provenance.note };
    for (const [name, value] of Object.entries(row)) {
      if (!fieldsOfType.has(name) || NOT_FACTS.has(name) || value === null || (typeof value === "object" && !Array.isArray(value) && !isValueObject(value)))
        continue;
      if (Array.isArray(value) && (value.length === 0 || typeof value[0] === "object")) continue;
      values[name] = value;
      const claim = row.provenance.fields.find((field: { field: string }) => field.field === name);
      citations[name] = claim ? { kind: claim.kind, pages: claim.sources.map((page: { code: string }) => page.code), note: claim.note } : recordCitation;
    }
    records.set(`${row.__typename}/${decoded.localId}`, {
      values,
      citations,
      omissions: row.provenance.omissions.map((omission: { what: string; reason: string; source: { code: string } | null }) => ({
        what: omission.what,
        reason: omission.reason,
        page: omission.source?.code ?? null,
      })),
    });
    // A page is a record of its own: its title and publisher are cited to itself.
    for (const page of [row.provenance.source, ...row.provenance.fields.flatMap((field: { sources: unknown[] }) => field.sources)]) {
      if (!page?.title) continue;
      const pageValues = Object.fromEntries(Object.entries(page).filter(([name, value]) => !NOT_FACTS.has(name) && value !== null));
      records.set(`Source/${page.code}`, {
        values: pageValues,
        citations: Object.fromEntries(Object.keys(pageValues).map((name) => [name, { kind: "SOURCE_PAGE", pages: [page.code], note: null }])),
        omissions: [],
      });
    }
  };
  // Every object with an ID and a provenance, however deep in the answer, is a record.
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      if ("id" in value && "provenance" in value) visit(value as Record<string, any>);
      else Object.values(value).forEach(walk);
    }
  };
  answers.forEach(walk);
  return records;
}

function isValueObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && "amount" in value;
}

async function introspect(gatewayUrl: string): Promise<Map<string, { name: string; type: string }[]>> {
  const result = await graphql(
    gatewayUrl,
    `
      {
        __schema {
          types {
            name
            kind
            fields {
              name
              type {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                    ofType {
                      kind
                      name
                    }
                  }
                }
              }
            }
          }
        }
      }
    `,
  );
  // Object types only, so `types.has(field.type)` tells an object from a scalar or an enum.
  const objects = new Map<string, { name: string; type: string }[]>();
  const named = (type: any): { kind: string; name: string } => (type.ofType ? named(type.ofType) : type);
  for (const type of result.data.__schema.types) {
    if (type.kind !== "OBJECT" || type.name.startsWith("__")) continue;
    objects.set(
      type.name,
      type.fields.map((field: any) => ({ name: field.name, type: named(field.type).name })),
    );
  }
  return objects;
}

/** Checks the table against the pages and the hub's records. */
export function audit(table: AuditTable, pages: Record<string, string>, records: Map<string, AuditedRecord>): AuditReport {
  const report: AuditReport = { audited: 0, correct: 0, wrongPage: [], wrongValue: [], notOnPage: [], notInTable: [], missingOmission: [] };
  const onPage = (page: string, quote: string) => pages[page]?.includes(fold(quote)) ?? false;
  const listed = new Set<string>();

  for (const fact of table.facts) {
    if (!onPage(fact.page, fact.quote)) report.notOnPage.push(`page ${fact.page}: "${fact.quote}"`);
    for (const [recordKey, fields] of Object.entries(fact.stored)) {
      for (const [field, expected] of Object.entries(fields)) {
        report.audited += 1;
        listed.add(`${recordKey}.${field}@${fact.page}`);
        const what = `${recordKey}.${field} (page ${fact.page}: "${fact.quote}")`;
        const record = records.get(recordKey);
        const citation = record?.citations[field];
        if (!record || !citation) {
          report.wrongValue.push(`${what}: the hub has no such field`);
          continue;
        }
        let correct = true;
        if (!matches(record.values[field], expected)) {
          report.wrongValue.push(`${what}: the hub has ${JSON.stringify(record.values[field])}, the table expects ${JSON.stringify(expected)}`);
          correct = false;
        }
        if (citation.kind !== "SOURCE_PAGE" || !citation.pages.includes(fact.page)) {
          report.wrongPage.push(`${what}: the hub cites ${citation.kind} ${citation.pages.join(", ") || "no page"}`);
          correct = false;
        }
        if (correct) report.correct += 1;
      }
    }
  }

  for (const reasoned of table.reasoned) {
    for (const [recordKey, record] of matching(records, reasoned.record)) {
      report.audited += 1;
      const citation = record.citations[reasoned.field];
      const what = `${recordKey}.${reasoned.field} (${reasoned.kind})`;
      listed.add(`${recordKey}.${reasoned.field}@${reasoned.kind}`);
      if (
        !citation ||
        citation.kind !== reasoned.kind ||
        (reasoned.from ? !sameSet(citation.pages, reasoned.from) : citation.pages.length === 0) ||
        !citation.note?.includes(reasoned.because)
      ) {
        report.wrongPage.push(
          `${what}: the hub says ${JSON.stringify(citation)}, the table ${JSON.stringify({ from: reasoned.from, because: reasoned.because })}`,
        );
      } else if (reasoned.value !== undefined && !matches(record.values[reasoned.field], reasoned.value)) {
        report.wrongValue.push(`${what}: the hub has ${JSON.stringify(record.values[reasoned.field])}, the table expects ${JSON.stringify(reasoned.value)}`);
      } else report.correct += 1;
    }
  }

  const everything = JSON.stringify([...records.values()].map((record) => record.values));
  for (const omission of table.omitted) {
    report.audited += 1;
    if (!onPage(omission.page, omission.quote)) report.notOnPage.push(`page ${omission.page}: "${omission.quote}"`);
    const record = records.get(omission.record);
    const recorded = record?.omissions.some((candidate) => candidate.reason === omission.reason && candidate.page === omission.page);
    if (!recorded) report.missingOmission.push(`${omission.record}: no ${omission.reason} omission citing page ${omission.page}`);
    else if (everything.includes(omission.absent)) report.wrongValue.push(`${omission.record}: "${omission.absent}" is left out, yet the hub shows it`);
    else report.correct += 1;
  }
  for (const skipped of table.notStored) {
    if (!onPage(skipped.page, skipped.quote)) report.notOnPage.push(`page ${skipped.page}: "${skipped.quote}"`);
  }

  // The reverse: every page (or reasoning) the hub cites for a field is in the table.
  for (const [recordKey, record] of records) {
    for (const [field, citation] of Object.entries(record.citations)) {
      if (citation.kind === "SOURCE_PAGE") {
        for (const page of citation.pages) {
          if (!listed.has(`${recordKey}.${field}@${page}`)) report.notInTable.push(`${recordKey}.${field} cites page ${page}`);
        }
      } else if (citation.kind === "DERIVED" || citation.kind === "INFERRED") {
        if (!listed.has(`${recordKey}.${field}@${citation.kind}`)) report.notInTable.push(`${recordKey}.${field} is ${citation.kind}`);
      }
    }
  }
  return report;
}

/** Records the table names: one key, or every record of a type (`Institution/*`). */
function matching(records: Map<string, AuditedRecord>, pattern: string): [string, AuditedRecord][] {
  if (!pattern.endsWith("/*")) return records.has(pattern) ? [[pattern, records.get(pattern)!]] : [[pattern, { values: {}, citations: {}, omissions: [] }]];
  const prefix = pattern.slice(0, -1);
  return [...records].filter(([key]) => key.startsWith(prefix));
}

function matches(actual: unknown, expected: Expectation): boolean {
  if (expected && typeof expected === "object" && !Array.isArray(expected) && "contains" in expected) {
    const part = (expected as { contains: unknown }).contains;
    if (typeof actual === "string") return actual.includes(String(part));
    return Array.isArray(actual) && actual.includes(part);
  }
  if (expected && typeof expected === "object" && !Array.isArray(expected)) {
    return !!actual && typeof actual === "object" && Object.entries(expected).every(([key, value]) => matches((actual as Record<string, unknown>)[key], value));
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
