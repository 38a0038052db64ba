import type { MouseEvent } from 'react';
import { t } from '../i18n';

export interface SummaryItem {
  /** id of the control to jump to; without it the message is shown as plain text. */
  fieldId?: string;
  label?: string;
  message: string;
}

/** Lists all problems of a form at its top; each entry jumps to its field. */
export function ErrorSummary({ items, title = t('error.summaryTitle') }: { items: SummaryItem[]; title?: string }) {
  if (items.length === 0) return null;
  const jump = (e: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    e.preventDefault();
    focusField(fieldId);
  };
  return (
    <div className="error-summary" role="alert">
      <h2 className="error-summary__title">{title}</h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.fieldId ?? ''}:${item.message}`}>
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} onClick={(e) => jump(e, item.fieldId as string)}>
                {item.label ? `${item.label}: ` : ''}
                {item.message}
              </a>
            ) : (
              <>
                {item.label ? `${item.label}: ` : ''}
                {item.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Focuses a control by id; for a fieldset its first control. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input, select, textarea, button') : el;
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}

/** Focuses the first invalid control inside a container (in document order); false when there is none. */
export function focusFirstInvalid(container: HTMLElement | null): boolean {
  if (!container) return false;
  const el = container.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!el) return false;
  if (el instanceof HTMLFieldSetElement) {
    el.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  } else {
    el.focus();
  }
  return true;
}
