import { DirectoryWriter, Domain, ProfessionalRole } from '@kring/identity';
import type { TestGateway } from '../test-gateway';
import type { ReferenceOrganisation } from '../reference/reference-world';

/** The generated worlds' organisations. Two share a domain, so "every organisation of a domain" and "this organisation" differ. */
export const ORGANISATION_DOMAINS: readonly Domain[] = [
  Domain.YOUTH_CARE,
  Domain.YOUTH_CARE,
  Domain.WMO,
  Domain.DEBT_ASSISTANCE,
  Domain.PARTICIPATION,
  Domain.CHILD_SAFETY,
  Domain.EDUCATION,
  Domain.ADULT_CARE,
];

/** One organisation per domain given (labelled O0, O1, ...), each with a professional whose token is returned by organisation id. */
export async function registerOrganisations(sut: TestGateway, domains: readonly Domain[]): Promise<{ organisations: ReferenceOrganisation[]; tokens: Map<string, string> }> {
  const directory = new DirectoryWriter(sut.crypto);
  const tokens = new Map<string, string>();
  const organisations = await sut.dataSource.transaction(async (manager) => {
    const made: ReferenceOrganisation[] = [];
    for (const [i, domain] of domains.entries()) {
      const organisation = await directory.registerOrganisation(manager, { name: `Organisation ${i} (${domain})`, domain });
      const professional = await directory.registerProfessional(manager, organisation, { name: `Professional ${i}`, roles: [ProfessionalRole.PROFESSIONAL] });
      tokens.set(organisation.id, await sut.issuer.sign({ kind: 'professional', professionalId: professional.id }));
      made.push({ id: organisation.id, label: `O${i}`, domain });
    }
    return made;
  });
  return { organisations, tokens };
}
