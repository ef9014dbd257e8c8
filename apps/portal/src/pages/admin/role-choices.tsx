import type { ProfessionalRole } from '../../api/generated/graphql';
import { useI18n } from '../../i18n/i18n';
import { Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage } from '../../ui';
import { Choice, toggled } from '../../ui/choice';
import { labelOf } from '../member/member-family';
import { ROLES } from './admin-api';

/** The roles as checkboxes, each explained, in a fieldset with its legend; a problem is said below the legend. */
export function RoleChoices({ id, legend, help, roles, onChange, problem }: { id: string; legend: string; help?: string; roles: ReadonlySet<ProfessionalRole>; onChange: (roles: Set<ProfessionalRole>) => void; problem: string | undefined }) {
  const { t } = useI18n();
  const describedBy = [help !== undefined && `${id}-help`, problem !== undefined && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset invalid={problem !== undefined} aria-describedby={describedBy}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {help !== undefined && <FormFieldDescription id={`${id}-help`}>{help}</FormFieldDescription>}
      {problem !== undefined && <FormFieldErrorMessage id={`${id}-error`}>{problem}</FormFieldErrorMessage>}
      <div id={id} tabIndex={-1} aria-invalid={problem !== undefined || undefined}>
        {ROLES.map((role) => (
          <Choice key={role} type="checkbox" id={`${id}-${role}`} checked={roles.has(role)} onChange={(checked) => onChange(toggled(roles, role, checked))} label={labelOf(t, 'role', role)} description={t(`admin.roleHelp.${role}`)} />
        ))}
      </div>
    </Fieldset>
  );
}
