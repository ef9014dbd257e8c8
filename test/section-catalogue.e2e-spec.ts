import { SECTION_TYPES } from '@kring/family-file';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const CATALOGUE = `{ sectionCatalogue { name input source description supersededBy fields { name category kind required unit description } } }`;

interface SpecAnswer {
  name: string;
  input: string | null;
  source: 'ORGANISATION' | 'FAMILY';
  description: string;
  supersededBy: string | null;
  fields: { name: string; category: string; kind: string; required: boolean; unit: string | null; description: string }[];
}

/** `sectionCatalogue` is the catalogue the gateway builds the file from, so the portal never mirrors it. */
describe('sectionCatalogue: the section types as the family file serves them', () => {
  let sut: TestGateway;
  let catalogue: SpecAnswer[];

  beforeAll(async () => {
    sut = await startTestGateway({ label: 'section_catalogue' });
    const answer = await sut.graphql<{ sectionCatalogue: SpecAnswer[] }>(CATALOGUE, { token: await sut.tokenFor('wmo') });
    expect(answer.errors).toBeUndefined();
    catalogue = answer.data?.sectionCatalogue as SpecAnswer[];
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('lists every section type of the library\'s catalogue, in its order, with each field\'s category and whether it is required', () => {
    expect(catalogue.map((t) => t.name)).toEqual(SECTION_TYPES.map((t) => t.name));
    for (const type of SECTION_TYPES) {
      const served = catalogue.find((t) => t.name === type.name);
      expect(served?.fields.map((f) => [f.name, f.category, f.required, f.unit])).toEqual(type.fields.map((f) => [f.name, f.category, f.required, f.unit ?? null]));
    }
  });

  it('our story is the family\'s section: no AddRecordInput field carries it (members write it with writeOurStory)', async () => {
    expect(catalogue.filter((t) => t.source === 'FAMILY').map((t) => [t.name, t.input])).toEqual([['OurStory', null]]);
    expect(catalogue.filter((t) => t.source === 'ORGANISATION').every((t) => t.input !== null)).toBe(true);
    const input = await sut.graphql<{ __type: { inputFields: { name: string }[] } }>(`{ __type(name: "AddRecordInput") { inputFields { name } } }`, { token: await sut.tokenFor('wmo') });
    expect(input.data?.__type.inputFields.map((f) => f.name)).not.toContain('ourStory');
  });

  it('names exactly the fields of each section type in the schema, and the AddRecordInput field that carries an organisation\'s', async () => {
    const token = await sut.tokenFor('wmo');
    const input = await sut.graphql<{ __type: { inputFields: { name: string; isDeprecated: boolean; deprecationReason: string | null }[] } }>(
      `{ __type(name: "AddRecordInput") { inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`,
      { token },
    );
    const inputFields = input.data?.__type.inputFields.map((f) => f.name) ?? [];
    // A superseded section (the FamilyPlan record, now the family plan) is still accepted, and marked deprecated with where to write instead.
    const deprecated = Object.fromEntries((input.data?.__type.inputFields ?? []).filter((f) => f.isDeprecated).map((f) => [f.name, f.deprecationReason]));
    expect(deprecated).toEqual(Object.fromEntries(catalogue.filter((t) => t.supersededBy !== null).map((t) => [t.input, `Use ${t.supersededBy}.`])));
    expect(deprecated['familyPlan']).toContain('writePlanItem');
    for (const type of catalogue) {
      const schemaType = await sut.graphql<{ __type: { fields: { name: string; description: string }[] } }>(`query($name: String!) { __type(name: $name) { fields { name description } } }`, {
        token,
        variables: { name: type.name },
      });
      const served = schemaType.data?.__type.fields ?? [];
      expect(served.map((f) => f.name).sort()).toEqual(type.fields.map((f) => f.name).sort());
      // The schema's description of each field names the category the rule decides it on.
      for (const f of type.fields) expect(served.find((s) => s.name === f.name)?.description).toContain(`Category: ${f.category}.`);
      if (type.input !== null) expect(inputFields).toContain(type.input);
    }
  });

  it('a record written through the catalogue\'s input field is read back as that section type, with those fields', async () => {
    const wmo = await sut.tokenFor('wmo');
    const family = await sut.graphql<{ registerFamily: { id: string; memberIds: string[] } }>(
      `mutation { registerFamily(input: { members: [{ name: "Catalogus Test", birthDate: "1980-02-03", bsn: "234567065", relation: PARENT }] }) { id memberIds } }`,
      { token: wmo },
    );
    expect(family.errors).toBeUndefined();
    const { id: familyId, memberIds } = family.data?.registerFamily as { id: string; memberIds: string[] };
    const support = catalogue.find((t) => t.name === 'SupportProvision') as SpecAnswer;
    const added = await sut.graphql(`mutation($input: AddRecordInput!) { addRecord(input: $input) { id } }`, {
      token: wmo,
      variables: { input: { familyId, subjectMemberIds: memberIds, [support.input as string]: { provision: 'Huishoudelijke hulp', hoursPerWeek: 3 } } },
    });
    expect(added.errors).toBeUndefined();
    const read = await sut.graphql<{ family: { records: { section: Record<string, unknown> }[] } }>(
      `query($id: ID!) { family(id: $id, purpose: "SUPPORT_PLANNING") { records { section { __typename ... on SupportProvision { ${support.fields.map((f) => f.name).join(' ')} } } } } }`,
      { token: wmo, variables: { id: familyId } },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.family.records[0]?.section).toEqual({ __typename: 'SupportProvision', provision: 'Huishoudelijke hulp', hoursPerWeek: 3, decisionDate: null });
  });

  it('is refused to a caller without a token', async () => {
    const anonymous = await sut.graphql(CATALOGUE);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
