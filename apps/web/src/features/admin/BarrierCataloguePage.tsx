import type { BarrierType } from '@lotse/contracts';
import { BARRIER_PHASE_LABELS_DE, BARRIER_PHASES, SERVICE_TYPE_LABELS_DE } from '@lotse/domain';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type ApiError, etagFromVersion, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';

/** Barrier catalogue (SPEC C3): the tenant's Handlungsbedarfe by phase, with their service-type mapping. */
export function BarrierCataloguePage() {
  usePageTitle(t('admin.catalogueTitle'));
  const navigate = useNavigate();
  const announce = useAnnounce();
  const fetchList = useCallback((signal?: AbortSignal) => api.listBarrierTypes(signal), []);
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchList);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [conflictText, setConflictText] = useState<string | null>(null);

  const toggleActive = async (item: BarrierType) => {
    if (busyId) return;
    setBusyId(item.id);
    setActionError(null);
    setConflictText(null);
    try {
      const res = await api.updateBarrierType(item.id, etagFromVersion(item.version), { active: !item.active });
      setLoaded((list) => (list ? { items: list.items.map((x) => (x.id === item.id ? res.data : x)) } : list));
      announce(res.data.active ? t('admin.activated', { label: res.data.label }) : t('admin.deactivated', { label: res.data.label }));
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 412) {
        // Someone else changed the entry: show the current version, the user decides again.
        await load();
        setConflictText(t('admin.toggleConflict', { label: item.label }));
      } else setActionError(error);
    } finally {
      setBusyId(null);
    }
  };

  const columns: Column<BarrierType>[] = [
    {
      key: 'label',
      header: t('admin.colLabelCode'),
      rowHeader: true,
      render: (b) => (
        <>
          <Link to={`/verwaltung/katalog/${b.id}`}>
            {b.label}
            <span className="visually-hidden"> {t('admin.editSuffix')}</span>
          </Link>
          <span className="catalogue__code">
            {t('admin.codePrefix')} <code>{b.code}</code>
          </span>
        </>
      ),
      className: 'catalogue__label',
    },
    {
      key: 'description',
      header: t('admin.colDescription'),
      render: (b) => b.description ?? <span className="muted">{t('common.none')}</span>,
      className: 'catalogue__description',
    },
    {
      key: 'special',
      header: t('admin.colSpecial'),
      render: (b) =>
        b.specialCategory ? <Badge tone="danger">{t('admin.special')}</Badge> : <span className="muted">{t('admin.notSpecial')}</span>,
    },
    {
      key: 'serviceTypes',
      header: t('admin.colServiceTypes'),
      render: (b) =>
        b.serviceTypes.length ? (
          <ul className="plain-list catalogue__services">
            {b.serviceTypes.map((s) => (
              <li key={s}>{SERVICE_TYPE_LABELS_DE[s]}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('admin.noServiceTypes')}</span>
        ),
    },
    {
      key: 'active',
      header: t('admin.colStatus'),
      render: (b) => (b.active ? <Badge tone="success">{t('admin.active')}</Badge> : <Badge tone="neutral">{t('admin.inactive')}</Badge>),
    },
    {
      key: 'actions',
      header: t('admin.colActions'),
      render: (b) => (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void toggleActive(b)}
          // Not disabled while busy (the focus would fall to the page): toggleActive ignores a second click.
          aria-busy={busyId === b.id || undefined}
        >
          {b.active ? t('admin.deactivate') : t('admin.activate')}
          <span className="visually-hidden"> {t('admin.entryName', { label: b.label })}</span>
        </button>
      ),
    },
  ];

  const items = loaded?.items ?? [];
  const phases = BARRIER_PHASES.map((phase) => ({
    phase,
    items: items.filter((b) => b.phase === phase).sort((a, b) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label, 'de')),
  }));

  return (
    <>
      <PageHeader
        title={t('admin.catalogueTitle')}
        actions={
          <button type="button" className="button button--secondary" onClick={() => navigate('/verwaltung/katalog/neu')}>
            {t('admin.catalogueCreate')}
          </button>
        }
      >
        <p className="page-subtitle">{t('admin.catalogueIntro')}</p>
      </PageHeader>
      {conflictText ? (
        <div className="banner banner--warning" role="alert">
          <p className="banner__title">{t('conflict.title')}</p>
          <p>{conflictText}</p>
        </div>
      ) : null}
      <ProblemAlert error={actionError} />
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded
        ? phases.map(({ phase, items: rows }) => (
            <section key={phase} className="catalogue-phase" aria-labelledby={`phase-${phase}`}>
              <h2 id={`phase-${phase}`}>{t('admin.phaseHeading', { phase: BARRIER_PHASE_LABELS_DE[phase], count: rows.length })}</h2>
              {rows.length ? (
                <DataTable
                  caption={t('admin.phaseCaption', { phase: BARRIER_PHASE_LABELS_DE[phase] })}
                  captionHidden
                  columns={columns}
                  rows={rows}
                  rowKey={(b) => b.id}
                  className="catalogue-table"
                />
              ) : (
                <p className="muted">{t('admin.phaseEmpty')}</p>
              )}
            </section>
          ))
        : null}
    </>
  );
}
