import { useEffect, useRef } from 'react';
import { t } from '../i18n';

/**
 * Shown after 412 Precondition Failed: someone else saved first. The user either loads the current
 * version (own changes are discarded) or keeps editing: the typed input stays, and the next save
 * applies it on top of the current version (fields the user did not touch take the current values).
 */
export function ConflictBanner({
  text,
  changedFields,
  onReload,
  onKeepEditing,
}: {
  text: string;
  /** Labels of the fields the other person changed, when known. */
  changedFields?: string[] | null;
  onReload: () => void;
  onKeepEditing: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="banner banner--warning" role="alert" tabIndex={-1} ref={ref} aria-labelledby="conflict-title">
      <h2 className="banner__title" id="conflict-title">
        {t('conflict.title')}
      </h2>
      <p>{text}</p>
      {changedFields && changedFields.length > 0 ? <p>{t('conflict.changedFields', { fields: changedFields.join(', ') })}</p> : null}
      <p>{t('conflict.hint')}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onReload}>
          {t('conflict.reload')}
        </button>
        <button type="button" className="button button--primary" onClick={onKeepEditing}>
          {t('conflict.keepEditing')}
        </button>
      </div>
    </div>
  );
}
