import type { WorkItem } from '@lotse/contracts';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import * as api from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { type MessageKey, t } from '../../i18n';
import { formatDate, listName } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { dueState, waitingState } from './due';

type WorkKind = WorkItem['kind'];

interface KindSpec {
  kind: WorkKind;
  title: MessageKey;
  hint: MessageKey;
  /** Where the item is worked on: one click from the list into the right part of the case file. */
  path: (caseId: string) => string;
  /** Appended (visually hidden) to the person's name in the link. */
  target: MessageKey;
  /** The "Stand" column; default: how the due date relates to today. */
  state?: (item: WorkItem, today: string) => { text: string; tone: 'danger' | 'info' | 'neutral' };
  /** Header of the date column; default "Fällig am". */
  dateHeader?: MessageKey;
}

/** The sections of the page, most urgent first. */
const KINDS: KindSpec[] = [
  {
    kind: 'conference_today',
    title: 'work.kind.conference_today',
    hint: 'work.hint.conference_today',
    path: (id) => `/faelle/${id}/konferenzen`,
    target: 'work.target.conferences',
    dateHeader: 'work.colDate',
    state: () => ({ text: t('work.conferenceToday'), tone: 'info' }),
  },
  {
    kind: 'follow_up_overdue',
    title: 'work.kind.follow_up_overdue',
    hint: 'work.hint.follow_up_overdue',
    path: (id) => `/faelle/${id}/kontakte`,
    target: 'work.target.followUps',
  },
  {
    kind: 'contact_overdue',
    title: 'work.kind.contact_overdue',
    hint: 'work.hint.contact_overdue',
    path: (id) => `/faelle/${id}`,
    target: 'work.target.case',
  },
  {
    kind: 'referral_overdue',
    title: 'work.kind.referral_overdue',
    hint: 'work.hint.referral_overdue',
    path: (id) => `/faelle/${id}/zuweisungen`,
    target: 'work.target.referrals',
  },
  {
    kind: 'barrier_proposal',
    title: 'work.kind.barrier_proposal',
    hint: 'work.hint.barrier_proposal',
    path: (id) => `/faelle/${id}/zuweisungen`,
    target: 'work.target.proposals',
    dateHeader: 'work.colReported',
    state: (item, today) => waitingState(item.dueOn, today),
  },
  {
    kind: 'subgoal_due',
    title: 'work.kind.subgoal_due',
    hint: 'work.hint.subgoal_due',
    path: (id) => `/faelle/${id}/hilfeplan`,
    target: 'work.target.plan',
  },
  {
    kind: 'agreement_review_due',
    title: 'work.kind.agreement_review_due',
    hint: 'work.hint.agreement_review_due',
    path: (id) => `/faelle/${id}/vereinbarung`,
    target: 'work.target.agreement',
  },
  {
    kind: 'follow_up_due',
    title: 'work.kind.follow_up_due',
    hint: 'work.hint.follow_up_due',
    path: (id) => `/faelle/${id}/kontakte`,
    target: 'work.target.followUps',
  },
];

const byDueThenName = (a: WorkItem, b: WorkItem) =>
  a.dueOn.localeCompare(b.dueOn) || listName(a.person).localeCompare(listName(b.person), 'de');

function WorkSection({ spec, items, today }: { spec: KindSpec; items: WorkItem[]; today: string }) {
  const headingId = `work-${spec.kind}`;
  const title = t(spec.title);
  const columns: Column<WorkItem>[] = [
    {
      key: 'person',
      header: t('work.colPerson'),
      rowHeader: true,
      className: 'work-col--person',
      render: (item) => (
        <Link to={spec.path(item.caseId)}>
          {listName(item.person)}
          <span className="visually-hidden">, {t(spec.target)}</span>
        </Link>
      ),
    },
    {
      key: 'customerNumber',
      header: t('work.colCustomerNumber'),
      render: (item) => item.person.customerNumber,
      className: 'work-col--number',
    },
    { key: 'what', header: t('work.colWhat'), render: (item) => item.title, className: 'work-col--what' },
    { key: 'due', header: t(spec.dateHeader ?? 'work.colDue'), render: (item) => formatDate(item.dueOn), className: 'work-col--due' },
    {
      key: 'state',
      header: t('work.colState'),
      render: (item) => {
        if (spec.state) {
          const state = spec.state(item, today);
          return <Badge tone={state.tone}>{state.text}</Badge>;
        }
        const due = dueState(item.dueOn, today);
        return <Badge tone={due.overdue ? 'danger' : 'info'}>{due.text}</Badge>;
      },
      className: 'work-col--state',
    },
  ];
  return (
    <section className="work-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('work.sectionHeading', { title, count: items.length })}</h2>
      <p className="field-hint">{t(spec.hint)}</p>
      <DataTable
        caption={title}
        captionHidden
        columns={columns}
        rows={items}
        rowKey={(item) => `${item.kind}:${item.refId ?? ''}:${item.caseId}`}
        className="work-table"
      />
    </section>
  );
}

/** "Meine Arbeit heute" (SPEC C11): what is due in the user's own cases, grouped, with one-click links into the case. */
export function WorkTodayPage() {
  usePageTitle(t('work.title'));
  const announce = useAnnounce();
  const [refreshing, setRefreshing] = useState(false);
  const fetchWork = useCallback((signal?: AbortSignal) => api.getWorkToday(signal), []);
  const { loaded, loadError, load } = useLoadedResource(fetchWork);

  const refresh = async () => {
    if (refreshing || !loaded) return;
    setRefreshing(true);
    const ok = await load();
    setRefreshing(false);
    if (ok) announce(t('work.refreshed'));
  };

  const total = loaded?.items.length ?? 0;
  const groups = loaded
    ? KINDS.map((spec) => ({ spec, items: loaded.items.filter((i) => i.kind === spec.kind).sort(byDueThenName) })).filter(
        (g) => g.items.length > 0,
      )
    : [];

  return (
    <>
      <PageHeader
        title={t('work.title')}
        actions={
          // Not disabled while refreshing: a disabled button would lose the keyboard focus.
          <button type="button" className="button button--secondary" onClick={() => void refresh()} aria-disabled={!loaded || undefined}>
            {refreshing ? t('work.refreshing') : t('work.refresh')}
          </button>
        }
      >
        <p className="page-subtitle">{t('work.intro')}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading text={t('work.loading')} /> : null}
      {loaded ? (
        <div aria-busy={refreshing || undefined}>
          <p className="muted">
            {t('work.asOf', { date: formatDate(loaded.today) })} · {total === 1 ? t('work.totalOne') : t('work.total', { count: total })}
          </p>
          {groups.length === 0 ? (
            <div className="empty-state">
              <p className="empty-state__title">{t('work.emptyTitle')}</p>
              <p>{t('work.emptyText')}</p>
              <p>
                <Link to="/faelle">{t('work.toCases')}</Link>
              </p>
            </div>
          ) : (
            groups.map((g) => <WorkSection key={g.spec.kind} spec={g.spec} items={g.items} today={loaded.today} />)
          )}
        </div>
      ) : null}
    </>
  );
}
