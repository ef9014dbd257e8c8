import { DataCategory } from './data-category';
import { sectionSource } from './sections/section-field';
import { currentVersions, OUR_STORY, writeOurStory } from './write-our-story';

describe('writeOurStory', () => {
  const first = { mayWrite: true, currentVersionId: null };

  it('a member writes their story: trimmed, the first version replaces nothing', () => {
    expect(writeOurStory('  Ik wil dat jullie weten dat ik hard werk.\n', first)).toEqual({ ok: true, values: { text: 'Ik wil dat jullie weten dat ik hard werk.' }, supersedesRecordId: null });
  });

  it('writing again makes a new version that replaces the current one', () => {
    expect(writeOurStory('Nieuwe woorden', { mayWrite: true, currentVersionId: 'v1' })).toEqual({ ok: true, values: { text: 'Nieuwe woorden' }, supersedesRecordId: 'v1' });
  });

  it.each([
    ['empty', ''],
    ['only white space', ' \n\t '],
    ['over 4000 characters', 'x'.repeat(4001)],
  ])('a text that is %s is refused', (_case, text) => {
    expect(writeOurStory(text, first)).toEqual({ ok: false, refusal: 'TEXT_LENGTH' });
  });

  it('4000 characters are taken', () => {
    expect(writeOurStory('x'.repeat(4000), first).ok).toBe(true);
  });

  it('nobody writes about a member outside their reach', () => {
    expect(writeOurStory('Over Sanne', { mayWrite: false, currentVersionId: null })).toEqual({ ok: false, refusal: 'NOT_IN_REACH' });
  });

  it('the section is the family\'s, one required field of the category OWN_WORDS', () => {
    expect(sectionSource(OUR_STORY)).toBe('FAMILY');
    expect(OUR_STORY.fields.map((f) => [f.name, f.category, f.required])).toEqual([['text', DataCategory.OWN_WORDS, true]]);
  });
});

describe('currentVersions', () => {
  it('keeps every record no other replaces: organisations\' records and the newest version of each story', () => {
    const records = [
      { id: 'debt', supersedesRecordId: null },
      { id: 'v1', supersedesRecordId: null },
      { id: 'v2', supersedesRecordId: 'v1' },
      { id: 'v3', supersedesRecordId: 'v2' },
      { id: 'other', supersedesRecordId: null },
    ];

    expect(currentVersions(records).map((r) => r.id)).toEqual(['debt', 'v3', 'other']);
  });
});
