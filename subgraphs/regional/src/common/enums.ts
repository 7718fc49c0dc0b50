import { registerEnumType } from "type-graphql";

export { MunicipalityKind } from "@kooperacja/shared";

export enum ProvenanceKind {
  SOURCE_PAGE = "SOURCE_PAGE",
  REFERENCE_DATA = "REFERENCE_DATA",
  SYNTHETIC_DEMO = "SYNTHETIC_DEMO",
  IMPORT = "IMPORT",
  ENTERED = "ENTERED",
}
registerEnumType(ProvenanceKind, {
  name: "ProvenanceKind",
  description: "Where a record comes from.",
  valuesConfig: {
    SOURCE_PAGE: { description: "Stated on one of the public source pages (see `source`)." },
    REFERENCE_DATA: { description: "Public reference data added by the hub team (e.g. TERYT codes), not stated on the source pages." },
    SYNTHETIC_DEMO: { description: "Generated demo data so dashboards have something to show. Not a real observation." },
    IMPORT: { description: "Loaded by the regional owner from a file (see `import`)." },
    ENTERED: { description: "Entered by the regional owner through the hub's mutations (a form)." },
  },
});

export enum UnitLevel {
  VOIVODESHIP = "VOIVODESHIP",
  POWIAT = "POWIAT",
  GMINA = "GMINA",
}
registerEnumType(UnitLevel, {
  name: "UnitLevel",
  description: "Tier of the Polish territorial division.",
  valuesConfig: {
    VOIVODESHIP: { description: "Województwo (2-digit TERYT code)." },
    POWIAT: { description: "Powiat, county (4-digit TERYT code)." },
    GMINA: { description: "Gmina, municipality (7-digit TERYT code with the type digit)." },
  },
});

export enum InstitutionKind {
  ROPS = "ROPS",
  RCPS = "RCPS",
  PCPR = "PCPR",
  OPS = "OPS",
  UNIVERSITY = "UNIVERSITY",
  NGO = "NGO",
  LOCAL_GOVERNMENT = "LOCAL_GOVERNMENT",
  OTHER = "OTHER",
}
registerEnumType(InstitutionKind, {
  name: "InstitutionKind",
  description: "Kind of institution taking part in a partnership.",
  valuesConfig: {
    ROPS: { description: "Regionalny Ośrodek Polityki Społecznej (regional social policy centre)." },
    RCPS: { description: "Regionalne Centrum Polityki Społecznej (regional social policy centre, Łódź)." },
    PCPR: { description: "Powiatowe Centrum Pomocy Rodzinie (county family support centre)." },
    OPS: { description: "Ośrodek Pomocy Społecznej (municipal social assistance centre)." },
    UNIVERSITY: { description: "University or research institution." },
    NGO: { description: "Non-governmental organisation." },
    LOCAL_GOVERNMENT: { description: "A local government unit (gmina, powiat) acting as a participant." },
    OTHER: { description: "Any other institution." },
  },
});

export enum MemberRole {
  PARTNER = "PARTNER",
  ACADEMIC_PARTNER = "ACADEMIC_PARTNER",
  PARTICIPANT = "PARTICIPANT",
}
registerEnumType(MemberRole, {
  name: "MemberRole",
  description: "Role of an institution in a partnership. The lead partner is reported separately as claims, because sources disagree.",
  valuesConfig: {
    PARTNER: { description: "A partner of the project agreement." },
    ACADEMIC_PARTNER: { description: "An academic partner (e.g. runs the groups' meetings)." },
    PARTICIPANT: { description: "A local institution taking part in the pilot." },
  },
});

export enum CooperationBodyKind {
  COUNTY_REFLECTIVE_GROUP = "COUNTY_REFLECTIVE_GROUP",
  COUNTY_DECISION_MAKERS_GROUP = "COUNTY_DECISION_MAKERS_GROUP",
  REGIONAL_REFLECTIVE_GROUP = "REGIONAL_REFLECTIVE_GROUP",
  PARTNERSHIP_COOPERATION_TEAM = "PARTNERSHIP_COOPERATION_TEAM",
  SCHOOL_OF_COOPERATION = "SCHOOL_OF_COOPERATION",
}
registerEnumType(CooperationBodyKind, {
  name: "CooperationBodyKind",
  description: "The structures of the three models, as one vocabulary so they can be compared nationally.",
  valuesConfig: {
    COUNTY_REFLECTIVE_GROUP: { description: "Powiatowa Grupa Refleksyjna (Kooperacja – efektywna i skuteczna)." },
    COUNTY_DECISION_MAKERS_GROUP: { description: "Powiatowa Grupa Decydentów (Kooperacja – efektywna i skuteczna)." },
    REGIONAL_REFLECTIVE_GROUP: { description: "Regionalna Grupa Refleksyjna (Kooperacja – efektywna i skuteczna)." },
    PARTNERSHIP_COOPERATION_TEAM: { description: "Partnerski Zespół Kooperacyjny, a formal cross-sector team in a gmina (Kooperacje 3D)." },
    SCHOOL_OF_COOPERATION: { description: "Szkoła kooperacji, regional and supra-regional support (Liderzy kooperacji)." },
  },
});

export enum CooperationLevel {
  INSTITUTION = "INSTITUTION",
  WORKER = "WORKER",
  CLIENT = "CLIENT",
}
registerEnumType(CooperationLevel, {
  name: "CooperationLevel",
  description: "The three levels (\"3D\") of cooperation.",
  valuesConfig: {
    INSTITUTION: { description: "Formal local partnerships of the OPS with other sectors." },
    WORKER: { description: "Social workers with workers of other institutions." },
    CLIENT: { description: "Social worker with the client: cross-sector diagnosis leading to a social contract." },
  },
});

export enum SiteStatus {
  INVITED = "INVITED",
  QUALIFIED = "QUALIFIED",
  ACTIVE = "ACTIVE",
  COMPLETED = "COMPLETED",
}
registerEnumType(SiteStatus, {
  name: "SiteStatus",
  description: "Stage of a pilot site's participation.",
  valuesConfig: {
    INVITED: { description: "Invited to apply." },
    QUALIFIED: { description: "Qualified to take part." },
    ACTIVE: { description: "Taking part in the pilot." },
    COMPLETED: { description: "Finished the pilot." },
  },
});

export enum ActivityKind {
  TRAINING = "TRAINING",
  COACHING = "COACHING",
  SUPERVISION = "SUPERVISION",
  ADVISORY = "ADVISORY",
  CONFERENCE = "CONFERENCE",
  WORKSHOP = "WORKSHOP",
  CONSULTATION_MEETING = "CONSULTATION_MEETING",
  EDUCATIONAL_MEETING = "EDUCATIONAL_MEETING",
  EXPERIENCE_EXCHANGE = "EXPERIENCE_EXCHANGE",
  EDUCATIONAL_PLATFORM = "EDUCATIONAL_PLATFORM",
  ANIMATION = "ANIMATION",
}
registerEnumType(ActivityKind, {
  name: "ActivityKind",
  description: "Kind of support given to institutions and workers.",
  valuesConfig: {
    TRAINING: { description: "Training, including cross-sector and specialist trainings." },
    COACHING: { description: "Individual or group coaching of social workers." },
    SUPERVISION: { description: "Supervision." },
    ADVISORY: { description: "Advisory (doradztwo)." },
    CONFERENCE: { description: "Conference, including educational conferences." },
    WORKSHOP: { description: "Workshop, including seminar-workshops and cooperation workshops." },
    CONSULTATION_MEETING: { description: "Consultation meeting." },
    EDUCATIONAL_MEETING: { description: "Educational meeting." },
    EXPERIENCE_EXCHANGE: { description: "Partner meeting for the exchange of experience." },
    EDUCATIONAL_PLATFORM: { description: "Educational (e-learning) platform." },
    ANIMATION: { description: "Support of an animator-moderator for the partnership teams." },
  },
});

export enum IndicatorLevel {
  SITE = "SITE",
  FAMILY = "FAMILY",
}
registerEnumType(IndicatorLevel, {
  name: "IndicatorLevel",
  description: "Whether an indicator is measured per pilot site or per supported family.",
  valuesConfig: {
    SITE: { description: "One value per pilot site and period." },
    FAMILY: { description: "One value per supported family and period." },
  },
});

export enum IndicatorBasis {
  REPORTED = "REPORTED",
  RECORDS = "RECORDS",
}
registerEnumType(IndicatorBasis, {
  name: "IndicatorBasis",
  description: "Where an indicator's figures come from.",
  valuesConfig: {
    REPORTED: { description: "Values the region reports per pilot site (or family) and quarter (indicatorValues)." },
    RECORDS: { description: "Computed by the hub from the region's records (families, meetings, activities, bodies), dated to the day." },
  },
});

export enum IndicatorAggregation {
  SUM = "SUM",
  MEAN = "MEAN",
}
registerEnumType(IndicatorAggregation, {
  name: "IndicatorAggregation",
  description: "How an indicator's values add up to one figure for a group.",
  valuesConfig: {
    SUM: { description: "The sum of the values (counts of families, meetings, persons)." },
    MEAN: { description: "The mean of the values (shares, percentages)." },
  },
});

export enum IndicatorDirection {
  HIGHER_IS_BETTER = "HIGHER_IS_BETTER",
  LOWER_IS_BETTER = "LOWER_IS_BETTER",
}
registerEnumType(IndicatorDirection, {
  name: "IndicatorDirection",
  description: "Which way an indicator improves; rankings order by it.",
  valuesConfig: {
    HIGHER_IS_BETTER: { description: "A higher figure is better." },
    LOWER_IS_BETTER: { description: "A lower figure is better." },
  },
});
