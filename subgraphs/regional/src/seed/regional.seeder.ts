import type { PartnershipKey, RecordKeys } from "@kooperacja/contract";
import type { EntityManager, EntityName } from "@mikro-orm/core";
import { Seeder } from "@mikro-orm/seeder";
import { SupportActivity } from "../activities/support-activity.entity";
import { BodyMeeting } from "../bodies/body-meeting.entity";
import { BodyMember } from "../bodies/body-member.entity";
import { CooperationBody } from "../bodies/cooperation-body.entity";
import { ProvenanceKind } from "../common/enums";
import { FieldClaim } from "../common/field-claim.entity";
import { SupportedFamily } from "../families/supported-family.entity";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { Institution, sectorOfKind } from "../institutions/institution.entity";
import { LeadPartnerClaim } from "../partnerships/lead-partner-claim.entity";
import { ModelStructure } from "../partnerships/model-structure.entity";
import { Partnership } from "../partnerships/partnership.entity";
import { PartnershipMember } from "../partnerships/partnership-member.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { Source } from "../sources/source.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { derived, PARTNERSHIP_FACTS, POPULATION_NOTE, PROGRAMME, REFERENCE_NOTE, SOURCES, type Cited } from "./public-facts";
import { syntheticMeetings, syntheticSite } from "./synthetic";

const SYNTHETIC_NOTE = "Generated demo record (deterministic); not a real observation.";

/**
 * Fills one region's database with its own partnership's public facts and,
 * for its pilot sites, flagged synthetic demo records. Nothing of another
 * partnership is ever written here.
 */
export class RegionalSeeder extends Seeder {
  constructor(
    private readonly options: {
      partnership: PartnershipKey;
      /** Keys the demo families and values, as any write path keys its records. */
      recordKeys: RecordKeys;
      /** Families per site multiplier of the demo records; null seeds the public facts alone. */
      syntheticScale: number | null;
    },
  ) {
    super();
  }

  async run(em: EntityManager): Promise<void> {
    const { partnership, recordKeys, syntheticScale } = this.options;
    const facts = PARTNERSHIP_FACTS[partnership];
    const owner = { partnership: facts.key };
    const source = (code: string) => em.getReference(Source, `${facts.key}:${code}`);
    const fromPage = (code: string, note?: string) => ({
      ...owner,
      provenanceKind: ProvenanceKind.SOURCE_PAGE,
      source: source(code),
      provenanceNote: note ?? null,
    });
    const reference = (note: string) => ({ ...owner, provenanceKind: ProvenanceKind.REFERENCE_DATA, source: null, provenanceNote: note });
    const synthetic = { ...owner, provenanceKind: ProvenanceKind.SYNTHETIC_DEMO, source: null, provenanceNote: SYNTHETIC_NOTE };

    for (const code of facts.sources) {
      const { publishedBy, ...page } = SOURCES[code]!;
      em.create(Source, { id: `${facts.key}:${code}`, ...owner, ...page, publishedBy, publisher: publishedBy ?? "Not named on the page" });
    }
    const cite = (recordType: string, recordId: string, { fields = {}, omitted = [] }: Cited) => {
      for (const [field, origin] of Object.entries(fields)) {
        em.create(FieldClaim, {
          id: `${recordType}:${recordId}:${field}`,
          ...owner,
          recordType,
          recordId,
          field,
          kind: origin.kind,
          sources: origin.pages,
          note: origin.note ?? null,
        });
      }
      omitted.forEach((omission, index) => {
        em.create(FieldClaim, {
          id: `${recordType}:${recordId}:omitted:${index}`,
          ...owner,
          recordType,
          recordId,
          field: omission.what,
          omission: omission.reason,
          sources: [omission.page],
          note: omission.note ?? null,
        });
      });
    };

    for (const unit of facts.units) {
      em.create(TerritorialUnit, {
        id: unit.teryt,
        teryt: unit.teryt,
        name: unit.name,
        level: unit.level,
        municipalityKind: unit.municipalityKind ?? null,
        population: unit.population ?? null,
        parent: unit.parent ? em.getReference(TerritorialUnit, unit.parent) : null,
        ...reference(unit.population ? `${REFERENCE_NOTE} ${POPULATION_NOTE}` : REFERENCE_NOTE),
      });
    }

    const moneyNote = facts.moneySource ? `Value and EU co-financing from source ${facts.moneySource}.` : undefined;
    em.create(Partnership, {
      id: facts.key,
      name: facts.name,
      macroregion: facts.macroregion,
      targetMunicipalityKinds: facts.targetMunicipalityKinds,
      targetDescription: facts.targetDescription,
      ...PROGRAMME,
      totalValueGrosze: facts.totalValueGrosze,
      euCofinancingGrosze: facts.euCofinancingGrosze,
      goal: facts.goal,
      modelDescription: facts.modelDescription,
      cooperationLevels: facts.cooperationLevels,
      selectionCriteria: facts.selectionCriteria,
      supportForms: facts.supportForms,
      ...fromPage(facts.source, [moneyNote, facts.note].filter(Boolean).join(" ") || undefined),
    });
    cite("Partnership", facts.key, facts);

    for (const institution of facts.institutions) {
      em.create(Institution, {
        id: institution.id,
        name: institution.name,
        shortName: institution.shortName,
        kind: institution.kind,
        sector: sectorOfKind(institution.kind),
        city: institution.city,
        voivodeship: em.getReference(TerritorialUnit, institution.voivodeship),
        ...fromPage(institution.source),
      });
      cite("Institution", institution.id, {
        fields: {
          shortName: derived("The hub's short form of the name the page gives: the kind of institution and its city.", institution.source),
          sector: derived("From the kind of institution.", institution.source),
          ...institution.fields,
        },
      });
      em.create(PartnershipMember, {
        id: `member:${institution.id}`,
        institution: em.getReference(Institution, institution.id),
        role: institution.role,
        roleDescription: institution.roleDescription ?? null,
        ...fromPage(institution.source),
      });
      cite("PartnershipMember", `member:${institution.id}`, { fields: institution.memberFields });
    }

    for (const claim of facts.leadClaims) {
      em.create(LeadPartnerClaim, {
        id: `lead:${claim.institution}:${claim.source}`,
        institution: em.getReference(Institution, claim.institution),
        quote: claim.quote,
        ...fromPage(claim.source),
      });
    }

    for (const structure of facts.structures) {
      em.create(ModelStructure, {
        id: `structure:${structure.kind}`,
        kind: structure.kind,
        localName: structure.localName,
        description: structure.description,
        typicalMembers: structure.typicalMembers ?? null,
        meetingFormat: structure.meetingFormat ?? null,
        ...fromPage(structure.source),
      });
      cite("ModelStructure", `structure:${structure.kind}`, structure);
    }

    for (const site of facts.sites) {
      em.create(PilotSite, {
        id: site.teryt,
        name: site.name,
        unit: em.getReference(TerritorialUnit, site.teryt),
        status: site.status,
        joinedOn: site.joinedOn ?? null,
        agreement: site.agreement ?? null,
        ...fromPage(site.source, site.note),
      });
      cite("PilotSite", site.teryt, site);
    }

    for (const body of facts.bodies) {
      em.create(CooperationBody, {
        id: body.id,
        kind: body.kind,
        name: body.name,
        site: body.site ? em.getReference(PilotSite, body.site) : null,
        memberCount: body.memberCount ?? null,
        meetingFormat: body.meetingFormat ?? null,
        ...fromPage(body.source),
      });
      cite("CooperationBody", body.id, body);
      for (const member of body.members) {
        em.create(BodyMember, {
          id: `${body.id}:${member.institution}`,
          body: em.getReference(CooperationBody, body.id),
          institution: em.getReference(Institution, member.institution),
          joinedOn: member.joinedOn ?? null,
          representation: member.representation ?? null,
          ...fromPage(member.source),
        });
        cite("BodyMember", `${body.id}:${member.institution}`, member);
      }
    }

    await em.flush();
    if (syntheticScale === null) return;

    // Demo rows go in as multi-row inserts, a chunk at a time: large scales (SEED_SCALE) stay fast.
    const keyed = <T extends { id: string }>(table: string, rows: T[]) =>
      rows.map((row) => ({ ...row, ...synthetic, recordKey: recordKeys.of(table, row.id) }));
    for (const site of facts.sites) {
      const demo = syntheticSite(facts.key, site.teryt, facts.supportForms, syntheticScale);
      await insertChunked(em, SupportedFamily, keyed("supported_family", demo.families));
      await insertChunked(
        em,
        SupportActivity,
        demo.activities.map((activity) => ({ ...activity, ...synthetic })),
      );
      await insertChunked(em, IndicatorValue, keyed("indicator_value", demo.values));
    }
    for (const body of facts.bodies) {
      await insertChunked(
        em,
        BodyMeeting,
        syntheticMeetings(facts.key, body.id).map((meeting) => ({ ...meeting, ...synthetic })),
      );
    }
  }
}

async function insertChunked<T extends object>(em: EntityManager, entity: EntityName<T>, rows: object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await em.insertMany(entity, rows.slice(start, start + 500) as never[]);
  }
}
