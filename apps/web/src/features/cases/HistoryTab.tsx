import { CASE_ACTION_LABELS_DE, CASE_STATUS_LABELS_DE, type CaseAction } from '@lotse/domain';
import { Badge } from '../../components/Badge';
import { t } from '../../i18n';
import { TAB_HEADING_ID, useCaseFile } from './caseFileContext';
import { formatMinute } from './caseFormKit';

/** Label of a transition's action; the opening of a case has no lifecycle action. */
export function actionLabel(action: string): string {
  return (CASE_ACTION_LABELS_DE as Record<string, string>)[action as CaseAction] ?? t('caseFile.historyOpened');
}

/** Historie: every status change with who, when, why, and the indication decision. */
export function HistoryTab() {
  const { overview } = useCaseFile();
  const history = [...overview.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <>
      <h2 id={TAB_HEADING_ID} tabIndex={-1}>
        {t('caseFile.tab.history')}
      </h2>
      {history.length === 0 ? (
        <p className="muted">{t('caseFile.noHistory')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('caseFile.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseFile.historyWhen')}</th>
                <th scope="col">{t('caseFile.historyWho')}</th>
                <th scope="col">{t('caseFile.historyChange')}</th>
                <th scope="col">{t('caseFile.historyStep')}</th>
                <th scope="col">{t('caseFile.reason')}</th>
                <th scope="col">{t('caseFile.historyIndication')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td className="nowrap">{formatMinute(h.at)}</td>
                  <td>{h.actor?.displayName ?? t('caseFile.system')}</td>
                  <td>
                    {h.fromStatus ? (
                      <>
                        {CASE_STATUS_LABELS_DE[h.fromStatus]} <span aria-hidden="true">→</span>
                        <span className="visually-hidden">{t('caseFile.historyArrow')}</span> {CASE_STATUS_LABELS_DE[h.toStatus]}
                      </>
                    ) : (
                      CASE_STATUS_LABELS_DE[h.toStatus]
                    )}
                  </td>
                  <th scope="row">{actionLabel(h.action)}</th>
                  <td className="pre-line">{h.reason ?? ''}</td>
                  <td>
                    {h.indicationMet === null ? (
                      ''
                    ) : (
                      <>
                        {h.indicationMet ? t('caseFile.indicationMetShort') : t('caseFile.indicationNotMetShort')}
                        {h.indicationOverride ? (
                          <>
                            {' '}
                            <Badge tone="neutral">{t('caseFile.overridden')}</Badge>
                          </>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
