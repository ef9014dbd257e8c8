import type { ReactNode } from 'react';
import { type FamilyFile, type FamilyMember, type FamilyRecord, type Involvement, type Redaction, sectionValue } from '../../api/fragments';
import { type MessageKey, type Translate, useI18n } from '../../i18n/i18n';
import {
  Alert,
  CaptionedTable,
  DataListItem,
  Heading,
  ListItem,
  Paragraph,
  Section,
  StatusBadge,
  TableCell,
  TableRow,
  UnorderedList,
} from '../../ui';
import { labelOf } from '../member/member-family';
import type { SectionField, SectionType } from './section-catalogue';
import { type FileField, FieldList } from './field-list';
import { asText, NotShared, type RedactionIndex, SharedValue } from './shared-value';

type Label = (memberId: string) => string;

/**
 * The file at a glance: how many values are shared with the caller for this purpose, how many
 * exist but are withheld, and the withheld ones by reason with what to do (the cards below group
 * them the same way, per record).
 */
export function RedactionSummary({ redactions, shared }: { redactions: readonly Redaction[]; shared: number }) {
  const { t } = useI18n();
  const sharedWords = <strong data-testid="shared-count">{shared === 1 ? t('pro.file.sharedOne') : t('pro.file.shared', { count: shared })}</strong>;
  if (redactions.length === 0) {
    return (
      <Alert type="ok" className="kring-redaction-summary">
        <Paragraph>
          {sharedWords}. <strong data-testid="redaction-count">{t('pro.file.summaryNone')}</strong>. {t('pro.file.summaryNoneHelp')}
        </Paragraph>
      </Alert>
    );
  }
  const byReason = new Map<string, number>();
  for (const r of redactions) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
  return (
    <Alert type="info" className="kring-redaction-summary">
      <Paragraph>
        {sharedWords}. <strong data-testid="redaction-count">{redactions.length === 1 ? t('pro.file.summaryOne') : t('pro.file.summary', { count: redactions.length })}</strong>. {t('pro.file.summaryHelp')}
      </Paragraph>
      <UnorderedList>
        {[...byReason].sort((a, b) => b[1] - a[1]).map(([reason, count]) => (
          <ListItem key={reason}>
            {t('pro.file.summaryReason', { reason: t(`reason.${reason}` as MessageKey), count })} {t(`pro.todo.${reason}` as MessageKey)}
          </ListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

/** Who holds case direction (casusregie): the first thing a professional needs to know. */
export function CaseDirection({ involvements, ownOrganisationId }: { involvements: readonly Involvement[]; ownOrganisationId: string | null }) {
  const { t } = useI18n();
  const holder = involvements.find((i) => i.caseDirection === true);
  let text: string;
  if (holder?.organisation != null) {
    text = holder.organisation.id === ownOrganisationId ? t('pro.caseDirection.own', { organisation: holder.organisation.name }) : t('pro.caseDirection.by', { organisation: holder.organisation.name });
  } else if (involvements.some((i) => i.caseDirection === null)) {
    text = t('pro.caseDirection.hidden');
  } else {
    text = t('pro.caseDirection.none');
  }
  return (
    <section aria-labelledby="file-case-direction" className="kring-card kring-case-direction">
      <Heading level={2} id="file-case-direction">
        {t('pro.caseDirection.heading')}
      </Heading>
      <Paragraph lead>
        <strong data-testid="case-direction">{text}</strong>
      </Paragraph>
      <Paragraph>{t('pro.caseDirection.help')}</Paragraph>
    </section>
  );
}

export function Members({ members, redactions, label }: { members: readonly FamilyMember[]; redactions: RedactionIndex; label: Label }) {
  const { t, formatDate } = useI18n();
  return (
    <Section id="file-members" title={t('pro.members.heading')}>
      <div className="kring-cards">
        {members.map((m) => {
          return (
            <div key={m.id} className="kring-card" data-member-id={m.id}>
              <Heading level={3}>{label(m.id)}</Heading>
              <FieldList redactions={redactions} fields={memberFields(m, label, t, formatDate)} />
            </div>
          );
        })}
      </div>
    </Section>
  );
}

/** Who else is involved: the Verwijsindex view, with case direction marked in words. */
export function Involvements({ involvements, redactions, ownOrganisationId }: { involvements: readonly Involvement[]; redactions: RedactionIndex; ownOrganisationId: string | null }) {
  const { t, formatDate } = useI18n();
  return (
    <Section id="file-involvements" title={t('pro.involvements.heading')}>
      <Paragraph>{t('pro.involvements.intro')}</Paragraph>
      {involvements.length === 0 ? (
        <Paragraph>{t('pro.involvements.none')}</Paragraph>
      ) : (
        <CaptionedTable caption={t('pro.involvements.caption')} columns={[t('pro.involvements.organisation'), t('pro.involvements.kind'), t('pro.involvements.since'), t('pro.involvements.until'), t('pro.involvements.caseDirection')]}>
          {involvements.map((i) => {
            const path = `involvements.${i.id}`;
            const redaction = redactions.get(path);
            if (redaction !== undefined || i.organisation === null) {
              return (
                <TableRow key={i.id}>
                  <TableCell colSpan={5}>{redaction !== undefined ? <NotShared redaction={redaction} /> : <SharedValue path={path} redactions={redactions} value={null} />}</TableCell>
                </TableRow>
              );
            }
            return (
              <TableRow key={i.id} className={i.caseDirection === true ? 'kring-row--case-direction' : undefined}>
                <TableCell>
                  <span data-testid={`value-${path}`}>{i.organisation.name}</span>
                  {i.organisation.id === ownOrganisationId && <> {t('pro.involvements.own')}</>}
                </TableCell>
                <TableCell>{t(`domain.${i.organisation.domain}`)}</TableCell>
                <TableCell>{i.startsOn === null ? '' : formatDate(i.startsOn)}</TableCell>
                <TableCell>{i.endsOn === null ? t('pro.families.noEnd') : formatDate(i.endsOn)}</TableCell>
                <TableCell>{i.caseDirection === true ? <StatusBadge tone="ok">{t('pro.involvements.holds')}</StatusBadge> : t('common.no')}</TableCell>
              </TableRow>
            );
          })}
        </CaptionedTable>
      )}
    </Section>
  );
}

/** The organisations' records, grouped by section type, every field shown or marked as not shared (the family's own words are above them: OurStories). */
export function Records({ file, sections, redactions, label }: { file: FamilyFile; sections: readonly SectionType[]; redactions: RedactionIndex; label: Label }) {
  const { t } = useI18n();
  return (
    <Section id="file-records" title={t('pro.records.heading')}>
      <Paragraph>{t('pro.records.intro')}</Paragraph>
      {sections.filter((type) => type.source === 'ORGANISATION').map((type) => {
        const records = file.records.filter((r) => r.sectionType === type.name).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        return (
          <div key={type.name} className="kring-record-group">
            <Heading level={3} id={`records-${type.name}`}>
              {labelOf(t, 'pro.section', type.name)}
            </Heading>
            {records.length === 0 ? (
              <Paragraph>{t('pro.records.empty')}</Paragraph>
            ) : (
              records.map((r) => <RecordCard key={r.id} record={r} type={type} redactions={redactions} label={label} />)
            )}
          </div>
        );
      })}
    </Section>
  );
}

function RecordCard({ record, type, redactions, label }: { record: FamilyRecord; type: SectionType; redactions: RedactionIndex; label: Label }) {
  const { t, formatDate } = useI18n();
  const section = labelOf(t, 'pro.section', type.name);
  const date = formatDate(record.createdAt);
  const heading =
    record.sourceOrganisation === null ? t('pro.record.headingHidden', { section, date }) : t('pro.record.heading', { section, organisation: record.sourceOrganisation.name, date });
  return (
    <div className="kring-card" data-record-id={record.id}>
      <Heading level={4}>{heading}</Heading>
      <FieldList
        columns
        redactions={redactions}
        before={
          <>
            <DataListItem label={t('pro.record.about')}>{record.subjectMemberIds.map(label).join(', ')}</DataListItem>
            <DataListItem label={t('pro.record.date')}>{date}</DataListItem>
          </>
        }
        fields={recordFields(record, type, t)}
      />
    </div>
  );
}

/** A member's fields in the file, in the order the card shows them. */
function memberFields(m: FamilyMember, label: Label, t: Translate, formatDate: (value: string) => string): FileField[] {
  const at = (field: string) => `members.${m.id}.${field}`;
  return [
    { label: t('pro.members.name'), path: at('name'), value: m.name },
    { label: t('pro.members.birthDate'), path: at('birthDate'), value: m.birthDate, shown: m.birthDate !== null && formatDate(m.birthDate) },
    { label: t('pro.members.bsn'), path: at('bsn'), value: m.bsn },
    { label: t('pro.members.relation'), path: at('relation'), value: m.relation, shown: m.relation !== null && t(`relation.${m.relation}`) },
    {
      label: t('pro.members.authority'),
      path: at('holdsAuthorityOver'),
      value: m.holdsAuthorityOver,
      shown: m.holdsAuthorityOver !== null && (m.holdsAuthorityOver.length === 0 ? t('pro.members.noAuthority') : m.holdsAuthorityOver.map(label).join(', ')),
    },
  ];
}

/** A record's fields in the file: where it comes from, then its section's fields. */
function recordFields(record: FamilyRecord, type: SectionType, t: Translate): FileField[] {
  const at = (field: string) => `records.${record.id}.${field}`;
  return [
    { label: t('pro.record.source'), path: at('sourceOrganisation'), value: record.sourceOrganisation, shown: record.sourceOrganisation?.name },
    ...type.fields.map((f) => ({ label: t(`pro.field.${type.name}.${f.name}` as MessageKey), path: at(f.name), value: sectionValue(record, f.name), shown: <FieldValue field={f} value={sectionValue(record, f.name)} /> })),
  ];
}

/**
 * How many values of the members and the organisations' records the caller sees (shared and
 * recorded), for the summary at the top; the withheld ones are the API's redaction list.
 */
export function sharedValueCount(file: FamilyFile, sections: readonly SectionType[], redactions: RedactionIndex, t: Translate): number {
  const types = new Map(sections.filter((type) => type.source === 'ORGANISATION').map((type) => [type.name, type]));
  const fields = [
    ...file.members.flatMap((m) => memberFields(m, () => '', t, () => '')),
    ...file.records.flatMap((r) => {
      const type = types.get(r.sectionType);
      return type === undefined ? [] : recordFields(r, type, t);
    }),
  ];
  return fields.filter((f) => !redactions.has(f.path) && f.value !== null && f.value !== undefined).length;
}

/** A shared value as people read it: dates in words, amounts in euros, lists as lists. */
function FieldValue({ field, value }: { field: SectionField; value: unknown }): ReactNode {
  const { t, language, formatDate } = useI18n();
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'text-list':
      return Array.isArray(value) ? (
        <UnorderedList>
          {value.map((item, index) => (
            <ListItem key={index}>{asText(item)}</ListItem>
          ))}
        </UnorderedList>
      ) : (
        asText(value)
      );
    case 'date':
      return typeof value === 'string' ? formatDate(value) : asText(value);
    case 'euro':
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value) : asText(value);
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : asText(value);
    case 'boolean':
      return value === true ? t('common.yes') : t('common.no');
    case 'text':
      return asText(value);
  }
}
