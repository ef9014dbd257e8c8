import { SECTION_TYPES } from '@kring/family-file';
import type { ExpectedFile, ExpectedRedaction } from '../reference/reference-access-rule';

const SECTIONS = SECTION_TYPES.map((t) => `... on ${t.name} { ${t.fields.map((f) => f.name).join(' ')} }`).join(' ');

/** Every field of a family file, for a comparison with a reference. */
export const FILE_SELECTION = `
    members { id name birthDate bsn relation holdsAuthorityOver }
    involvements { id organisation { id } startsOn endsOn caseDirection }
    records { id sectionType subjectMemberIds sourceOrganisation { id } authorMemberId supersededAt section { __typename ${SECTIONS} } }
    redactions { path field category reason memberId recordId involvementId }`;

/** A family file as the gateway answers it (FILE_SELECTION). */
export interface FileAnswer {
  members: ExpectedFile['members'];
  involvements: { id: string; organisation: { id: string } | null; startsOn: string | null; endsOn: string | null; caseDirection: boolean | null }[];
  records: (Omit<ExpectedFile['records'][number], 'sourceOrganisationId' | 'superseded'> & { sourceOrganisation: { id: string } | null; supersededAt: string | null })[];
  redactions: ExpectedRedaction[];
}

function byId<T extends { id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Lists in a fixed order, so two files compare by content. */
export function normalise(file: ExpectedFile): ExpectedFile {
  return {
    members: byId(file.members),
    involvements: byId(file.involvements),
    records: byId(file.records),
    redactions: [...file.redactions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** The gateway's answer in the reference's shape. */
export function fileOfAnswer(answer: FileAnswer): ExpectedFile {
  return normalise({
    members: answer.members,
    involvements: answer.involvements.map(({ organisation, ...rest }) => ({ ...rest, organisationId: organisation?.id ?? null })),
    // When a version was replaced is the database's clock; that it was is what the rule decides.
    records: answer.records.map(({ sourceOrganisation, supersededAt, ...rest }) => ({ ...rest, sourceOrganisationId: sourceOrganisation?.id ?? null, superseded: supersededAt !== null })),
    redactions: answer.redactions,
  });
}
