import { useEffect, useRef, useState } from 'react';
import type { ProfessionalRole } from '../../api/generated/graphql';
import { type ApiError, graphql } from '../../api/graphql';
import { asApiError } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Alert, Button, ButtonGroup, DataList, DataListItem, Heading, Paragraph, StatusBadge } from '../../ui';
import { ErrorAlert } from '../../ui/error-alert';
import { joinWords, labelOf } from '../member/member-family';
import { CHANGE_ROLES, DEACTIVATE, type DirectoryProfessional, refusalAt, ROLES } from './admin-api';
import { RoleChoices } from './role-choices';

type Open = 'roles' | 'deactivate' | null;

/**
 * One professional of the directory: roles, contact, sign-in code and status; change the roles,
 * or deactivate after a confirmation. The API decides (never one's own registration, never a case
 * director); its refusals are said in plain words here.
 */
export function ProfessionalCard({ professional: listed, isViewer, onChanged }: { professional: DirectoryProfessional; isViewer: boolean; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  // The mutation's answer, shown at once, until the list is read again.
  const [answer, setAnswer] = useState<DirectoryProfessional | null>(null);
  useEffect(() => setAnswer(null), [listed]);
  const professional = answer ?? listed;
  const [open, setOpen] = useState<Open>(null);
  const [roles, setRoles] = useState<ReadonlySet<ProfessionalRole>>(new Set(professional.roles));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const feedback = useRef<HTMLDivElement>(null);
  const titleId = `professional-${professional.id}`;
  const name = professional.name;
  const active = professional.deactivatedAt === null;

  useEffect(() => {
    if (open !== null) panel.current?.focus();
  }, [open]);
  useEffect(() => {
    if (message !== null || refusal !== null || error !== null) feedback.current?.focus();
  }, [message, refusal, error]);

  const act = async (kind: 'roles' | 'deactivate') => {
    setMessage(null);
    setRefusal(null);
    setError(null);
    if (kind === 'roles' && roles.size === 0) return setProblem(t('admin.refusal.NO_ROLES'));
    setProblem(undefined);
    setBusy(true);
    try {
      if (kind === 'roles') {
        // In the table's order, as the API keeps them.
        setAnswer((await graphql(CHANGE_ROLES, { id: professional.id, roles: ROLES.filter((r) => roles.has(r)) })).changeProfessionalRoles);
        setMessage(t('admin.roles.saved', { name }));
      } else {
        setAnswer((await graphql(DEACTIVATE, { id: professional.id })).deactivateProfessional);
        setMessage(t('admin.deactivate.done', { name }));
      }
      setOpen(null);
      onChanged();
    } catch (e) {
      const failure = asApiError(e);
      const refused = refusalAt(t, failure, ['roles'] as const, { name });
      if (refused?.field === 'roles') setProblem(refused.text);
      else if (refused !== null) {
        setRefusal(refused.text);
        setOpen(null);
      } else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="kring-card" aria-labelledby={titleId} data-testid={`directory-${professional.id}`}>
      <div className="kring-m-consent__head">
        <Heading level={3} id={titleId}>
          {name} {isViewer && t('admin.professionals.you')}
        </Heading>
        {active ? <StatusBadge tone="ok">{t('admin.professionals.active')}</StatusBadge> : <StatusBadge tone="neutral">{t('admin.professionals.deactivated')}</StatusBadge>}
      </div>
      <DataList className="kring-m-datalist">
        <DataListItem label={t('admin.professionals.roles')}>{joinWords(t, professional.roles.map((r) => labelOf(t, 'role', r)), 'member.and')}</DataListItem>
        <DataListItem label={t('admin.professionals.contact')}>{professional.contact ?? <span className="kring-m-muted">{t('admin.organisations.notGiven')}</span>}</DataListItem>
        <DataListItem label={t('admin.professionals.subject')}>
          <code>{professional.subject}</code>
        </DataListItem>
        <DataListItem label={t('admin.professionals.registeredAt')}>{formatDate(professional.registeredAt)}</DataListItem>
        {!active && professional.deactivatedAt !== null && <DataListItem label={t('admin.professionals.status')}>{t('admin.professionals.deactivatedOn', { date: formatDate(professional.deactivatedAt) })}</DataListItem>}
      </DataList>
      {active && open === null && (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => {
              setRoles(new Set(professional.roles));
              setOpen('roles');
            }}
          >
            {t('admin.roles.change')}
          </Button>
          <Button appearance="secondary-action-button" hint="danger" type="button" onClick={() => setOpen('deactivate')}>
            {t('admin.deactivate.button')}
          </Button>
        </ButtonGroup>
      )}
      {open === 'roles' && (
        <div ref={panel} tabIndex={-1} className="kring-m-confirm">
          <RoleChoices
            id={`roles-${professional.id}`}
            legend={t('admin.roles.legend', { name })}
            roles={roles}
            problem={problem}
            onChange={(next) => {
              setRoles(next);
              setProblem(undefined);
            }}
          />
          <PanelButtons label={t('admin.roles.save')} busy={busy} onDo={() => void act('roles')} onCancel={() => setOpen(null)} />
        </div>
      )}
      {open === 'deactivate' && (
        <div ref={panel} tabIndex={-1} className="kring-m-confirm" role="group" aria-labelledby={`${titleId}-confirm`}>
          <Paragraph>
            <strong id={`${titleId}-confirm`}>{t('admin.deactivate.confirm', { name })}</strong>
          </Paragraph>
          <PanelButtons label={t('admin.deactivate.yes')} danger busy={busy} onDo={() => void act('deactivate')} onCancel={() => setOpen(null)} />
        </div>
      )}
      <div ref={feedback} tabIndex={-1} className="kring-m-feedback">
        {message !== null && <Alert type="ok">{message}</Alert>}
        {refusal !== null && <Alert type="warning">{refusal}</Alert>}
        <ErrorAlert error={error} />
      </div>
    </article>
  );
}

/** The two buttons under an open panel: do it, or cancel. */
function PanelButtons({ label, danger, busy, onDo, onCancel }: { label: string; danger?: boolean; busy: boolean; onDo: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <ButtonGroup>
      <Button appearance="primary-action-button" hint={danger ? 'danger' : undefined} type="button" busy={busy} disabled={busy} onClick={onDo}>
        {label}
      </Button>
      <Button appearance="secondary-action-button" type="button" disabled={busy} onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </ButtonGroup>
  );
}
