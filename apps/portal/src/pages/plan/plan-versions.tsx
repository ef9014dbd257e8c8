import type { Plan } from '../../api/fragments';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { CaptionedTable, Heading, Paragraph, TableCell, TableRow } from '../../ui';
import { capitalise } from '../member/member-family';
import { changeOf, type PlanNames } from './plan-words';

/** How much of an item's words the list of versions quotes. */
const EXCERPT = 70;

/**
 * The plan's versions, newest first (every version the caller may know of): when, who (a member,
 * or an organisation), what changed, and a link to look at the plan as it stood then.
 */
export function PlanVersions({ plan, names, linkTo }: { plan: Plan; names: PlanNames; linkTo: (version: number) => string }) {
  const { t, formatDateTime } = useI18n();
  const items = new Map(plan.items.map((i) => [i.id, i]));
  return (
    <section aria-labelledby="plan-versions" className="kring-section">
      <Heading level={2} id="plan-versions">
        {t('plan.versions.title')}
      </Heading>
      <Paragraph>{t('plan.versions.intro')}</Paragraph>
      {plan.versions.length === 0 ? (
        <Paragraph>{t('plan.versions.none')}</Paragraph>
      ) : (
        <CaptionedTable caption={t('plan.versions.caption')} columns={[t('plan.versions.number'), t('plan.versions.when'), t('plan.versions.who'), t('plan.versions.what'), t('plan.versions.look')]}>
          {plan.versions.map((v) => {
            const item = items.get(v.itemId);
            const who = v.byMemberId !== null ? capitalise(names.member(v.byMemberId)) : (v.byOrganisation?.name ?? '');
            const excerpt = item === undefined || item.text === '' ? null : item.text.length > EXCERPT ? `${item.text.slice(0, EXCERPT).trimEnd()}…` : item.text;
            return (
              <TableRow key={v.version}>
                <TableCell className="kring-number">{v.version}</TableCell>
                <TableCell className="kring-nowrap">{formatDateTime(v.at)}</TableCell>
                <TableCell>{who}</TableCell>
                <TableCell>
                  {changeOf(t, v, item?.kind ?? null)}
                  {excerpt !== null && <span className="kring-plan-versions__excerpt">“{excerpt}”</span>}
                </TableCell>
                <TableCell>
                  {v.version === plan.version ? (
                    <strong>{v.version === plan.latestVersion ? t('plan.versions.current') : t('plan.versions.shown')}</strong>
                  ) : (
                    <Link to={linkTo(v.version)}>{v.version === plan.latestVersion ? t('plan.versions.current') : t('plan.versions.view', { version: v.version })}</Link>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </CaptionedTable>
      )}
    </section>
  );
}
