import type { CaseSummary } from '@lotse/contracts';
import { CASE_MANAGERS, CASE_STATUS_LABELS_DE, hasAnyRole, OPEN_CASE_STATUSES } from '@lotse/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { useSession } from '../auth/session';
import { NextContact } from '../cases/CaseListPage';
import { CaseStartButton } from '../cases/CaseStartButton';

/** "Fallmanagement" on the person page: the person's cases (newest first) and, for case managers, the start of a new one. */
export function PersonCasesSection({ personId }: { personId: string }) {
  const { roles } = useSession();
  const mayStart = hasAnyRole(roles, CASE_MANAGERS);
  const fetchCases = useCallback((signal?: AbortSignal) => api.listPersonCases(personId, signal), [personId]);
  const { loaded, loadError, load } = useLoadedResource(fetchCases);
  const [alreadyOpen, setAlreadyOpen] = useState<ApiError | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const today = todayIso();

  useEffect(() => {
    if (alreadyOpen) noticeRef.current?.focus();
  }, [alreadyOpen]);

  const items = loaded?.items ?? [];
  const hasOpenCase = items.some((c) => OPEN_CASE_STATUSES.includes(c.status));

  const columns: Column<CaseSummary>[] = [
    {
      key: 'case',
      header: t('caseList.colCase'),
      rowHeader: true,
      render: (c) => <Link to={`/faelle/${c.id}`}>{t('caseList.caseFrom', { date: formatDate(c.openedOn) })}</Link>,
    },
    { key: 'status', header: t('caseList.colStatus'), render: (c) => CASE_STATUS_LABELS_DE[c.status] },
    { key: 'caseManager', header: t('caseList.colCaseManager'), render: (c) => c.caseManager.displayName },
    {
      key: 'closed',
      header: t('caseList.colClosed'),
      render: (c) => (c.closedOn ? formatDate(c.closedOn) : <span className="muted">{t('common.none')}</span>),
      className: 'nowrap',
    },
    {
      key: 'nextContact',
      header: t('caseList.colNextContact'),
      render: (c) => <NextContact due={OPEN_CASE_STATUSES.includes(c.status) ? c.nextContactDue : null} today={today} />,
      className: 'nowrap',
    },
  ];

  return (
    <section className="card person-cases" aria-labelledby="sec-cases">
      <h2 id="sec-cases">{t('caseList.personSection')}</h2>
      {alreadyOpen ? (
        <div className="banner banner--error" role="alert" tabIndex={-1} ref={noticeRef}>
          <p className="banner__title">{t('caseList.alreadyOpenTitle')}</p>
          <p>{t('caseList.alreadyOpen')}</p>
        </div>
      ) : null}
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading text={t('caseList.personLoading')} /> : null}
      {loaded && items.length === 0 ? <p className="muted">{t('caseList.personNone')}</p> : null}
      {items.length > 0 ? (
        <DataTable caption={t('caseList.personCaption')} captionHidden columns={columns} rows={items} rowKey={(c) => c.id} />
      ) : null}
      {loaded && mayStart && !hasOpenCase ? (
        <CaseStartButton
          personId={personId}
          onAlreadyOpen={(error) => {
            setAlreadyOpen(error);
            void load();
          }}
        />
      ) : null}
    </section>
  );
}
