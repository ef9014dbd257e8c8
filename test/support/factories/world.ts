import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { KringCrypto } from '@kring/crypto';
import { FamilyFileWriter, MemberRelation, type FieldValue } from '@kring/family-file';
import { DirectoryWriter, type DevIssuer, type Domain, ProfessionalRole } from '@kring/identity';
import type { PurposeCatalogue } from '@kring/policy';
import { uniqueBsn } from './bsn';
import { insertConsentRow, type ConsentRow } from './consent-rows';
import { addDays, birthDateFor, dayOf } from './dates';
import { uniqueName } from './unique-name';
import type { Bearer, MadeFamily, MadeMember, MadeOrganisation, MadeProfessional, Partner } from './world.types';

/** What the factories need of a test gateway: its database, its crypto, its catalogue, its clock and its issuer. */
export interface WorldGateway {
  readonly dataSource: DataSource;
  readonly crypto: KringCrypto;
  readonly catalogue: PurposeCatalogue;
  readonly clock: { now(): Date };
  readonly issuer: DevIssuer;
}

export interface MemberSpec {
  /** How the test calls the member (`parent`, `teen`); also the start of the name. */
  readonly label: string;
  /** Age in whole years today (by the gateway's clock); or give `birthDate`. */
  readonly age?: number;
  readonly birthDate?: string;
  /** Default: PARENT from 18, CHILD under it. */
  readonly relation?: MemberRelation;
  readonly name?: string;
  readonly bsn?: string;
}

export interface FamilySpec {
  readonly registeredBy: MadeOrganisation | Partner;
  readonly members: readonly MemberSpec[];
  /** [adult label, child label]: the adult holds parental authority (gezag) over the child. */
  readonly authority?: readonly (readonly [string, string])[];
}

export interface InvolvementSpec {
  /** YYYY-MM-DD; default 30 days before today. */
  readonly startsOn?: string;
  /** The first day no longer involved; default open. */
  readonly endsOn?: string | null;
  readonly caseDirection?: boolean;
}

export interface RecordSpec {
  /** The organisation that wrote it (a partner's professional is its author). */
  readonly source: MadeOrganisation | Partner;
  readonly sectionType: string;
  readonly subjects: readonly MadeMember[];
  readonly values: Readonly<Record<string, FieldValue>>;
}

export interface World {
  organisation(input: { domain: Domain; name?: string }): Promise<MadeOrganisation>;
  professional(organisation: MadeOrganisation, input?: { roles?: readonly ProfessionalRole[]; name?: string; contact?: string }): Promise<MadeProfessional>;
  /** An organisation of `domain` with one professional of the given roles (PROFESSIONAL by default). */
  partner(domain: Domain, input?: { roles?: readonly ProfessionalRole[]; organisationName?: string; professionalName?: string }): Promise<Partner>;
  family(spec: FamilySpec): Promise<MadeFamily>;
  involve(family: MadeFamily, organisation: MadeOrganisation | Partner, spec?: InvolvementSpec): Promise<{ id: string }>;
  record(family: MadeFamily, spec: RecordSpec): Promise<{ id: string }>;
  consent(family: MadeFamily, row: ConsentRow): Promise<{ id: string }>;
  /** A fresh token signed by the gateway's own test issuer. */
  tokenFor(bearer: Bearer): Promise<string>;
  /** Today in Amsterdam, by the gateway's clock. */
  today(): string;
  /** Now, by the gateway's clock. */
  now(): Date;
}

/**
 * A builder of small worlds on a test gateway. Everything goes through the same
 * writers and crypto the gateway uses (so every stored value is real ciphertext),
 * and every name and BSN is new, so suites and tests never collide.
 */
export function newWorld(gateway: WorldGateway): World {
  const directory = new DirectoryWriter(gateway.crypto);
  const files = new FamilyFileWriter(gateway.crypto);
  const today = () => dayOf(gateway.clock.now());
  const organisationOf = (o: MadeOrganisation | Partner): MadeOrganisation => ('organisation' in o ? o.organisation : o);

  const world: World = {
    today,
    now: () => gateway.clock.now(),
    async organisation({ domain, name }) {
      const entity = await gateway.dataSource.transaction((manager) => directory.registerOrganisation(manager, { name: name ?? uniqueName(`Organisation ${domain}`), domain }));
      return { id: entity.id, name: entity.name, domain, entity };
    },
    async professional(organisation, input = {}) {
      const name = input.name ?? uniqueName('Professional');
      const roles = [...(input.roles ?? [ProfessionalRole.PROFESSIONAL])];
      const entity = await gateway.dataSource.transaction((manager) => directory.registerProfessional(manager, organisation.entity, { name, roles, contact: input.contact ?? null }));
      return { id: entity.id, name, organisation, roles };
    },
    async partner(domain, input = {}) {
      const organisation = await world.organisation({ domain, ...(input.organisationName === undefined ? {} : { name: input.organisationName }) });
      const professional = await world.professional(organisation, {
        ...(input.roles === undefined ? {} : { roles: input.roles }),
        ...(input.professionalName === undefined ? {} : { name: input.professionalName }),
      });
      return { organisation, professional, id: organisation.id, domain };
    },
    async family(spec) {
      const on = today();
      const members = spec.members.map((m) => {
        const birthDate = m.birthDate ?? birthDateFor(on, m.age ?? 40);
        const adult = birthDate <= birthDateFor(on, 18, 0);
        return { label: m.label, name: m.name ?? uniqueName(m.label), birthDate, bsn: m.bsn ?? uniqueBsn(), relation: m.relation ?? (adult ? MemberRelation.PARENT : MemberRelation.CHILD) };
      });
      const index = (label: string) => {
        const i = members.findIndex((m) => m.label === label);
        if (i < 0) throw new Error(`no member labelled ${label}`);
        return i;
      };
      const authority = (spec.authority ?? []).map(([adult, child]) => ({ adult: index(adult), child: index(child) }));
      const made = await gateway.dataSource.transaction((manager) =>
        files.createFamily(manager, {
          registeredByOrganisationId: organisationOf(spec.registeredBy).id,
          // The gateway lists members by id: ids that start with their position keep the order the test gave.
          members: members.map(({ name, birthDate, bsn, relation }, i) => ({ id: `${i.toString(16).padStart(2, '0')}${randomUUID().slice(2)}`, name, birthDate, bsn, relation })),
          authority,
        }),
      );
      const withIds: MadeMember[] = members.map((m, i) => ({ ...m, id: made.memberIds[i] as string }));
      return {
        id: made.family.id,
        members: withIds,
        key: made.key,
        member: (label) => withIds[index(label)] as MadeMember,
      };
    },
    async involve(family, organisation, spec = {}) {
      const involvement = await gateway.dataSource.transaction((manager) =>
        files.addInvolvement(manager, {
          familyId: family.id,
          organisationId: organisationOf(organisation).id,
          contactProfessionalId: 'professional' in organisation ? organisation.professional.id : null,
          startsOn: spec.startsOn ?? addDays(today(), -30),
          endsOn: spec.endsOn ?? null,
          caseDirection: spec.caseDirection ?? false,
        }),
      );
      return { id: involvement.id };
    },
    async record(family, spec) {
      const record = await gateway.dataSource.transaction((manager) =>
        files.addRecord(manager, family.key, {
          familyId: family.id,
          sourceOrganisationId: organisationOf(spec.source).id,
          authorProfessionalId: 'professional' in spec.source ? spec.source.professional.id : null,
          sectionType: spec.sectionType,
          subjectMemberIds: spec.subjects.map((s) => s.id),
          values: spec.values,
        }),
      );
      return { id: record.id };
    },
    consent: (family, row) => insertConsentRow(gateway.dataSource, family, row, gateway.clock.now(), gateway.catalogue.version),
    tokenFor(bearer) {
      if ('professional' in bearer) return gateway.issuer.sign({ kind: 'professional', professionalId: bearer.professional.id });
      if ('roles' in bearer) return gateway.issuer.sign({ kind: 'professional', professionalId: bearer.id });
      return gateway.issuer.sign({ kind: 'citizen', memberId: bearer.id });
    },
  };
  return world;
}
