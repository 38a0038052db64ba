import type { Barrier, BarrierType } from '@lotse/contracts';
import {
  BARRIER_PHASE_LABELS_DE,
  BARRIER_PHASES,
  BARRIER_SEVERITY_LABELS_DE,
  INDICATOR_SOURCE_LABELS_DE,
  RESOURCE_CATEGORIES,
  RESOURCE_CATEGORY_LABELS_DE,
  type ResourceCategory,
  SERVICE_TYPE_LABELS_DE,
} from '@lotse/domain';
import { useEffect, useRef, useState } from 'react';
import { type ApiError, etagFromVersion, toApiError } from '../../api/client';
import * as api from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { SelectField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { BarrierForm } from './BarrierForm';
import { type CaseFileContext, TAB_HEADING_ID, useCaseFile, useDraftState } from './caseFileContext';
import { barriersInOrder, keyed } from './caseFileData';
import { CaseFormFrame, Checks, focusWhenReady, TextAreaField, useCaseForm } from './caseFormKit';

/** Assessment: barriers by phase, their order of treatment, and the person's resources. */
export function AssessmentTab() {
  const context = useCaseFile();
  const { overview, can } = context;
  const [barrierTypes, setBarrierTypes] = useState<BarrierType[] | null>(null);
  const [typesError, setTypesError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useDraftState(context.drafts, 'barrier-new', false);

  useEffect(() => {
    if (!can.assessment) return;
    const controller = new AbortController();
    api
      .listBarrierTypes(controller.signal)
      .then((list) => setBarrierTypes(list.items))
      .catch((e) => {
        if (!controller.signal.aborted) setTypesError(toApiError(e));
      });
    return () => controller.abort();
  }, [can.assessment]);

  const activeCount = overview.barriers.filter((b) => b.status === 'active').length;

  return (
    <>
      <h2 id={TAB_HEADING_ID} tabIndex={-1}>
        {t('caseFile.tab.assessment')}
      </h2>

      <section className="case-section" aria-labelledby="barriers-heading">
        <div className="section-header">
          <h3 id="barriers-heading" tabIndex={-1}>
            {t('caseFile.barriersTitle', { count: activeCount })}
          </h3>
          {can.assessment && !adding ? (
            <button
              type="button"
              id="barrier-add-toggle"
              className="button button--primary"
              onClick={() => {
                setAdding(true);
                focusWhenReady('barrier-new-type');
              }}
            >
              {t('caseFile.barrierAddTitle')}
            </button>
          ) : null}
        </div>
        {overview.hiddenSpecialCategoryEntries > 0 ? (
          <p className="banner banner--info">{t('caseFile.hiddenEntries', { count: overview.hiddenSpecialCategoryEntries })}</p>
        ) : null}
        {typesError ? <ProblemAlert error={typesError} /> : null}
        {adding && can.assessment ? (
          <div className="card">
            <BarrierForm
              context={context}
              barrier={null}
              barrierTypes={barrierTypes}
              onClose={(savedId) => {
                setAdding(false);
                focusWhenReady(savedId ? `barrier-${savedId}` : 'barrier-add-toggle');
              }}
            />
          </div>
        ) : null}
        {overview.barriers.length === 0 ? (
          <p className="empty-state">{t('caseFile.noBarriers')}</p>
        ) : (
          BARRIER_PHASES.map((phase) => {
            const inPhase = overview.barriers
              .filter((b) => b.barrierType.phase === phase)
              .sort((a, b) => (a.status === b.status ? a.recordedOn.localeCompare(b.recordedOn) : a.status === 'active' ? -1 : 1));
            if (inPhase.length === 0) return null;
            return (
              <section key={phase} className="barrier-phase" aria-labelledby={`phase-${phase}`}>
                <h4 id={`phase-${phase}`}>{BARRIER_PHASE_LABELS_DE[phase]}</h4>
                <ul className="plain-list barrier-list">
                  {inPhase.map((barrier) => (
                    <BarrierItem key={barrier.id} barrier={barrier} context={context} barrierTypes={barrierTypes} />
                  ))}
                </ul>
              </section>
            );
          })
        )}
      </section>

      <BarrierOrderSection context={context} />
      <ResourcesSection context={context} />
    </>
  );
}

function BarrierItem({
  barrier,
  context,
  barrierTypes,
}: {
  barrier: Barrier;
  context: CaseFileContext;
  barrierTypes: BarrierType[] | null;
}) {
  const { overview, can, refresh } = context;
  const announce = useAnnounce();
  const [editing, setEditing] = useDraftState(context.drafts, `barrier-edit:${barrier.id}`, false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = barrier.barrierType.label;
  const hard = barrier.indicators.filter((i) => i.kind === 'hard');
  const soft = barrier.indicators.filter((i) => i.kind === 'soft');

  const toggleStatus = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const status = barrier.status === 'active' ? 'resolved' : 'active';
    try {
      await api.updateBarrier(overview.id, barrier.id, etagFromVersion(barrier.version), { status });
      await refresh();
      announce(t(status === 'resolved' ? 'caseFile.barrierResolved' : 'caseFile.barrierReactivated', { label }));
      focusWhenReady(`barrier-${barrier.id}`);
    } catch (e) {
      const err = toApiError(e);
      if (err.status === 412) {
        await refresh();
        setError(t('caseFile.conflictQuick'));
      } else setError(err.userMessage);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`barrier card${barrier.status === 'resolved' ? ' barrier--resolved' : ''}`}>
      <div className="barrier__head">
        <h5 id={`barrier-${barrier.id}`} tabIndex={-1} className="barrier__title">
          {label}
        </h5>
        <ul className="badge-list">
          <li>
            <Badge tone={barrier.severity === 'high' ? 'danger' : 'neutral'}>
              {t('caseFile.severityBadge', { severity: BARRIER_SEVERITY_LABELS_DE[barrier.severity] })}
            </Badge>
          </li>
          {barrier.status === 'resolved' ? (
            <li>
              <Badge tone="success">{t('caseFile.barrierStatusResolved')}</Badge>
            </li>
          ) : barrier.priority !== null ? (
            <li>
              <Badge tone="info">{t('caseFile.rank', { n: barrier.priority })}</Badge>
            </li>
          ) : null}
          {barrier.barrierType.specialCategory ? (
            <li>
              <Badge tone="neutral">{t('caseFile.specialCategory')}</Badge>
            </li>
          ) : null}
        </ul>
      </div>
      <dl className="dl dl--inline">
        <div className="dl-item">
          <dt>{t('caseFile.recorded')}</dt>
          <dd>{t('caseFile.recordedOnBy', { date: formatDate(barrier.recordedOn), name: barrier.recordedBy.displayName })}</dd>
        </div>
        <div className="dl-item">
          <dt>{t('caseFile.indicatorHard')}</dt>
          <dd>
            <IndicatorList indicators={hard} />
          </dd>
        </div>
        <div className="dl-item">
          <dt>{t('caseFile.indicatorSoft')}</dt>
          <dd>
            <IndicatorList indicators={soft} />
          </dd>
        </div>
        {barrier.serviceTypes.length ? (
          <div className="dl-item">
            <dt>{t('caseFile.serviceTypes')}</dt>
            <dd>{barrier.serviceTypes.map((s) => SERVICE_TYPE_LABELS_DE[s]).join('; ')}</dd>
          </div>
        ) : null}
        {barrier.note ? (
          <div className="dl-item">
            <dt>{t('caseFile.note')}</dt>
            <dd className="pre-line">{barrier.note}</dd>
          </div>
        ) : null}
      </dl>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {can.assessment && !editing ? (
        <div className="button-row">
          <button
            type="button"
            id={`barrier-edit-btn-${barrier.id}`}
            className="button button--secondary button--small"
            onClick={() => {
              setEditing(true);
              focusWhenReady(`barrier-edit-${barrier.id}-severity-${barrier.severity}`);
            }}
          >
            {t('common.edit')}
            <span className="visually-hidden">: {label}</span>
          </button>
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void toggleStatus()}>
            {barrier.status === 'active' ? t('caseFile.markResolved') : t('caseFile.reactivate')}
            <span className="visually-hidden">: {label}</span>
          </button>
        </div>
      ) : null}
      {editing && can.assessment ? (
        <BarrierForm
          context={context}
          barrier={barrier}
          barrierTypes={barrierTypes}
          onClose={() => {
            setEditing(false);
            focusWhenReady(`barrier-edit-btn-${barrier.id}`);
          }}
        />
      ) : null}
    </li>
  );
}

function IndicatorList({ indicators }: { indicators: Barrier['indicators'] }) {
  if (indicators.length === 0) return <>{t('common.none')}</>;
  return (
    <ul className="plain-list">
      {keyed(indicators, (i) => `${i.source}:${i.note ?? ''}`).map(({ item, key }) => (
        <li key={key}>
          {INDICATOR_SOURCE_LABELS_DE[item.source]}
          {item.note ? `: ${item.note}` : ''}
        </li>
      ))}
    </ul>
  );
}

// ——— order of treatment ———

function BarrierOrderSection({ context }: { context: CaseFileContext }) {
  const { overview, etag, can, replace, refresh } = context;
  const announce = useAnnounce();
  const serverOrder = barriersInOrder(overview.barriers);
  const serverIds = serverOrder.map((b) => b.id);
  const form = useCaseForm<{ order: string[] }>({ order: serverIds }, { draft: { store: context.drafts, key: 'barrier-order' } });
  // Whether the user has moved something (or comes back to a moved, unsaved order).
  const touched = useRef(form.restored);
  const order = form.values.order;
  const byId = new Map(serverOrder.map((b) => [b.id, b]));
  const unordered = serverOrder.filter((b) => b.priority === null).length;
  const idsKey = [...serverIds].sort().join(',');

  // Barriers added or resolved meanwhile: an untouched list follows the server's order; a moved one
  // keeps the user's order for the rest, new ones at the end.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the set of active barriers changes
  useEffect(() => {
    form.setValues(
      (v) => {
        if (!touched.current) return { order: serverIds };
        const kept = v.order.filter((id) => serverIds.includes(id));
        return { order: [...kept, ...serverIds.filter((id) => !kept.includes(id))] };
      },
      { silent: true },
    );
  }, [idsKey]);

  const current = order.filter((id) => byId.has(id));
  const dirty = current.join(',') !== serverIds.join(',');

  const move = (id: string, by: -1 | 1) => {
    const index = current.indexOf(id);
    const target = index + by;
    if (index < 0 || target < 0 || target >= current.length) return;
    const next = [...current];
    next.splice(index, 1);
    next.splice(target, 0, id);
    touched.current = true;
    form.setValues({ order: next });
    announce(t('caseFile.orderMoved', { label: byId.get(id)?.barrierType.label ?? '', n: target + 1, total: next.length }));
    // Keep focus on the moved barrier: the same button unless it is now at the end of the list.
    const button =
      (by === -1 && target === 0) || (by === 1 && target === next.length - 1) ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    focusWhenReady(`order-${button}-${id}`);
  };

  const save = () =>
    void form.submit(
      () => [],
      async () => {
        const res = await api.putBarrierOrder(overview.id, etag, { barrierIds: current });
        replace(res);
        touched.current = false;
        announce(t('caseFile.orderSaved'));
      },
      { onConflict: refresh },
    );

  return (
    <section className="case-section" aria-labelledby="order-heading">
      <h3 id="order-heading">{t('caseFile.orderTitle')}</h3>
      {serverOrder.length === 0 ? (
        <p className="muted">{t('caseFile.orderEmpty')}</p>
      ) : !can.assessment ? (
        <ol className="order-list order-list--readonly">
          {serverOrder.map((b) => (
            <li key={b.id}>
              {b.barrierType.label}
              {b.priority === null ? <span className="muted"> {t('caseFile.orderNotSet')}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <CaseFormFrame
          form={form}
          fields={{ barrierIds: { id: 'order-list', label: t('caseFile.orderTitle') } }}
          onSubmit={save}
          submitLabel={t('caseFile.orderSave')}
          labelledBy="order-heading"
          onConflictReload={() => {
            touched.current = false;
            form.reset({ order: serverIds });
          }}
        >
          <p className="field-hint" id="order-hint">
            {t('caseFile.orderHint')}
          </p>
          {unordered > 0 ? <p className="banner banner--warning">{t('caseFile.orderMissingHint')}</p> : null}
          {dirty ? <p className="muted">{t('caseFile.orderUnsaved')}</p> : null}
          <ol className="order-list" id="order-list" aria-describedby="order-hint">
            {current.map((id, index) => {
              const b = byId.get(id);
              if (!b) return null;
              return (
                <li key={id} className="order-list__item">
                  <span className="order-list__pos" aria-hidden="true">
                    {index + 1}.
                  </span>
                  <span className="order-list__label">
                    {b.barrierType.label}{' '}
                    <span className="muted">({t('caseFile.severityBadge', { severity: BARRIER_SEVERITY_LABELS_DE[b.severity] })})</span>
                  </span>
                  <span className="order-list__buttons">
                    <button
                      type="button"
                      id={`order-up-${id}`}
                      className="button button--secondary button--small"
                      disabled={index === 0}
                      onClick={() => move(id, -1)}
                    >
                      {t('caseFile.moveUp')}
                      <span className="visually-hidden">: {b.barrierType.label}</span>
                    </button>
                    <button
                      type="button"
                      id={`order-down-${id}`}
                      className="button button--secondary button--small"
                      disabled={index === current.length - 1}
                      onClick={() => move(id, 1)}
                    >
                      {t('caseFile.moveDown')}
                      <span className="visually-hidden">: {b.barrierType.label}</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        </CaseFormFrame>
      )}
    </section>
  );
}

// ——— resources and strengths ———

function ResourcesSection({ context }: { context: CaseFileContext }) {
  const { overview, can, refresh } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const [adding, setAdding] = useDraftState(context.drafts, 'resource', false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const form = useCaseForm<{ category: ResourceCategory | ''; description: string }>(
    { category: '', description: '' },
    { draft: { store: context.drafts, key: 'resource' } },
  );

  const remove = async (id: string, description: string) => {
    if (removing) return;
    setRemoving(id);
    setRemoveError(null);
    try {
      await api.deleteResource(overview.id, id);
      await refresh();
      announce(t('caseFile.resourceRemoved', { text: description }));
      focusWhenReady('resources-heading');
    } catch (e) {
      setRemoveError(toApiError(e));
    } finally {
      setRemoving(null);
    }
  };

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        if (!form.values.category) c.add('category', t('validation.choose'));
        c.required('description', form.values.description);
        c.maxLength('description', form.values.description, 1000);
        return c.problems;
      },
      async () => {
        const body = { category: form.values.category as ResourceCategory, description: form.values.description.trim() };
        const res = await api.createResource(overview.id, body, idempotencyKey(body));
        await refresh();
        announce(t('caseFile.resourceAdded'));
        form.reset({ category: '', description: '' });
        setAdding(false);
        focusWhenReady(`resource-${res.data.id}`);
      },
    );

  return (
    <section className="case-section" aria-labelledby="resources-heading">
      <div className="section-header">
        <h3 id="resources-heading" tabIndex={-1}>
          {t('caseFile.resourcesTitle')}
        </h3>
        {can.assessment && !adding ? (
          <button
            type="button"
            id="resource-add-toggle"
            className="button button--secondary"
            onClick={() => {
              setAdding(true);
              focusWhenReady('resource-category');
            }}
          >
            {t('caseFile.resourceAdd')}
          </button>
        ) : null}
      </div>
      <ProblemAlert error={removeError} />
      {adding && can.assessment ? (
        <div className="card">
          <h4 id="resource-form-heading">{t('caseFile.resourceAdd')}</h4>
          <CaseFormFrame
            form={form}
            fields={{
              category: { id: 'resource-category', label: t('caseFile.resourceCategory') },
              description: { id: 'resource-description', label: t('caseFile.resourceDescription') },
            }}
            onSubmit={save}
            submitLabel={t('caseFile.resourceAddSubmit')}
            onCancel={() => {
              setAdding(false);
              focusWhenReady('resource-add-toggle');
            }}
            labelledBy="resource-form-heading"
          >
            <SelectField
              id="resource-category"
              label={t('caseFile.resourceCategory')}
              required
              value={form.values.category}
              onChange={(v) => form.set('category')(v as ResourceCategory)}
              error={form.err('category')}
              options={[
                { value: '', label: t('form.choose') },
                ...RESOURCE_CATEGORIES.map((c) => ({ value: c, label: RESOURCE_CATEGORY_LABELS_DE[c] })),
              ]}
            />
            <TextAreaField
              id="resource-description"
              label={t('caseFile.resourceDescription')}
              required
              maxLength={1000}
              value={form.values.description}
              onChange={form.set('description')}
              error={form.err('description')}
            />
          </CaseFormFrame>
        </div>
      ) : null}
      {overview.resources.length === 0 ? (
        <p className="muted">{t('caseFile.noResources')}</p>
      ) : (
        <ul className="plain-list resource-list">
          {overview.resources.map((r) => (
            <li key={r.id} className="resource-list__item">
              <div>
                <p className="resource-list__title" id={`resource-${r.id}`} tabIndex={-1}>
                  <strong>{RESOURCE_CATEGORY_LABELS_DE[r.category]}:</strong> {r.description}
                </p>
                <p className="muted resource-list__meta">
                  {t('caseFile.recordedOnBy', { date: formatDate(r.recordedOn), name: r.recordedBy.displayName })}
                </p>
              </div>
              {can.assessment ? (
                <button
                  type="button"
                  className="button button--danger-link"
                  disabled={removing === r.id}
                  onClick={() => void remove(r.id, r.description)}
                >
                  {t('caseFile.remove')}
                  <span className="visually-hidden">: {r.description}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
