import type { SelectHTMLAttributes } from 'react';
import { DOMAINS } from '../api/fragments';
import type { Domain } from '../api/generated/graphql';
import { useI18n } from '../i18n/i18n';
import { labelOf } from '../pages/member/member-family';
import { Select } from './index';

/** A choice of the kinds of organisation (domains), in words, after an empty "choose" option. */
export function DomainSelect({ value, onChoose, invalid, ...rest }: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { value: Domain | ''; onChoose: (domain: Domain | '') => void; invalid?: boolean }) {
  const { t } = useI18n();
  return (
    <Select {...rest} value={value} invalid={invalid} onChange={(event) => onChoose(event.currentTarget.value as Domain | '')}>
      <option value="">{t('member.grant.choose')}</option>
      {DOMAINS.map((d) => (
        <option key={d} value={d}>
          {labelOf(t, 'domain', d)}
        </option>
      ))}
    </Select>
  );
}
