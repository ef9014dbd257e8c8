// Moved to libs/crypto, where the subject facts loader of libs/consent needs it too.
export { openSealed } from '@kring/crypto';
