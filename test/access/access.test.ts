import { encodeBookId, encodeGlobalId, PARTNERSHIP_KEYS, tryDecodeGlobalId, type PartnershipKey } from "@kooperacja/contract";
import { authConfig, Role, TokenVerifier } from "@kooperacja/service-kit";
import { buildSchema } from "graphql";
import { SignJWT } from "jose";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, tokenFor, upload, type GraphQLResult, type TestHub } from "../helpers";
import { ARCHIVE, CREATE, UPDATE, WRITE_SAMPLES } from "../write-samples";

/**
 * The access matrix: every query and mutation of the supergraph, run as every
 * kind of caller, each cell asserted. A root field added to the schema
 * without a row here fails the first test.
 */
const CALLERS = ["public", "dashboard", "analyst", "owner:liderzy", "owner:kooperacja", "owner:kooperacje3d", "admin"] as const;
type Caller = (typeof CALLERS)[number];

/**
 * - ok: answered without errors;
 * - denied: FORBIDDEN or UNAUTHENTICATED, and no data for the field;
 * - own: answered, with rows of the caller's own partnership only (and some);
 * - adopted: answered, with adopted recommendations only;
 * - no-family-values: answered, with no value of an indicator about families.
 */
type Outcome = "ok" | "denied" | "own" | "adopted" | "no-family-values";

interface Case {
  name: string;
  /** The root fields the case covers. */
  fields: string[];
  query: string;
  variables?: () => Record<string, unknown>;
  /** When denied, the part of the answer that must be empty; by default the whole field is null. */
  refused?: (value: any) => boolean;
  /** Run before each caller's attempt: a write that changes state gets a fresh record to change. */
  prepare?: () => Promise<void>;
  /** Sent as a multipart request with this file as variable `file`. */
  upload?: () => { content: string; filename: string };
  /** The list of rows whose partnership "own" checks, from the data. */
  rows?: (data: any) => { id: string; indicator?: { code: string } }[];
  expect: Record<Caller, Outcome>;
}

const row = (...outcomes: Outcome[]): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((caller, index) => [caller, outcomes[index]!])) as Record<Caller, Outcome>;
const everyone = row("ok", "ok", "ok", "ok", "ok", "ok", "ok");
const analystOnly = row("denied", "denied", "ok", "denied", "denied", "denied", "denied");
const kooperacjaOwnerOnly = row("denied", "denied", "denied", "denied", "ok", "denied", "denied");
const FAMILY_INDICATORS = ["FAMILIES_SUPPORTED", "SOCIAL_CONTRACTS_CONCLUDED", "CONTRACT_GOALS_MET"];

const ids = {
  family: "",
  draft: "",
  adopted: "",
  review: "",
  evidence: "",
  comparison: "",
  site: encodeGlobalId("kooperacje3d", "PilotSite", "1012011"),
  institution: encodeGlobalId("kooperacja", "Institution", "umk-torun"),
  partnership: encodeGlobalId("liderzy", "Partnership", "liderzy"),
  unit: encodeGlobalId("liderzy", "TerritorialUnit", "2013102"),
  chapter: encodeBookId("BookChapter", "ch4"),
  /** Records of each writable type the matrix updates and archives. */
  writes: {} as Record<string, { updated: string; archived: string }>,
};
const edges = (connection: string) => (data: any) => data[connection].edges.map((edge: any) => edge.node);

const CASES: Case[] = [
  { name: "partnerships", fields: ["partnerships"], query: `{ partnerships { key totalValue { formatted } } }`, expect: everyone },
  {
    name: "partnership by ID",
    fields: ["partnership"],
    query: `query($id: ID!) { partnership(id: $id) { key } }`,
    variables: () => ({ id: ids.partnership }),
    expect: everyone,
  },
  { name: "pilot sites", fields: ["pilotSites"], query: `{ pilotSites { totalCount edges { node { name } } } }`, expect: everyone },
  {
    name: "pilot site by ID",
    fields: ["pilotSite"],
    query: `query($id: ID!) { pilotSite(id: $id) { name } }`,
    variables: () => ({ id: ids.site }),
    expect: everyone,
  },
  { name: "institutions", fields: ["institutions"], query: `{ institutions { totalCount } }`, expect: everyone },
  {
    name: "institution by ID",
    fields: ["institution"],
    query: `query($id: ID!) { institution(id: $id) { shortName } }`,
    variables: () => ({ id: ids.institution }),
    expect: everyone,
  },
  {
    name: "cooperation bodies",
    fields: ["cooperationBodies"],
    query: `{ cooperationBodies { name members { institution { shortName } } } }`,
    expect: everyone,
  },
  { name: "territorial units", fields: ["territorialUnits"], query: `{ territorialUnits(level: VOIVODESHIP) { name } }`, expect: everyone },
  {
    name: "territorial unit by ID",
    fields: ["territorialUnit"],
    query: `query($id: ID!) { territorialUnit(id: $id) { name } }`,
    variables: () => ({ id: ids.unit }),
    expect: everyone,
  },
  { name: "indicator catalogue", fields: ["indicators"], query: `{ indicators { code aboutFamilies } }`, expect: everyone },
  {
    name: "node: a pilot site",
    fields: ["node"],
    query: `query($id: ID!) { node(id: $id) { id ... on PilotSite { name } } }`,
    variables: () => ({ id: ids.site }),
    expect: everyone,
  },
  {
    name: "nodes: public records",
    fields: ["nodes"],
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
    variables: () => ({ ids: [ids.site, ids.institution] }),
    expect: everyone,
  },
  {
    name: "node: a family of kooperacja",
    fields: ["node"],
    query: `query($id: ID!) { node(id: $id) { id ... on SupportedFamily { code } } }`,
    variables: () => ({ id: ids.family }),
    expect: kooperacjaOwnerOnly,
  },
  {
    name: "nodes: a family of kooperacja",
    fields: ["nodes"],
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
    variables: () => ({ ids: [ids.site, ids.family] }),
    // The public site still comes back from its own region.
    refused: (value) => value[0]?.id === ids.site && value[1] === null,
    expect: kooperacjaOwnerOnly,
  },
  {
    name: "supported family by ID",
    fields: ["supportedFamily"],
    query: `query($id: ID!) { supportedFamily(id: $id) { code startedOn } }`,
    variables: () => ({ id: ids.family }),
    expect: kooperacjaOwnerOnly,
  },
  {
    name: "supported families",
    fields: ["supportedFamilies"],
    query: `{ supportedFamilies(first: 500) { totalCount edges { node { id code } } } }`,
    rows: edges("supportedFamilies"),
    expect: row("denied", "denied", "denied", "own", "own", "own", "denied"),
  },
  {
    name: "families through a pilot site",
    fields: ["pilotSites"],
    query: `{ pilotSites(first: 100) { edges { node { name families { id code } } } } }`,
    rows: (data) => data.pilotSites.edges.flatMap((edge: any) => edge.node.families),
    // The sites are public; only their families are refused.
    refused: (value) => value.edges.length > 0 && value.edges.every((edge: any) => edge.node.name && edge.node.families === null),
    expect: row("denied", "denied", "denied", "own", "own", "own", "denied"),
  },
  {
    name: "support activities",
    fields: ["supportActivities"],
    query: `{ supportActivities(first: 500) { edges { node { id title } } } }`,
    rows: edges("supportActivities"),
    expect: row("denied", "denied", "ok", "own", "own", "own", "denied"),
  },
  {
    name: "indicator values",
    fields: ["indicatorValues"],
    query: `{ indicatorValues(first: 500) { edges { node { id value indicator { code } } } } }`,
    rows: edges("indicatorValues"),
    expect: row("denied", "denied", "no-family-values", "own", "own", "own", "denied"),
  },
  {
    name: "indicator summary by partnership",
    fields: ["indicatorSummary"],
    query: `{ indicatorSummary(indicator: "FAMILIES_SUPPORTED", groupBy: [PARTNERSHIP]) { groups { partnership sum suppressed } } }`,
    expect: everyone,
  },
  {
    name: "indicator summary as a series (by PERIOD)",
    fields: ["indicatorSummary"],
    query: `{ indicatorSummary(indicator: "BODY_MEETINGS_HELD", groupBy: [PERIOD]) { groups { period sum } } }`,
    expect: row("denied", "ok", "ok", "ok", "ok", "ok", "ok"),
  },
  { name: "book chapters", fields: ["bookChapters"], query: `{ bookChapters { title } }`, expect: everyone },
  {
    name: "recommendations",
    fields: ["recommendations"],
    query: `{ recommendations { id status } }`,
    expect: row("adopted", "adopted", "ok", "adopted", "adopted", "adopted", "adopted"),
  },
  { name: "draft recommendations", fields: ["recommendations"], query: `{ recommendations(status: DRAFT) { id } }`, expect: analystOnly },
  {
    name: "a draft by ID",
    fields: ["recommendation"],
    query: `query($id: ID!) { recommendation(id: $id) { title } }`,
    variables: () => ({ id: ids.draft }),
    expect: analystOnly,
  },
  {
    name: "an adopted one by ID",
    fields: ["recommendation"],
    query: `query($id: ID!) { recommendation(id: $id) { title } }`,
    variables: () => ({ id: ids.adopted }),
    expect: everyone,
  },
  {
    name: "drafts through a partnership",
    fields: ["partnerships"],
    query: `{ partnerships { recommendations { id status } } }`,
    rows: undefined,
    expect: row("adopted", "adopted", "ok", "adopted", "adopted", "adopted", "adopted"),
  },
  {
    name: "create a recommendation",
    fields: ["createRecommendation"],
    query: `mutation($chapter: ID!) { createRecommendation(input: { chapterId: $chapter, title: "Matrix draft", text: "Written by the access matrix test." }) { id status } }`,
    variables: () => ({ chapter: ids.chapter }),
    expect: analystOnly,
  },
  {
    name: "update a recommendation",
    fields: ["updateRecommendation"],
    query: `mutation($id: ID!) { updateRecommendation(id: $id, changes: { text: "Changed by the access matrix test." }) { id } }`,
    variables: () => ({ id: ids.draft }),
    expect: analystOnly,
  },
  {
    name: "submit a recommendation for review",
    fields: ["submitRecommendation"],
    query: `mutation($id: ID!) { submitRecommendation(id: $id) { status } }`,
    prepare: async () => {
      ids.draft = await book.draft("Draft to submit");
    },
    variables: () => ({ id: ids.draft }),
    expect: analystOnly,
  },
  {
    name: "return a recommendation to draft",
    fields: ["returnRecommendation"],
    query: `mutation($id: ID!) { returnRecommendation(id: $id, reason: "Needs its evidence.") { status } }`,
    prepare: async () => {
      ids.review = await book.inReview("Draft to return");
    },
    variables: () => ({ id: ids.review }),
    expect: analystOnly,
  },
  {
    name: "adopt a recommendation",
    fields: ["adoptRecommendation"],
    query: `mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`,
    // Each run adopts a fresh one in review; only the analyst's attempt can succeed.
    prepare: async () => {
      ids.review = await book.inReview("Draft to adopt");
    },
    variables: () => ({ id: ids.review }),
    expect: analystOnly,
  },
  {
    name: "add regional evidence",
    fields: ["addEvidence"],
    query: `mutation($id: ID!, $target: ID!) { addEvidence(recommendationId: $id, targetId: $target, note: "Cited by the access matrix.") { id } }`,
    variables: () => ({ id: ids.draft, target: ids.site }),
    expect: analystOnly,
  },
  {
    name: "remove regional evidence",
    fields: ["removeEvidence"],
    query: `mutation($id: ID!) { removeEvidence(id: $id) }`,
    prepare: async () => {
      ids.evidence = await book.evidence(ids.draft);
    },
    variables: () => ({ id: ids.evidence }),
    expect: analystOnly,
  },
  {
    name: "add a comparison as evidence",
    fields: ["addComparisonEvidence"],
    query: `mutation($id: ID!) { addComparisonEvidence(recommendationId: $id, comparison: { note: "Cited by the access matrix.", indicators: ["WORKERS_COACHED"], by: ["PARTNERSHIP"] }) { id } }`,
    variables: () => ({ id: ids.draft }),
    expect: analystOnly,
  },
  {
    name: "remove a comparison from the evidence",
    fields: ["removeComparisonEvidence"],
    query: `mutation($id: ID!) { removeComparisonEvidence(id: $id) }`,
    prepare: async () => {
      ids.comparison = await book.comparison(ids.draft);
    },
    variables: () => ({ id: ids.comparison }),
    expect: analystOnly,
  },
  {
    name: "a chapter by ID",
    fields: ["bookChapter"],
    query: `query($id: ID!) { bookChapter(id: $id) { title } }`,
    variables: () => ({ id: ids.chapter }),
    expect: everyone,
  },
  {
    name: "create a chapter",
    fields: ["createChapter"],
    query: `mutation($number: Int!) { createChapter(input: { number: $number, title: "Matrix chapter", summary: "Written by the access matrix test." }) { id } }`,
    variables: () => ({ number: 100 + Math.floor(Math.random() * 800) }),
    expect: analystOnly,
  },
  {
    name: "update a chapter",
    fields: ["updateChapter"],
    query: `mutation($id: ID!) { updateChapter(id: $id, changes: { summary: "Changed by the access matrix test." }) { id } }`,
    variables: () => ({ id: ids.chapter }),
    expect: analystOnly,
  },
  {
    name: "compare by partnership",
    fields: ["compare"],
    query: `{ compare(indicators: ["FAMILIES_SUPPORTED", "WORKERS_COACHED"], by: [PARTNERSHIP]) { rows { partnership value suppressed } } }`,
    expect: everyone,
  },
  {
    name: "compare as a series (by PERIOD)",
    fields: ["compare"],
    query: `{ compare(indicators: ["WORKERS_COACHED"], by: [PERIOD], grain: YEAR) { rows { period value } } }`,
    expect: row("denied", "ok", "ok", "ok", "ok", "ok", "ok"),
  },
  {
    name: "rank a partnership's sites",
    fields: ["siteRanking"],
    query: `{ siteRanking(partnership: "kooperacje3d", indicator: "WORKERS_COACHED") { rank siteName value } }`,
    expect: everyone,
  },
  {
    name: "coverage of the evidence",
    fields: ["coverage"],
    query: `{ coverage(indicators: ["WORKERS_COACHED"]) { siteName periodsMissing } }`,
    expect: row("denied", "ok", "ok", "ok", "ok", "ok", "ok"),
  },
  {
    name: "coverage of the evidence, summed up",
    fields: ["coverageSummary"],
    query: `{ coverageSummary(indicators: ["WORKERS_COACHED"], worst: 3) { partnership sitesWithGaps worst { siteName periodsMissing } } }`,
    expect: row("denied", "ok", "ok", "ok", "ok", "ok", "ok"),
  },
  ...WRITE_SAMPLES.flatMap((sample): Case[] => [
    {
      name: `create a ${sample.type}`,
      fields: [`create${sample.type}`],
      query: CREATE(sample.type).replace("record: ", ""),
      variables: () => ({ partnership: "kooperacja", input: sample.input(30) }),
      expect: kooperacjaOwnerOnly,
    },
    {
      name: `update a ${sample.type}`,
      fields: [`update${sample.type}`],
      query: UPDATE(sample.type).replace("record: ", ""),
      variables: () => ({ id: ids.writes[sample.type]!.updated, version: 1, input: sample.change(sample.input(20)) }),
      expect: kooperacjaOwnerOnly,
    },
    {
      name: `archive a ${sample.type}`,
      fields: [`archive${sample.type}`],
      query: ARCHIVE(sample.type).replace("record: ", ""),
      variables: () => ({ id: ids.writes[sample.type]!.archived, version: 1 }),
      expect: kooperacjaOwnerOnly,
    },
  ]),
  {
    name: "audit trail of kooperacja",
    fields: ["auditTrail"],
    query: `{ auditTrail(partnership: "kooperacja") { entries { action } } }`,
    expect: kooperacjaOwnerOnly,
  },
  {
    name: "import into kooperacja",
    fields: ["importRecords"],
    query: `mutation($file: Upload!) { importRecords(partnership: "kooperacja", kind: FAMILIES, file: $file, dryRun: true) { rows rejected } }`,
    upload: () => ({ content: "code;site_teryt;cooperation_level;social_contract;started_on\nM-1;2815;CLIENT;tak;2019-09-02\n", filename: "families.csv" }),
    expect: kooperacjaOwnerOnly,
  },
];

/** Tokens that must be refused whatever they ask: 401 before any GraphQL work. */
const INVALID = ["expired", "wrong key", "alg none", "tampered claims"] as const;

async function invalidToken(kind: (typeof INVALID)[number]): Promise<string> {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = { role: Role.NATIONAL_ANALYST, iss: "kooperacja-hub", aud: "kooperacja-hub", sub: "mallory", exp: Math.floor(Date.now() / 1000) + 3600 };
  switch (kind) {
    case "expired":
      return tokenFor(Role.NATIONAL_ANALYST, [], Math.floor(Date.now() / 1000) - 60);
    case "wrong key":
      return new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode("a-secret-that-is-not-the-hubs-secret-at-all"));
    case "alg none":
      return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
    case "tampered claims": {
      // A valid dashboard token whose role is rewritten to analyst; the signature no longer matches.
      const [header, payload, signature] = (await tokenFor(Role.DASHBOARD)).split(".") as [string, string, string];
      const changed = { ...JSON.parse(Buffer.from(payload, "base64url").toString()), role: Role.NATIONAL_ANALYST };
      return `${header}.${encode(changed)}.${signature}`;
    }
  }
}

async function headersOf(caller: Caller): Promise<Record<string, string>> {
  if (caller === "public") return {};
  if (caller === "dashboard") return as(Role.DASHBOARD);
  if (caller === "analyst") return as(Role.NATIONAL_ANALYST);
  if (caller === "admin") return as(Role.ADMIN);
  return as(Role.REGIONAL_OWNER, [caller.slice("owner:".length) as PartnershipKey]);
}

function check(result: GraphQLResult, testCase: Case, caller: Caller): void {
  const outcome = testCase.expect[caller];
  const field = testCase.fields[0]!;
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  if (outcome === "denied") {
    expect(codes.length, "an error").toBeGreaterThan(0);
    expect(
      codes.every((code) => code === "FORBIDDEN" || code === "UNAUTHENTICATED"),
      JSON.stringify(result.errors),
    ).toBe(true);
    expect(caller === "public" ? codes.every((code) => code === "UNAUTHENTICATED") : codes.every((code) => code === "FORBIDDEN")).toBe(true);
    const value = result.data?.[field] ?? null;
    if (testCase.refused) expect(testCase.refused(value), JSON.stringify(value)).toBe(true);
    else expect(value).toBeNull();
    return;
  }
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data?.[field]).not.toBeNull();
  if (outcome === "own") {
    const rows = testCase.rows!(result.data);
    expect(rows.length).toBeGreaterThan(0);
    const own = caller.slice("owner:".length);
    expect(new Set(rows.map((item) => tryDecodeGlobalId(item.id)?.partnership))).toEqual(new Set([own]));
  }
  if (outcome === "no-family-values") {
    const rows = testCase.rows!(result.data);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((item) => FAMILY_INDICATORS.includes(item.indicator!.code))).toEqual([]);
  }
  if (outcome === "adopted") {
    const statuses = JSON.stringify(result.data).match(/"status":"\w+"/g) ?? [];
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['"status":"ADOPTED"']));
  }
  if (caller === "analyst" && (testCase.name === "recommendations" || testCase.name === "drafts through a partnership")) {
    // The analyst's view includes drafts.
    expect(JSON.stringify(result.data)).toContain('"status":"DRAFT"');
  }
}

/** The analyst's book steps the matrix sets its cases up with. */
const book = {
  url: "",
  analyst: {} as Record<string, string>,
  async run(query: string, variables: Record<string, unknown>): Promise<any> {
    const result = await graphql(this.url, query, variables, this.analyst);
    expect(result.errors).toBeUndefined();
    return result.data;
  },
  async draft(title: string): Promise<string> {
    const data = await this.run(
      `mutation($chapter: ID!, $title: String!) { createRecommendation(input: { chapterId: $chapter, title: $title, text: "A recommendation made by the access test.", partnershipIds: ["${encodeGlobalId("kooperacja", "Partnership", "kooperacja")}"] }) { id } }`,
      { chapter: ids.chapter, title },
    );
    return data.createRecommendation.id;
  },
  async inReview(title: string): Promise<string> {
    const id = await this.draft(title);
    await this.run(`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id });
    return id;
  },
  async evidence(recommendation: string): Promise<string> {
    return (
      await this.run(`mutation($id: ID!, $target: ID!) { addEvidence(recommendationId: $id, targetId: $target, note: "To be removed.") { id } }`, {
        id: recommendation,
        target: ids.site,
      })
    ).addEvidence.id;
  },
  async comparison(recommendation: string): Promise<string> {
    const query = `mutation($id: ID!) { addComparisonEvidence(recommendationId: $id, comparison: { note: "To be removed.", indicators: ["WORKERS_COACHED"] }) { id } }`;
    return (await this.run(query, { id: recommendation })).addComparisonEvidence.id;
  },
};

describe("access matrix: every query and mutation as every caller", () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub();
    book.url = hub.gateway.url;
    book.analyst = await as(Role.NATIONAL_ANALYST);
    const families = await graphql(
      hub.gateway.url,
      `
        {
          supportedFamilies(first: 1) {
            edges {
              node {
                id
              }
            }
          }
        }
      `,
      {},
      await as(Role.REGIONAL_OWNER, ["kooperacja"]),
    );
    ids.family = families.data.supportedFamilies.edges[0].node.id;
    ids.adopted = await book.inReview("Adopted by the access test");
    await book.run(`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id: ids.adopted });
    ids.draft = await book.draft("Draft of the access test");
    const owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
    for (const sample of WRITE_SAMPLES) {
      const make = async (n: number) => {
        const created = await graphql(hub.gateway.url, CREATE(sample.type), { partnership: "kooperacja", input: sample.input(n) }, owner);
        expect(created.errors).toBeUndefined();
        return created.data.record.id as string;
      };
      ids.writes[sample.type] = { updated: await make(20), archived: await make(21) };
    }
  });
  afterAll(() => hub?.close());

  it("has a row for every query and mutation of the supergraph", () => {
    const schema = buildSchema(readFileSync(resolve(__dirname, "../../schema/supergraph.graphql"), "utf8"), { assumeValidSDL: true });
    const rootFields = [
      ...Object.keys(schema.getQueryType()!.getFields()).filter((name) => !name.startsWith("_")),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ];
    const covered = new Set(CASES.flatMap((testCase) => testCase.fields));
    expect(rootFields.filter((name) => !covered.has(name))).toEqual([]);
  });

  describe.each(CASES)("$name", (testCase) => {
    it.each(CALLERS)("as %s", async (caller) => {
      // A step that changes state gets a fresh record each time, so an earlier success cannot hide a later answer.
      await testCase.prepare?.();
      const headers = await headersOf(caller);
      const file = testCase.upload?.();
      const result = file
        ? await upload(hub.gateway.url, testCase.query, file.content, file.filename, headers)
        : await graphql(hub.gateway.url, testCase.query, testCase.variables?.() ?? {}, headers);
      // The gateway refuses files from callers who may not import before reading them (401/403).
      expect(file && testCase.expect[caller] === "denied" ? [200, 401, 403] : [200]).toContain(result.status);
      check(result, testCase, caller);
    });
  });

  // The middleware refuses a bad token before any field is read: one test per kind of bad token sends every row's request.
  it.each(INVALID)("refuses every query and mutation with a token that is %s: 401 UNAUTHENTICATED, no data", async (kind) => {
    const headers = { authorization: `Bearer ${await invalidToken(kind)}` };
    const answers = [];
    for (const testCase of CASES) {
      const file = testCase.upload?.();
      const result = file
        ? await upload(hub.gateway.url, testCase.query, file.content, file.filename, headers)
        : await graphql(hub.gateway.url, testCase.query, testCase.variables?.() ?? {}, headers);
      answers.push({ case: testCase.name, status: result.status, codes: result.errors?.map((error) => error.extensions?.code), data: result.data });
    }
    expect(answers).toEqual(CASES.map((testCase) => ({ case: testCase.name, status: 401, codes: ["UNAUTHENTICATED"], data: undefined })));
  });

  it("lets an owner of several partnerships read the families of each", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          supportedFamilies(first: 500) {
            edges {
              node {
                id
              }
            }
          }
        }
      `,
      {},
      await as(Role.REGIONAL_OWNER, ["liderzy", "kooperacje3d"]),
    );
    const owners = new Set(result.data.supportedFamilies.edges.map((edge: any) => tryDecodeGlobalId(edge.node.id)?.partnership));
    expect(owners).toEqual(new Set(["liderzy", "kooperacje3d"]));
  });

  it("keeps every partnership's families apart: no owner token reads another region's", async () => {
    for (const owner of PARTNERSHIP_KEYS) {
      for (const other of PARTNERSHIP_KEYS.filter((key) => key !== owner)) {
        const result = await graphql(
          hub.gateway.url,
          `{ supportedFamilies(first: 500, filter: { partnerships: ["${other}"] }) { totalCount } }`,
          {},
          await as(Role.REGIONAL_OWNER, [owner]),
        );
        expect(result.data.supportedFamilies.totalCount, `${owner} reading ${other}`).toBe(0);
      }
    }
  });
});

describe("a regional subgraph reached directly, without the gateway", () => {
  let hub: TestHub;
  let familyId: string;
  beforeAll(async () => {
    hub = await startTestHub();
    const families = await graphql(
      hub.regions.kooperacja.url,
      `
        {
          supportedFamilies(first: 1) {
            edges {
              node {
                id
              }
            }
          }
        }
      `,
      {},
      await as(Role.REGIONAL_OWNER, ["kooperacja"]),
    );
    familyId = families.data.supportedFamilies.edges[0].node.id;
  });
  afterAll(() => hub?.close());

  const FAMILY_PATHS = [
    `{ supportedFamilies(first: 500) { edges { node { code } } } }`,
    `query($id: ID!) { supportedFamily(id: $id) { code } }`,
    `query($id: ID!) { node(id: $id) { ... on SupportedFamily { code } } }`,
    `query($id: ID!) { nodes(ids: [$id]) { ... on SupportedFamily { code } } }`,
    `query($id: ID!) { _entities(representations: [{ __typename: "SupportedFamily", id: $id }]) { ... on SupportedFamily { code } } }`,
    `{ pilotSites(first: 100) { edges { node { families { code } } } } }`,
    `{ indicatorValues(first: 500) { edges { node { family { code } } } } }`,
  ];

  // Codes of supported families look like KES-2815-0001.
  const FAMILY_CODE = /"code":"[A-Z0-9]+-\d+-\d+"/;

  it("serves family-level data on every path to the owner of its partnership", async () => {
    const owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
    for (const query of FAMILY_PATHS) {
      const result = await graphql(hub.regions.kooperacja.url, query, { id: familyId }, owner);
      expect(result.errors, query).toBeUndefined();
      expect(JSON.stringify(result.data), query).toMatch(FAMILY_CODE);
    }
  });

  it.each(["no token", "a dashboard token", "an analyst's token", "an admin's token", "another region's owner token"])(
    "returns no family-level data on any path with %s",
    async (who) => {
      const headers = {
        "no token": {},
        "a dashboard token": await as(Role.DASHBOARD),
        "an analyst's token": await as(Role.NATIONAL_ANALYST),
        "an admin's token": await as(Role.ADMIN),
        "another region's owner token": await as(Role.REGIONAL_OWNER, ["liderzy"]),
      }[who]!;
      for (const query of FAMILY_PATHS) {
        const result = await graphql(hub.regions.kooperacja.url, query, { id: familyId }, headers);
        expect(JSON.stringify(result.data ?? null), query).not.toMatch(FAMILY_CODE);
        for (const error of result.errors ?? []) expect(["FORBIDDEN", "UNAUTHENTICATED"], query).toContain(error.extensions?.code);
      }
    },
  );

  it("refuses a forged gateway assertion with 401", async () => {
    const forged = await new SignJWT({ role: Role.REGIONAL_OWNER, partnerships: ["kooperacja"] })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("kooperacja-hub-gateway")
      .setAudience("kooperacja-hub-subgraph")
      .setSubject("mallory")
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode("not-the-internal-secret-of-this-hub-at-all"));
    const result = await graphql(hub.regions.kooperacja.url, FAMILY_PATHS[0]!, {}, { "x-hub-assertion": forged });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.data ?? null).toBeNull();
  });

  it("refuses a user's token passed off as a gateway assertion", async () => {
    const result = await graphql(hub.regions.kooperacja.url, FAMILY_PATHS[0]!, {}, { "x-hub-assertion": await tokenFor(Role.REGIONAL_OWNER, ["kooperacja"]) });
    expect(result.status).toBe(401);
  });

  it("refuses any assertion at the gateway, even one it signed itself: it issues assertions and takes none", async () => {
    const forged = await new SignJWT({ role: Role.REGIONAL_OWNER, partnerships: ["kooperacja"] })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("kooperacja-hub-gateway")
      .setAudience("kooperacja-hub-subgraph")
      .setSubject("mallory")
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode("not-the-internal-secret-of-this-hub-at-all"));
    const genuine = await new TokenVerifier(authConfig({ DATA_DIR: hub.dataDir }, "gateway")).assert(
      { subject: "owner", role: Role.REGIONAL_OWNER, partnerships: ["kooperacja"] },
      { audience: "kooperacja", requestId: "test" },
    );
    for (const assertion of [forged, await tokenFor(Role.REGIONAL_OWNER, ["kooperacja"]), genuine]) {
      const result = await graphql(hub.gateway.url, FAMILY_PATHS[0]!, {}, { "x-hub-assertion": assertion });
      expect(result.status).toBe(401);
      expect(result.data ?? null).toBeNull();
    }
    // Where it is addressed, the genuine one is the owner.
    const atRegion = await graphql(hub.regions.kooperacja.url, FAMILY_PATHS[0]!, {}, { "x-hub-assertion": genuine });
    expect(atRegion.errors).toBeUndefined();
    expect(JSON.stringify(atRegion.data)).toMatch(FAMILY_CODE);
  });

  it("binds to localhost by default", () => {
    for (const service of [...Object.values(hub.regions), hub.book]) expect(new URL(service.url).hostname).toBe("127.0.0.1");
  });
});
