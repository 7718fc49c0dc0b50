export { isPartnershipKey, PARTNERSHIP_KEYS, type PartnershipInfo, type PartnershipKey, partnershipRank, PARTNERSHIPS } from "./partnerships";
export { DEFAULT_BOOK_PORT, DEFAULT_REGIONAL_PORTS } from "./ports";
export { ErrorCode, hubError } from "./errors";
export {
  BOOK_NODE_TYPES,
  BOOK_OWNER,
  CATALOGUE_OWNER,
  CATALOGUE_TYPES,
  decodeBookId,
  decodeGlobalId,
  encodeBookId,
  encodeGlobalId,
  encodeRecordId,
  type GlobalId,
  type RecordId,
  tryDecodeBookId,
  tryDecodeGlobalId,
  tryDecodeRecordId,
} from "./global-id";
export { CursorSigner, decodeShardCursor, encodeShardCursor, type GatewayPosition, type ShardPosition, type SortValue } from "./cursor";
export {
  DEFAULT_PAGE_SIZE,
  FigureOrigin,
  MAX_PAGE_SIZE,
  originOf,
  SHARD_DIRECTIVE,
  SHARD_SPEC_URL,
  ShardMerge,
  ShardProtect,
  type ShardRule,
} from "./sharding";
export {
  addKeys,
  CELL_KEY_METHOD,
  cellNoise,
  FigureProtection,
  KEY_MODULUS,
  protectCount,
  protectGroup,
  protectionOf,
  type ProtectionSpec,
  protectSum,
  publishable,
  RecordKeys,
} from "./protection";
export { type RegionFilter, shardsForFilter } from "./region-filter";
export { contractHash, type ExpectedService, identityProblem, type ServiceIdentity } from "./service-identity";
export { type ForwardedUpload, isForwardedUpload } from "./upload";
