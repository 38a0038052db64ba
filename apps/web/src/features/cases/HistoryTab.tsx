import type { CaseOverview, SanctionHistoryEntry } from '@lotse/contracts';
import {
  BREACH_KIND_LABELS_DE,
  CASE_ACTION_LABELS_DE,
  CASE_STATUS_LABELS_DE,
  type CaseAction,
  SANCTION_EVENT_LABELS_DE,
} from '@lotse/domain';
import { Badge } from '../../components/Badge';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { TAB_HEADING_ID, useCaseFile } from './caseFileContext';
import { formatMinute } from './caseFormKit';

/** Label of a transition's action; the opening of a case has no lifecycle action. */
export function actionLabel(action: string): string {
  // A change of responsibility by the organisation model (routing at indication, bulk reassignment).
  if (action === 'reassign') return t('orgModel.historyReassign');
  return (CASE_ACTION_LABELS_DE as Record<string, string>)[action as CaseAction] ?? t('caseFile.historyOpened');
}

type Transition = CaseOverview['history'][number];
/** A status change of the case, or a step of one of its sanctions (SPEC C16). */
type HistoryRow = { kind: 'status'; at: string; h: Transition } | { kind: 'sanction'; at: string; s: SanctionHistoryEntry };

/** Historie: every status change with who, when, why, and the indication decision; the steps of sanctions between them. */
export function HistoryTab() {
  const { overview } = useCaseFile();
  // A stable sort: steps of one moment (a decision and its hand-off) keep the server's order.
  const history: HistoryRow[] = [
    ...overview.history.map((h): HistoryRow => ({ kind: 'status', at: h.at, h })),
    ...overview.sanctionHistory.map((s): HistoryRow => ({ kind: 'sanction', at: s.at, s })),
  ].sort((a, b) => b.at.localeCompare(a.at));
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
              {history.map((row) =>
                row.kind === 'sanction' ? <SanctionHistoryRow key={row.s.id} entry={row.s} /> : <StatusRow key={row.h.id} h={row.h} />,
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function StatusRow({ h }: { h: Transition }) {
  return (
    <tr>
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
  );
}

/** A step of a sanction: what happened to which breach, with its note (rate, deadline, recipient). */
function SanctionHistoryRow({ entry }: { entry: SanctionHistoryEntry }) {
  return (
    <tr>
      <td className="nowrap">{formatMinute(entry.at)}</td>
      <td>{entry.actor?.displayName ?? t('common.none')}</td>
      <td>
        {t('sanctions.historyChange')}:{' '}
        {t('sanctions.historyWhat', { kind: BREACH_KIND_LABELS_DE[entry.kind], date: formatDate(entry.breachOn) })}
      </td>
      <th scope="row">{SANCTION_EVENT_LABELS_DE[entry.action]}</th>
      <td className="pre-line">{entry.note ?? ''}</td>
      <td />
    </tr>
  );
}
