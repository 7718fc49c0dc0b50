import { BookChapter } from "./chapters/book-chapter.entity";
import { EvidenceLink } from "./recommendations/evidence-link.entity";
import { Recommendation } from "./recommendations/recommendation.entity";
import { RecommendationPartnership } from "./recommendations/recommendation-partnership.entity";

import { SavedComparison } from "./comparisons/saved-comparison.entity";
import { BookChange } from "./history/book-change.entity";

export const ENTITIES = [BookChapter, Recommendation, RecommendationPartnership, EvidenceLink, SavedComparison, BookChange];
