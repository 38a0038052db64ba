import type { CaseOverview } from '@lotse/contracts';
import { CASE_PRIORITY_LABELS_DE, CASE_STATUS_LABELS_DE, type CaseStatus, hasAnyRole, TARGET_GROUP_LABELS_DE } from '@lotse/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { type ApiError, type ApiResponse, etagOf, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { Loading, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate, fullName } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { useSession } from '../auth/session';
import { CareContactsFact } from '../organisation-model/CareContacts';
import { CaseSettings, densityLabel } from './CaseSettings';
import { CASE_TABS, type CaseFileContext, createDraftStore, permissionsFor, TAB_HEADING_ID } from './caseFileContext';
import { StatusPanel } from './StatusPanel';

interface Loaded {
  overview: CaseOverview;
  etag: string;
}

/** The main path of a case; `not_indicated` ends it after the first step. */
const STEPS: readonly CaseStatus[] = ['intake', 'assessment', 'planning', 'implementation', 'closing', 'aftercare', 'closed'];

function tabOf(pathname: string, caseId: string) {
  const rest = pathname.split(`/faelle/${caseId}`)[1]?.replace(/^\/|\/$/g, '') ?? '';
  return CASE_TABS.find((tab) => tab.path === rest) ?? CASE_TABS[0];
}

/**
 * Fallakte: header, status with the next step, and the sections as sub-routes (tabs) that share one
 * loaded case overview through the outlet context.
 */
export function CaseFilePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { roles } = useSession();
  const [refreshError, setRefreshError] = useState<ApiError | null>(null);
  // Drafts of open forms, per case: they survive switching tabs, not leaving the case file.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new store for every case
  const drafts = useMemo(() => createDraftStore(), [id]);

  const fetchLoaded = useCallback(
    async (signal?: AbortSignal): Promise<Loaded> => {
      const res = await api.getCase(id, signal);
      return { overview: res.data, etag: etagOf(res) };
    },
    [id],
  );
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchLoaded);

  const tab = tabOf(location.pathname, id);
  usePageTitle(`${t('caseFile.pageTitle')}: ${t(tab.label)}`);

  // Switching tabs: the shell focuses the h1 on every new path; the tab's own heading is more useful.
  const firstPath = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the tab (path) changes
  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => document.getElementById(TAB_HEADING_ID)?.focus());
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [location.pathname]);

  const refresh = useCallback(async () => {
    try {
      const res = await api.getCase(id);
      setLoaded({ overview: res.data, etag: etagOf(res) });
      setRefreshError(null);
      return res.data;
    } catch (e) {
      setRefreshError(toApiError(e));
      return null;
    }
  }, [id, setLoaded]);

  const replace = useCallback(
    (res: ApiResponse<CaseOverview>) => {
      setLoaded({ overview: res.data, etag: etagOf(res) });
      setRefreshError(null);
    },
    [setLoaded],
  );

  const context = useMemo<CaseFileContext | null>(
    () =>
      loaded
        ? {
            overview: loaded.overview,
            etag: loaded.etag,
            refresh,
            replace,
            responsible: loaded.overview.responsible,
            can: permissionsFor(loaded.overview.status, loaded.overview.responsible),
            drafts,
          }
        : null,
    [loaded, refresh, replace, drafts],
  );

  if (!loaded || !context) {
    return (
      <>
        <CaseHeader overview={null} />
        {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : <Loading text={t('caseFile.loading')} />}
      </>
    );
  }

  const { overview } = loaded;
  return (
    <>
      <CaseHeader overview={overview} />
      <CaseSettings context={context} teamLead={hasAnyRole(roles, ['team_lead'])} />
      {refreshError ? (
        <div className="banner banner--error" role="alert">
          <p className="banner__title">{t('caseFile.refreshFailed')}</p>
          <p>{refreshError.userMessage}</p>
          <button type="button" className="button button--secondary" onClick={() => void refresh()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      <StatusPanel context={context} />
      <nav aria-label={t('caseFile.tabsLabel')} className="case-tabs">
        <ul className="case-tabs__list">
          {CASE_TABS.map((item) => (
            <li key={item.key}>
              <NavLink end to={item.path ? `/faelle/${overview.id}/${item.path}` : `/faelle/${overview.id}`} className="case-tabs__link">
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="case-tab-panel">
        <Outlet context={context} />
      </div>
    </>
  );
}

/**
 * The page heading, the same element while loading and when loaded: the shell focuses the h1 after a
 * navigation, and that focus must survive the case file's arrival (instead of falling to <body>).
 */
function CaseTitle({ overview }: { overview: CaseOverview | null }) {
  const person = overview?.person;
  return (
    <div className="page-header">
      <div className="page-header__text">
        <h1 tabIndex={-1}>
          {person ? (
            <>
              {t('caseFile.titlePrefix')} <Link to={`/personen/${person.id}`}>{fullName(person)}</Link>
            </>
          ) : (
            t('caseFile.pageTitle')
          )}
        </h1>
        {person ? (
          <p className="page-subtitle">
            {t('caseFile.customerNumber')} {person.customerNumber} · {t('caseFile.birthDate')} {formatDate(person.birthDate)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Heading, facts and steps of the case; only the heading while the case is loading. */
function CaseHeader({ overview }: { overview: CaseOverview | null }) {
  if (!overview) {
    return (
      <div className="case-header">
        <CaseTitle overview={null} />
      </div>
    );
  }
  const { person } = overview;
  const density = densityLabel(overview);
  return (
    <div className="case-header">
      <CaseTitle overview={overview} />
      <dl className="case-facts">
        <div className="case-facts__item">
          <dt>{t('caseFile.targetGroups')}</dt>
          <dd>
            {person.targetGroups.length ? (
              <ul className="badge-list">
                {person.targetGroups.map((g) => (
                  <li key={g}>
                    <Badge tone="neutral">{TARGET_GROUP_LABELS_DE[g]}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('caseFile.noTargetGroups')}</span>
            )}
          </dd>
        </div>
        <div className="case-facts__item">
          <dt>{t('caseFile.caseManager')}</dt>
          <dd>
            {overview.caseManager.displayName}
            {overview.responsible ? <span className="muted"> {t('caseFile.you')}</span> : null}
          </dd>
        </div>
        <CareContactsFact overview={overview} />
        <div className="case-facts__item">
          <dt>{t('caseFile.priority')}</dt>
          <dd>{CASE_PRIORITY_LABELS_DE[overview.priority]}</dd>
        </div>
        <div className="case-facts__item">
          <dt>{t('caseFile.density')}</dt>
          <dd>
            {density.days} <span className="muted">({density.source})</span>
          </dd>
        </div>
        <div className="case-facts__item">
          <dt>{t('caseFile.nextContactDue')}</dt>
          <dd>
            {formatDate(overview.nextContactDue)} {overview.contactOverdue ? <Badge tone="danger">{t('caseFile.overdue')}</Badge> : null}
          </dd>
        </div>
        <div className="case-facts__item">
          <dt>{t('caseFile.openedOn')}</dt>
          <dd>{formatDate(overview.openedOn)}</dd>
        </div>
        {overview.aftercareUntil ? (
          <div className="case-facts__item">
            <dt>{t('caseFile.aftercareUntil')}</dt>
            <dd>{formatDate(overview.aftercareUntil)}</dd>
          </div>
        ) : null}
        {overview.closedOn ? (
          <div className="case-facts__item">
            <dt>{t('caseFile.closedOn')}</dt>
            <dd>{formatDate(overview.closedOn)}</dd>
          </div>
        ) : null}
      </dl>
      <StepIndicator status={overview.status} />
    </div>
  );
}

function StepIndicator({ status }: { status: CaseStatus }) {
  const current = STEPS.indexOf(status);
  // A case found not indicated ends after the first step (Erstberatung).
  const reached = status === 'not_indicated' ? 0 : current;
  return (
    <div className="case-steps">
      <p className="case-steps__status">
        <span className="muted">{t('caseFile.status')}:</span> <strong>{CASE_STATUS_LABELS_DE[status]}</strong>
      </p>
      <ol className="steps" aria-label={t('caseFile.stepsLabel')}>
        {STEPS.map((step, index) => {
          const state = index === current ? 'current' : index < reached || (status === 'not_indicated' && index === 0) ? 'done' : 'todo';
          return (
            <li key={step} className={`steps__item steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="steps__marker" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="steps__label">{CASE_STATUS_LABELS_DE[step]}</span>
              {state === 'done' ? <span className="visually-hidden"> ({t('caseFile.stepDone')})</span> : null}
              {state === 'current' ? <span className="steps__now">{t('caseFile.stepCurrent')}</span> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
