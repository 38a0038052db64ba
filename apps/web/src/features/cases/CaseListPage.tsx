import type { CaseSummary } from '@lotse/contracts';
import { CASE_PRIORITY_LABELS_DE, CASE_STATUS_LABELS_DE, CASE_STATUSES, type CaseStatus } from '@lotse/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/FormField';
import { PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate, listName, todayIso } from '../../lib/format';
import { useSession } from '../auth/session';

const PAGE_SIZE = 50;

type Scope = 'mine' | 'all';
type StatusFilter = 'open' | CaseStatus;

/** URL values (German, no personal data): `?ansicht=meine|alle&status=<status>`. */
const SCOPE_PARAM: Record<Scope, string> = { mine: 'meine', all: 'alle' };

const isStatus = (value: string | null): value is CaseStatus => value !== null && (CASE_STATUSES as readonly string[]).includes(value);

/** Next contact due, with "überfällig" as text (not colour alone) when the date has passed. */
export function NextContact({ due, today }: { due: string | null; today: string }) {
  if (!due) return <span className="muted">{t('common.none')}</span>;
  if (due >= today) return <>{formatDate(due)}</>;
  return (
    <>
      {formatDate(due)} <Badge tone="danger">{t('caseList.overdue')}</Badge>
    </>
  );
}

/** Case list (SPEC C2): own or all cases, filtered by status, paged with a cursor. */
export function CaseListPage() {
  usePageTitle(t('caseList.title'));
  const { roles } = useSession();
  const [params, setParams] = useSearchParams();
  // Only case managers own cases; everyone else starts with all cases.
  const defaultScope: Scope = roles.includes('case_manager') ? 'mine' : 'all';
  const scopeParam = params.get('ansicht');
  const scope: Scope = scopeParam === SCOPE_PARAM.all ? 'all' : scopeParam === SCOPE_PARAM.mine ? 'mine' : defaultScope;
  const statusParam = params.get('status');
  const status: StatusFilter = isStatus(statusParam) ? statusParam : 'open';

  const [items, setItems] = useState<CaseSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const today = todayIso();

  const loadPage = useCallback(
    async (cursor?: string) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setLoading(true);
      setError(null);
      try {
        const page = await api.listCases({ scope, status, cursor, limit: PAGE_SIZE }, controller.signal);
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.page.nextCursor);
        setLoadedOnce(true);
        // After "Mehr laden" the button may disappear: focus the first newly loaded case instead.
        if (cursor && page.items[0]) setFocusId(`case-link-${page.items[0].id}`);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(toApiError(e));
      } finally {
        if (controllerRef.current === controller) setLoading(false);
      }
    },
    [scope, status],
  );

  useEffect(() => {
    setItems([]);
    setNextCursor(null);
    setLoadedOnce(false);
    void loadPage();
    return () => controllerRef.current?.abort();
  }, [loadPage]);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const setFilter = (next: { scope?: Scope; status?: StatusFilter }) => {
    const s = next.scope ?? scope;
    const st = next.status ?? status;
    const search = new URLSearchParams();
    search.set('ansicht', SCOPE_PARAM[s]);
    if (st !== 'open') search.set('status', st);
    setParams(search, { replace: true });
  };

  const scopeLabel = scope === 'mine' ? t('caseList.scopeMine') : t('caseList.scopeAll');
  const statusLabel = status === 'open' ? t('caseList.statusOpen') : CASE_STATUS_LABELS_DE[status];

  const columns: Column<CaseSummary>[] = [
    {
      key: 'person',
      header: t('caseList.colPerson'),
      rowHeader: true,
      className: 'nowrap',
      render: (c) => (
        <Link id={`case-link-${c.id}`} to={`/faelle/${c.id}`}>
          {listName(c.person)}
        </Link>
      ),
    },
    { key: 'customerNumber', header: t('caseList.colCustomerNumber'), render: (c) => c.person.customerNumber, className: 'nowrap' },
    { key: 'status', header: t('caseList.colStatus'), render: (c) => CASE_STATUS_LABELS_DE[c.status] },
    { key: 'priority', header: t('caseList.colPriority'), render: (c) => CASE_PRIORITY_LABELS_DE[c.priority] },
    { key: 'caseManager', header: t('caseList.colCaseManager'), render: (c) => c.caseManager.displayName },
    {
      key: 'nextContact',
      header: t('caseList.colNextContact'),
      render: (c) => <NextContact due={c.nextContactDue} today={today} />,
      className: 'nowrap',
    },
    { key: 'opened', header: t('caseList.colOpened'), render: (c) => formatDate(c.openedOn), className: 'nowrap' },
  ];

  const countText = loading
    ? t('caseList.loading')
    : items.length === 1
      ? t('caseList.countOne')
      : nextCursor
        ? t('caseList.countMore', { count: items.length })
        : t('caseList.count', { count: items.length });

  return (
    <>
      <PageHeader title={t('caseList.title')}>
        <p className="page-subtitle">{t('caseList.intro')}</p>
      </PageHeader>

      <form className="card filter-form" aria-labelledby="case-filter-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="case-filter-heading" className="h3">
          {t('caseList.filterHeading')}
        </h2>
        <div className="filter-form__row">
          <fieldset className="fieldset radio-group">
            <legend className="field-label">{t('caseList.scope')}</legend>
            <div className="radio-row">
              {(['mine', 'all'] as const).map((value) => (
                <div className="radio" key={value}>
                  <input
                    type="radio"
                    id={`case-scope-${value}`}
                    name="case-scope"
                    value={value}
                    checked={scope === value}
                    onChange={() => setFilter({ scope: value })}
                  />
                  <label htmlFor={`case-scope-${value}`}>{value === 'mine' ? t('caseList.scopeMine') : t('caseList.scopeAll')}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <SelectField
            id="case-status"
            label={t('caseList.status')}
            value={status}
            onChange={(value) => setFilter({ status: isStatus(value) ? value : 'open' })}
            options={[
              { value: 'open', label: t('caseList.statusOpen') },
              ...CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS_DE[s] })),
            ]}
          />
        </div>
        <p role="status" className="muted">
          {loadedOnce || loading ? countText : ''}
        </p>
      </form>

      {error ? <ProblemAlert error={error} onRetry={() => void loadPage(items.length ? (nextCursor ?? undefined) : undefined)} /> : null}
      {loadedOnce && items.length === 0 && !loading ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('caseList.emptyTitle')}</p>
          <p>{scope === 'mine' ? t('caseList.emptyMine', { status: statusLabel }) : t('caseList.emptyAll', { status: statusLabel })}</p>
          <p>
            {t('caseList.emptyHint')} <Link to="/personen">{t('caseList.toPersons')}</Link>
          </p>
        </div>
      ) : null}
      {items.length > 0 ? (
        <div aria-busy={loading || undefined}>
          <DataTable
            caption={t('caseList.caption', { scope: scopeLabel, status: statusLabel })}
            columns={columns}
            rows={items}
            rowKey={(c) => c.id}
          />
          {nextCursor ? (
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void loadPage(nextCursor)}
                disabled={loading}
                aria-describedby="case-load-more-hint"
              >
                {loading ? t('caseList.loadingMore') : t('caseList.loadMore')}
              </button>
              <span id="case-load-more-hint" className="muted">
                {t('caseList.loadMoreHint', { count: PAGE_SIZE })}
              </span>
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
