import { encodeGlobalId, type PartnershipKey } from "@kooperacja/contract";
import { MunicipalityKind, Sector } from "@kooperacja/subgraph-kit";
import type { EntityManager } from "@mikro-orm/core";
import { Seeder } from "@mikro-orm/seeder";
import { BookChapter } from "../chapters/book-chapter.entity";
import { SavedComparison } from "../comparisons/saved-comparison.entity";
import type { EvidenceType } from "../regional/regional-refs";
import { EvidenceLink } from "../recommendations/evidence-link.entity";
import { Recommendation } from "../recommendations/recommendation.entity";
import { RecommendationPartnership } from "../recommendations/recommendation-partnership.entity";
import { RecommendationStatus } from "../recommendations/recommendation-status";

type Ref = [PartnershipKey, EvidenceType, string];

/**
 * Demo drafts, flagged `demo: true`: the real book's text is not among the
 * source pages. Their evidence points at real seeded regional records (and,
 * for outcomes, at flagged synthetic indicator values) in all three regions.
 */
interface DemoRecommendation {
  id: string;
  title: string;
  text: string;
  kinds: MunicipalityKind[];
  sectors?: Sector[];
  partnerships: PartnershipKey[];
  evidence: [Ref, string][];
  comparisons?: { note: string; indicators: string[]; by: string[]; grain: string }[];
}

const CHAPTERS: { id: string; number: number; title: string; summary: string; recommendations: DemoRecommendation[] }[] = [
  {
    id: "ch1",
    number: 1,
    title: "Cooperation in rural gminas (Liderzy kooperacji)",
    summary: "What the macroregion I model teaches about cooperation of the gmina OPS with powiat institutions and other sectors in rural gminas.",
    recommendations: [
      {
        id: "r1-1",
        title: "Start from an individualised cross-sector diagnosis",
        text: "Every supported family gets an individualised diagnosis of needs prepared with the other sectors before support is planned.",
        kinds: [MunicipalityKind.RURAL],
        partnerships: ["liderzy"] as PartnershipKey[],
        evidence: [
          [["liderzy", "PilotSite", "2013102"], "Rural gmina piloting the model (Gmina Wysokie Mazowieckie)."],
          [["liderzy", "PilotSite", "2013052"], "Rural gmina piloting the model (Gmina Kobylin-Borzymy)."],
        ] as [Ref, string][],
      },
    ],
  },
  {
    id: "ch2",
    number: 2,
    title: "Cooperation in urban-rural gminas (Kooperacja – efektywna i skuteczna)",
    summary: "Reflective and decision-makers groups at powiat and regional level, with coaching for social workers.",
    recommendations: [
      {
        id: "r2-1",
        title: "Bring decision-makers of the powiat into one group",
        text: "A county decision-makers group, meeting for a day at a time, unblocks the decisions that cross-sector support of families needs.",
        kinds: [MunicipalityKind.URBAN_RURAL],
        partnerships: ["kooperacja"] as PartnershipKey[],
        evidence: [
          [
            ["kooperacja", "CooperationBody", "grupa-decydentow-ostrodzki"],
            "The decision-makers group of powiat ostródzki, with the director of PCPR Ostróda.",
          ],
          [["kooperacja", "PilotSite", "2815"], "Powiat ostródzki takes part in the pilot."],
        ] as [Ref, string][],
      },
    ],
  },
  {
    id: "ch3",
    number: 3,
    title: "Cooperation in towns over 20 000 inhabitants (Kooperacje 3D)",
    summary: "Cooperation on the levels of institution, worker and client, with formal partnership cooperation teams.",
    recommendations: [
      {
        id: "r3-1",
        title: "Formalise a cross-sector partnership team in each town",
        text: "A formal partnership cooperation team of the OPS with the other sectors' institutions, helped by an animator-moderator.",
        kinds: [MunicipalityKind.URBAN, MunicipalityKind.URBAN_RURAL],
        partnerships: ["kooperacje3d"] as PartnershipKey[],
        evidence: [
          [["kooperacje3d", "CooperationBody", "pzk-radomsko"], "PCPR Radomsko joined the team of Gmina Miasto Radomsko on 2019-10-09."],
          [["kooperacje3d", "PilotSite", "1012011"], "Gmina Miasto Radomsko pilots the model."],
        ] as [Ref, string][],
      },
    ],
  },
  {
    id: "ch4",
    number: 4,
    title: "Recommendations for the whole country",
    summary: "What the three models share, and how to roll cooperation out nationally.",
    recommendations: [
      {
        id: "r4-1",
        title: "Report cooperation body meetings the same way in every region",
        text: "All regions report the meetings of their cooperation bodies per site and quarter, so the models can be compared (demo figures are synthetic).",
        kinds: [],
        sectors: [Sector.SOCIAL_ASSISTANCE],
        partnerships: ["liderzy", "kooperacja", "kooperacje3d"] as PartnershipKey[],
        comparisons: [
          {
            note: "Meetings of cooperation bodies per partnership and year, as the regions report them (synthetic demo figures).",
            indicators: ["BODY_MEETINGS_HELD"],
            by: ["PARTNERSHIP", "PERIOD"],
            grain: "YEAR",
          },
        ],
        evidence: [
          [["kooperacje3d", "IndicatorValue", "BODY_MEETINGS_HELD:1012011:2019-Q4"], "Synthetic demo value, macroregion III."],
          [["liderzy", "IndicatorValue", "BODY_MEETINGS_HELD:2013102:2019-Q4"], "Synthetic demo value, macroregion I."],
          [["kooperacje3d", "Partnership", "kooperacje3d"], "Kooperacje 3D names the cooperation levels its bodies work at."],
          [["kooperacja", "IndicatorValue", "BODY_MEETINGS_HELD:2815:2019-Q4"], "Synthetic demo value, macroregion II."],
        ] as [Ref, string][],
      },
    ],
  },
];

export class BookSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    for (const chapter of CHAPTERS) {
      em.create(BookChapter, { id: chapter.id, number: chapter.number, title: chapter.title, summary: chapter.summary, demo: true });
      chapter.recommendations.forEach((recommendation, index) => {
        em.create(Recommendation, {
          id: recommendation.id,
          chapter: em.getReference(BookChapter, chapter.id),
          number: index + 1,
          title: recommendation.title,
          text: recommendation.text,
          status: RecommendationStatus.DRAFT,
          targetMunicipalityKinds: recommendation.kinds,
          targetSectors: recommendation.sectors ?? [],
          demo: true,
        });
        for (const partnership of recommendation.partnerships) {
          em.create(RecommendationPartnership, {
            id: `${recommendation.id}:${partnership}`,
            recommendation: em.getReference(Recommendation, recommendation.id),
            partnershipId: encodeGlobalId(partnership, "Partnership", partnership),
          });
        }
        for (const [n, comparison] of (recommendation.comparisons ?? []).entries()) {
          em.create(SavedComparison, {
            id: `${recommendation.id}:c${n + 1}`,
            recommendation: em.getReference(Recommendation, recommendation.id),
            ...comparison,
            filter: null,
            savedBy: "demo",
            savedAt: new Date("2026-11-25T00:00:00Z"),
            snapshot: null,
            snapshotAt: null,
          });
        }
        recommendation.evidence.forEach(([[partnership, type, localId], note], n) => {
          em.create(EvidenceLink, {
            id: `${recommendation.id}:e${n + 1}`,
            recommendation: em.getReference(Recommendation, recommendation.id),
            targetType: type,
            targetId: encodeGlobalId(partnership, type, localId),
            note,
          });
        });
      });
    }
    await em.flush();
  }
}
