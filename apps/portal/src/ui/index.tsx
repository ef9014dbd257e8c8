/**
 * The portal's building blocks, all NL Design System: the published React components
 * (@utrecht/*-react) where a package exists, and the same components' CSS classes
 * (@utrecht/component-library-css) for those that only ship as CSS. Pages import from
 * here only, so a switch to `@utrecht/component-library-react` (once it installs from
 * our registry, see docs/development.md) is a change in this file.
 */
import type { HTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes, ThHTMLAttributes, TdHTMLAttributes } from 'react';

export { Button, PrimaryActionButton, SecondaryActionButton, SubtleButton } from '@utrecht/button-react';
export { ButtonGroup } from '@utrecht/button-group-react';
export { Checkbox } from '@utrecht/checkbox-react';
export { Fieldset, FieldsetLegend } from '@utrecht/fieldset-react';
export { FormField } from '@utrecht/form-field-react';
export { FormFieldDescription } from '@utrecht/form-field-description-react';
export { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
export { FormLabel } from '@utrecht/form-label-react';
export { Link as ExternalLink } from '@utrecht/link-react';
export { RadioButton } from '@utrecht/radio-button-react';
export { Textbox } from '@utrecht/textbox-react';

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

export function Heading({ level, children, id, className }: { level: 1 | 2 | 3 | 4; children: ReactNode; id?: string; className?: string }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={cx(`utrecht-heading-${level}`, className)}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead, className }: { children: ReactNode; lead?: boolean; className?: string }) {
  return <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', className)}>{children}</p>;
}

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

/** A message on the page; errors and warnings are announced to screen readers. */
export function Alert({ type = 'info', children, className }: { type?: AlertType; children: ReactNode; className?: string }) {
  return (
    <div className={cx('utrecht-alert', `utrecht-alert--${type}`, className)} role={type === 'error' || type === 'warning' ? 'alert' : 'status'}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function Table({ children, className, ...rest }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline">
      <table className={cx('utrecht-table', 'utrecht-table--html-table', className)} {...rest}>
        {children}
      </table>
    </div>
  );
}
export const TableCaption = ({ children }: { children: ReactNode }) => <caption className="utrecht-table__caption">{children}</caption>;
export const TableHeader = ({ children }: { children: ReactNode }) => <thead className="utrecht-table__header">{children}</thead>;
export const TableBody = ({ children }: { children: ReactNode }) => <tbody className="utrecht-table__body">{children}</tbody>;
export const TableRow = ({ children, className }: { children: ReactNode; className?: string }) => <tr className={cx('utrecht-table__row', className)}>{children}</tr>;
export const TableHeaderCell = ({ children, className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) => (
  <th className={cx('utrecht-table__header-cell', className)} scope="col" {...rest}>
    {children}
  </th>
);
export const TableCell = ({ children, className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) => (
  <td className={cx('utrecht-table__cell', className)} {...rest}>
    {children}
  </td>
);

/** A table with its caption and one header row of column names; the rows are the children. */
export function CaptionedTable({ caption, columns, children }: { caption: ReactNode; columns: readonly ReactNode[]; children: ReactNode }) {
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {columns.map((column, i) => (
            <TableHeaderCell key={i}>{column}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}

/** Key and value pairs, e.g. the fields of a record. */
export function DataList({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={cx('utrecht-data-list', 'utrecht-data-list--rows', className)}>{children}</dl>;
}
export function DataListItem({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}

export type BadgeTone = 'ok' | 'warning' | 'error' | 'neutral';

/** A short status word; the colour is never the only signal, the text says it. */
export function StatusBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={cx('utrecht-badge-status', `kring-badge--${tone}`)}>{children}</span>;
}

export function Select({ className, invalid, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return <select className={cx('utrecht-select', 'utrecht-select--html-select', invalid && 'utrecht-select--invalid', className)} aria-invalid={invalid || undefined} {...rest} />;
}

export function Textarea({ className, invalid, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return <textarea className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', invalid && 'utrecht-textarea--invalid', className)} aria-invalid={invalid || undefined} {...rest} />;
}

export function UnorderedList({ children, className }: { children: ReactNode; className?: string }) {
  return <ul className={cx('utrecht-unordered-list', className)}>{children}</ul>;
}
export const ListItem = ({ children }: { children: ReactNode }) => <li className="utrecht-unordered-list__item">{children}</li>;

/** A labelled group of content with its own heading (a landmark for screen readers). */
export function Section({ title, children, headingLevel = 2, id }: { title: ReactNode; children: ReactNode; headingLevel?: 2 | 3; id: string }) {
  return (
    <section aria-labelledby={id} className="kring-section">
      <Heading level={headingLevel} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
