import { encodeGlobalId, type PartnershipKey } from "@kooperacja/contract";

export const gid = (type: string, key: string, partnership: PartnershipKey = "kooperacja") => encodeGlobalId(partnership, type, key);

/** Seeded records of Kooperacja – efektywna i skuteczna that new records point at. */
export const SITE = gid("PilotSite", "2815");
export const BODY = gid("CooperationBody", "grupa-decydentow-ostrodzki");

/** Seeded institutions of Kooperacja not yet sitting in BODY. */
const SEATABLE = ["rops-olsztyn", "rops-zielona-gora", "rops-poznan", "rops-torun", "rops-szczecin", "rops-gdansk"];

/** One kind of record a regional owner writes, with valid inputs for Kooperacja's shard. */
export interface WriteSample {
  type: string;
  /** A valid input; `n` makes its natural key unique. */
  input(n: number): Record<string, unknown>;
  /** The same record with `field` changed. */
  change(input: Record<string, unknown>): Record<string, unknown>;
  field: string;
  /** Where record `n` lands: table and a condition on it. */
  table: string;
  where(n: number): [string, unknown[]];
  /** How many of these records the API shows for Kooperacja (as its owner): a query and how to read the number. */
  count: { query: string; of(data: any): number };
}

/** A quarter before the programme (recorded with outsideProgrammePeriod), a different one for each `n`, so no seeded value holds it. */
const quarter = (n: number) => `${2017 - Math.floor(n / 4)}-Q${(n % 4) + 1}`;

export const WRITE_SAMPLES: WriteSample[] = [
  {
    type: "Institution",
    input: (n) => ({
      key: `t-inst-${n}`,
      name: "Powiatowy Urząd Pracy w Ostródzie",
      shortName: `PUP Ostróda ${n}`,
      kind: "OTHER",
      sector: "LABOUR_MARKET",
      city: "Ostróda",
      voivodeship: gid("TerritorialUnit", "28"),
    }),
    change: (input) => ({ ...input, name: "Powiatowy Urząd Pracy w Ostródzie – filia w Morągu" }),
    field: "name",
    table: "institution",
    where: (n) => ["id = ?", [`t-inst-${n}`]],
    count: { query: `{ n: institutions(filter: { partnerships: ["kooperacja"] }) { totalCount } }`, of: (data) => data.n.totalCount },
  },
  {
    type: "BodyMember",
    // Each n seats a different seeded institution, as one institution sits in a body once.
    input: (n) => ({
      key: `t-member-${n}`,
      body: BODY,
      institution: gid("Institution", SEATABLE[n % SEATABLE.length]!),
      joinedOn: "2019-06-01",
      representation: "Kierownik działu",
    }),
    change: (input) => ({ ...input, representation: "Zastępca dyrektora" }),
    field: "representation",
    table: "body_member",
    where: (n) => ["id = ?", [`t-member-${n}`]],
    count: { query: `{ n: node(id: "${BODY}") { ... on CooperationBody { members { joinedOn } } } }`, of: (data) => data.n.members.length },
  },
  {
    type: "PilotSite",
    // Gminas of powiat 04nn in kujawsko-pomorskie, macroregion II.
    input: (n) => ({ teryt: `04${String(10 + n).padStart(2, "0")}011`, name: `Gmina Testowa ${n}`, status: "ACTIVE", joinedOn: "2019-05-01" }),
    change: (input) => ({ ...input, name: `${input.name} – Żółć` }),
    field: "name",
    table: "pilot_site",
    where: (n) => ["id = ?", [`04${String(10 + n).padStart(2, "0")}011`]],
    count: { query: `{ n: pilotSites(filter: { partnerships: ["kooperacja"] }) { totalCount } }`, of: (data) => data.n.totalCount },
  },
  {
    type: "CooperationBody",
    input: (n) => ({ key: `t-body-${n}`, kind: "COUNTY_REFLECTIVE_GROUP", name: "Grupa testowa", site: SITE, memberCount: 5 }),
    change: (input) => ({ ...input, name: "Grupa testowa w Ostródzie" }),
    field: "name",
    table: "cooperation_body",
    where: (n) => ["id = ?", [`t-body-${n}`]],
    count: { query: `{ n: cooperationBodies { id } }`, of: (data) => data.n.length },
  },
  {
    type: "BodyMeeting",
    input: (n) => ({ key: `t-meeting-${n}`, body: BODY, heldOn: "2019-03-12", participants: 8, topic: "Pierwsze spotkanie" }),
    change: (input) => ({ ...input, topic: "Pierwsze spotkanie grupy – diagnoza" }),
    field: "topic",
    table: "body_meeting",
    where: (n) => ["id = ?", [`t-meeting-${n}`]],
    count: { query: `{ n: node(id: "${BODY}") { ... on CooperationBody { meetings { id } } } }`, of: (data) => data.n.meetings.length },
  },
  {
    type: "SupportActivity",
    input: (n) => ({ key: `t-activity-${n}`, kind: "TRAINING", title: "Szkolenie", heldOn: "2019-05-20", site: SITE, participants: 20, cost: "4 800,00" }),
    change: (input) => ({ ...input, title: "Szkolenie międzysektorowe" }),
    field: "title",
    table: "support_activity",
    where: (n) => ["id = ?", [`t-activity-${n}`]],
    count: { query: `{ n: supportActivities(filter: { partnerships: ["kooperacja"] }) { totalCount } }`, of: (data) => data.n.totalCount },
  },
  {
    type: "SupportedFamily",
    input: (n) => ({ code: `T-${n}`, site: SITE, cooperationLevel: "CLIENT", socialContract: true, startedOn: "2019-09-02" }),
    change: (input) => ({ ...input, cooperationLevel: "WORKER", endedOn: "2020-06-30" }),
    field: "cooperationLevel",
    table: "supported_family",
    where: (n) => ["code = ?", [`T-${n}`]],
    count: { query: `{ n: supportedFamilies(filter: { partnerships: ["kooperacja"] }) { totalCount } }`, of: (data) => data.n.totalCount },
  },
  {
    type: "IndicatorValue",
    input: (n) => ({ indicator: gid("OutcomeIndicator", "WORKERS_COACHED"), site: SITE, period: quarter(n), value: 7.5, outsideProgrammePeriod: true }),
    change: (input) => ({ ...input, value: 9 }),
    field: "value",
    table: "indicator_value",
    where: (n) => ["indicator_id = ? and site_id = ? and period = ?", ["WORKERS_COACHED", "2815", quarter(n)]],
    count: {
      query: `{ n: indicatorSummary(indicator: "WORKERS_COACHED", groupBy: [], filter: { partnerships: ["kooperacja"] }) { groups { count } } }`,
      of: (data) => data.n.groups.reduce((total: number, group: { count: number }) => total + group.count, 0),
    },
  },
];

export const CREATE = (type: string) =>
  `mutation ($partnership: String!, $input: ${type}Input!) { record: create${type}(partnership: $partnership, input: $input) { id version } }`;
export const UPDATE = (type: string) =>
  `mutation ($id: ID!, $version: Int!, $input: ${type}Input!) { record: update${type}(id: $id, version: $version, input: $input) { id version } }`;
export const ARCHIVE = (type: string) => `mutation ($id: ID!, $version: Int!) { record: archive${type}(id: $id, version: $version) { id version } }`;
