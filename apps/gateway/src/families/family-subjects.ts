import type { EntityManager } from 'typeorm';
import { isInvolvedToday } from '@kring/family-file';
import { notFound } from '../common/kring-error';

// The loaders live in the libraries now (loadSubjectFacts in @kring/consent, memberIdsOf and
// isInvolvedToday in @kring/family-file); these names stay for the family features' own use.
export { loadSubjectFacts as loadFamilySubjects } from '@kring/consent';
export { memberIdsOf } from '@kring/family-file';

/** Refuses, exactly like a missing family, when the organisation is not involved with the family today, or the family was erased. */
export async function requireInvolvedToday(manager: EntityManager, organisationId: string, familyId: string, today: string): Promise<void> {
  if (!(await isInvolvedToday(manager, organisationId, familyId, today))) throw notFound('family');
}
