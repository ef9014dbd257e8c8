import { Module } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Clock } from '@kring/config';
import { dutchDate } from '@kring/consent';
import { findSectionType, type FieldKind } from '@kring/family-file';
import type { Principal } from '@kring/identity';
import { Authenticated } from '../../../apps/gateway/src/identity/access.decorator';
import { CurrentPrincipal } from '../../../apps/gateway/src/identity/current-principal.decorator';
import { FamilyFile } from '../../../apps/gateway/src/families/family-file.model';
import { loadFamilyRowsForOrganisation } from '../../../apps/gateway/src/families/family-snapshot';
import type { SectionValues } from '../../../apps/gateway/src/families/section.model';

/**
 * The benchmark's baseline: the same family file over the same rows, read by the same
 * SQL, with none of what privacy costs: no access rule, no key unwrapped, no value
 * decrypted, no log entry. Each value is its stored ciphertext (base64), or a number or
 * flag of the same type, so the answer has the shape and about the size of the real one.
 *
 * Benchmark code only: it lives in bench/, the benchmark mounts it beside the gateway's
 * module in its own process, and nothing in apps/ or libs/ can reach it.
 */
@Resolver(() => FamilyFile)
class PlainReadResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Authenticated()
  @Query(() => FamilyFile, { nullable: true, description: 'BENCHMARK ONLY: the family file without rule, decryption or log.' })
  async plainFamily(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('purpose') purpose: string): Promise<FamilyFile | null> {
    if (principal.kind !== 'professional') return null;
    // The statement the real read runs: involvement decided first, then the rows.
    const now = this.clock.now();
    const found = await loadFamilyRowsForOrganisation(this.dataSource.manager, id, now, principal.organisationId, dutchDate(now));
    if (found.kind === 'closed') return null;
    const { rows } = found;
    const sealed = (value: Buffer | string) => (typeof value === 'string' ? value : value.toString('base64'));
    return {
      id: rows.family.id,
      purpose,
      members: rows.members.map((m) => ({
        id: m.id,
        name: sealed(m.nameCiphertext),
        birthDate: sealed(m.birthDateCiphertext),
        bsn: sealed(m.bsnCiphertext),
        relation: null,
        holdsAuthorityOver: rows.authority.filter((a) => a.adultMemberId === m.id).map((a) => a.childMemberId),
      })),
      involvements: rows.involvements.map((i) => {
        const organisation = rows.organisations.get(i.organisationId);
        return {
          id: i.id,
          organisation: organisation === undefined ? null : { id: organisation.id, name: organisation.name, domain: organisation.domain },
          startsOn: i.startsOn,
          endsOn: i.endsOn,
          caseDirection: i.caseDirection,
        };
      }),
      records: rows.records.map((r) => {
        const section: Record<string, unknown> & SectionValues = { __sectionType: r.sectionType };
        for (const f of findSectionType(r.sectionType)?.fields ?? []) {
          const value = r.encryptedFields[f.name];
          section[f.name] = value === undefined ? null : stand(f.kind, value);
        }
        const source = r.sourceOrganisationId === null ? undefined : rows.organisations.get(r.sourceOrganisationId);
        return {
          id: r.id,
          sectionType: r.sectionType,
          sourceOrganisation: source === undefined ? null : { id: source.id, name: source.name, domain: source.domain },
          authorMemberId: r.authorMemberId,
          subjectMemberIds: [...(rows.subjectsByRecord.get(r.id) ?? [])],
          createdAt: r.createdAt,
          supersededAt: null,
          section,
        };
      }),
      redactions: [],
    };
  }
}

/** A stand-in of the field's GraphQL type for a value that is not decrypted. */
function stand(kind: FieldKind, ciphertext: string): unknown {
  switch (kind) {
    case 'text':
    case 'date':
      return ciphertext;
    case 'text-list':
      return [ciphertext];
    case 'integer':
    case 'decimal':
      return ciphertext.length;
    case 'boolean':
      return true;
  }
}

/** Its DataSource and Clock come from the gateway's InfrastructureModule (global). */
@Module({ providers: [PlainReadResolver] })
export class PlainReadModule {}
