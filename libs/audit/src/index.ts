export type { AccessLogFacts, ActorKind, ChainedEntry, Decision } from './access-log-entry';
export { canonicalEncoding, chainKeyOf, entryHash, GENESIS_HASH } from './chain';
export { CheckpointSigner, checkpointIsAuthentic } from './checkpoint';
export type { Checkpoint } from './checkpoint';
export { verifyChain } from './verify-chain';
export type { Breakage, ChainVerdict } from './verify-chain';
export { AccessLogEntryEntity } from './access-log-entry.entity';
export { AccessLogChainHeadEntity } from './access-log-chain-head.entity';
export { AccessLogCheckpointEntity } from './access-log-checkpoint.entity';
