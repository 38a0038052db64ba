import { type ReactNode, useEffect } from 'react';
import type { ApiError } from '../api/client';
import { t } from '../i18n';

/** Sets document.title to "<page> – Lotse". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = t('app.title', { page: title });
  }, [title]);
}

/** The page heading (the only h1) with optional actions to its right. */
export function PageHeader({ title, actions, children }: { title: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div className="page-header__text">
        <h1 tabIndex={-1}>{title}</h1>
        {children}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}

export function Loading({ text = t('app.loading') }: { text?: string }) {
  return (
    <p className="loading" role="status">
      {text}
    </p>
  );
}

/** A server error that is not about a single field. */
export function ProblemAlert({ error, onRetry }: { error: ApiError | null; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div className="banner banner--error" role="alert">
      <p className="banner__title">{error.title}</p>
      {error.detail && error.detail !== error.title ? <p>{error.detail}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
