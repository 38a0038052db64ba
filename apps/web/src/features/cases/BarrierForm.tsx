import type { Barrier, BarrierType } from '@lotse/contracts';
import {
  BARRIER_PHASE_LABELS_DE,
  BARRIER_PHASES,
  BARRIER_SEVERITIES,
  BARRIER_SEVERITY_LABELS_DE,
  type BarrierSeverity,
  INDICATOR_SOURCE_LABELS_DE,
  INDICATOR_SOURCES,
  type IndicatorSource,
} from '@lotse/domain';
import { useRef } from 'react';
import { etagFromVersion } from '../../api/client';
import * as api from '../../api/endpoints';
import { TextField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import type { CaseFileContext } from './caseFileContext';
import {
  type Based,
  based,
  CaseFormFrame,
  Checks,
  DateField,
  type FieldProblem,
  focusWhenReady,
  GroupedSelectField,
  type OptionGroup,
  orNull,
  RadioGroupField,
  rebase,
  TextAreaField,
  todayGerman,
  useCaseForm,
} from './caseFormKit';

interface IndicatorRow {
  key: number;
  source: IndicatorSource | '';
  note: string;
}

interface BarrierValues {
  barrierTypeId: string;
  severity: BarrierSeverity | '';
  recordedOn: string;
  indicators: IndicatorRow[];
  note: string;
}

const sourceGroups = (): OptionGroup[] => [
  { label: t('caseFile.indicatorHard'), options: INDICATOR_SOURCES.hard.map((s) => ({ value: s, label: INDICATOR_SOURCE_LABELS_DE[s] })) },
  { label: t('caseFile.indicatorSoft'), options: INDICATOR_SOURCES.soft.map((s) => ({ value: s, label: INDICATOR_SOURCE_LABELS_DE[s] })) },
];

function valuesOf(barrier: Barrier | null): BarrierValues {
  if (!barrier) return { barrierTypeId: '', severity: '', recordedOn: todayGerman(), indicators: [], note: '' };
  return {
    barrierTypeId: barrier.barrierType.id,
    severity: barrier.severity,
    recordedOn: formatDate(barrier.recordedOn),
    indicators: barrier.indicators.map((i, index) => ({ key: index + 1, source: i.source, note: i.note ?? '' })),
    note: barrier.note ?? '',
  };
}

/**
 * Records a barrier (create) or changes its severity, indicators and note (edit, If-Match of the
 * barrier's version).
 */
export function BarrierForm({
  context,
  barrier,
  barrierTypes,
  onClose,
}: {
  context: CaseFileContext;
  /** null: record a new one. */
  barrier: Barrier | null;
  barrierTypes: BarrierType[] | null;
  onClose: (savedId: string | null) => void;
}) {
  const { overview, refresh } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const form = useCaseForm<Based<BarrierValues>>(() => based(valuesOf(barrier), barrier?.version ?? 0), {
    draft: { store: context.drafts, key: barrier ? `barrier-edit:${barrier.id}` : 'barrier-new' },
  });
  // Row keys go on after the highest one (also of a restored draft).
  const nextKey = useRef(Math.max(0, ...form.values.indicators.map((r) => r.key)) + 1);
  const { values, set, err } = form;
  const prefix = barrier ? `barrier-edit-${barrier.id}` : 'barrier-new';
  const headingId = `${prefix}-heading`;
  const ids = {
    barrierTypeId: `${prefix}-type`,
    severity: `${prefix}-severity`,
    recordedOn: `${prefix}-date`,
    indicators: `${prefix}-indicators`,
    note: `${prefix}-note`,
  };

  const activeTypeIds = new Set(overview.barriers.filter((b) => b.status === 'active').map((b) => b.barrierType.id));
  const typeGroups: OptionGroup[] = BARRIER_PHASES.map((phase) => ({
    label: BARRIER_PHASE_LABELS_DE[phase],
    options: (barrierTypes ?? [])
      .filter((bt) => bt.active && bt.phase === phase)
      .map((bt) => ({ value: bt.id, label: activeTypeIds.has(bt.id) ? `${bt.label} ${t('caseFile.alreadyRecorded')}` : bt.label })),
  })).filter((g) => g.options.length > 0);

  const fields: Record<string, { id: string; label: string }> = {
    barrierTypeId: { id: ids.barrierTypeId, label: t('caseFile.barrierType') },
    severity: { id: ids.severity, label: t('caseFile.severity') },
    recordedOn: { id: ids.recordedOn, label: t('caseFile.recordedOn') },
    indicators: { id: ids.indicators, label: t('caseFile.indicators') },
    note: { id: ids.note, label: t('caseFile.note') },
  };
  values.indicators.forEach((row, index) => {
    fields[`indicators.${index}.source`] = { id: `${prefix}-ind-${row.key}-source`, label: t('caseFile.indicatorN', { n: index + 1 }) };
    fields[`indicators.${index}.note`] = { id: `${prefix}-ind-${row.key}-note`, label: t('caseFile.indicatorNoteN', { n: index + 1 }) };
  });

  const setRow = (key: number, patch: Partial<IndicatorRow>) =>
    form.setValues((v) => ({ ...v, indicators: v.indicators.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const addRow = () => {
    // After a conflict the rows of the current version come with keys of their own.
    const key = Math.max(nextKey.current, ...values.indicators.map((r) => r.key + 1));
    nextKey.current = key + 1;
    form.setValues((v) => ({ ...v, indicators: [...v.indicators, { key, source: '', note: '' }] }));
    focusWhenReady(`${prefix}-ind-${key}-source`);
  };
  const removeRow = (key: number, index: number) => {
    form.setValues((v) => ({ ...v, indicators: v.indicators.filter((r) => r.key !== key) }));
    announce(t('caseFile.indicatorRemoved', { n: index + 1 }));
    focusWhenReady(`${prefix}-add-indicator`);
  };

  const check = (): FieldProblem[] => {
    const c = new Checks();
    if (!barrier && !values.barrierTypeId) c.add('barrierTypeId', t('validation.choose'));
    if (!values.severity) c.add('severity', t('validation.choose'));
    if (!barrier) c.date('recordedOn', values.recordedOn, true);
    values.indicators.forEach((row, index) => {
      if (!row.source) c.add(`indicators.${index}.source`, t('validation.choose'));
      c.maxLength(`indicators.${index}.note`, row.note, 500);
    });
    c.maxLength('note', values.note, 2000);
    return c.problems;
  };

  const indicatorsBody = () => values.indicators.map((r) => ({ source: r.source as IndicatorSource, note: orNull(r.note) }));

  const save = () =>
    void form.submit(
      check,
      async () => {
        if (!barrier) {
          const body: api.CreateBarrierBody = {
            barrierTypeId: values.barrierTypeId,
            severity: values.severity as BarrierSeverity,
            recordedOn: new Checks().date('recordedOn', values.recordedOn, true) ?? '',
            indicators: indicatorsBody(),
            note: orNull(values.note),
          };
          const res = await api.createBarrier(overview.id, body, idempotencyKey(body));
          await refresh();
          announce(t('caseFile.barrierAdded', { label: res.data.barrierType.label }));
          onClose(res.data.id);
          return;
        }
        // Against the state the input is based on: only what the user changed is sent.
        const before = values.base;
        const body: api.UpdateBarrierBody = {};
        if (values.severity !== before.severity) body.severity = values.severity as BarrierSeverity;
        const indicators = indicatorsBody();
        if (JSON.stringify(indicators) !== JSON.stringify(before.indicators.map((r) => ({ source: r.source, note: orNull(r.note) }))))
          body.indicators = indicators;
        if (orNull(values.note) !== orNull(before.note)) body.note = orNull(values.note);
        if (Object.keys(body).length === 0) {
          announce(t('common.noChanges'));
          onClose(barrier.id);
          return;
        }
        await api.updateBarrier(overview.id, barrier.id, etagFromVersion(values.version), body);
        await refresh();
        announce(t('caseFile.barrierSaved', { label: barrier.barrierType.label }));
        onClose(barrier.id);
      },
      {
        // The current version is loaded: untouched fields take it, "Weiter bearbeiten" saves the input on top.
        onConflict: async () => {
          const fresh = await refresh();
          const now = barrier ? fresh?.barriers.find((b) => b.id === barrier.id) : undefined;
          if (now) form.setValues((v) => rebase(v, valuesOf(now), now.version));
        },
      },
    );

  return (
    <div className="case-subform">
      <h4 id={headingId} className={barrier ? 'visually-hidden' : undefined}>
        {barrier ? t('caseFile.barrierEditTitle', { label: barrier.barrierType.label }) : t('caseFile.barrierAddTitle')}
      </h4>
      <CaseFormFrame
        form={form}
        fields={fields}
        onSubmit={save}
        submitLabel={barrier ? t('common.save') : t('caseFile.barrierAddSubmit')}
        onCancel={() => onClose(null)}
        labelledBy={headingId}
        conflictText={t('caseFile.conflictRecord')}
        onConflictReload={() => {
          const current = barrier ? (overview.barriers.find((b) => b.id === barrier.id) ?? barrier) : null;
          form.reset(based(valuesOf(current), current?.version ?? 0));
        }}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        {barrier ? null : (
          <>
            <GroupedSelectField
              id={ids.barrierTypeId}
              label={t('caseFile.barrierType')}
              required
              value={values.barrierTypeId}
              onChange={set('barrierTypeId')}
              error={err('barrierTypeId')}
              groups={typeGroups}
              placeholder={barrierTypes ? t('form.choose') : t('caseFile.barrierTypesLoading')}
            />
            {values.barrierTypeId ? (
              <BarrierTypeDescription type={(barrierTypes ?? []).find((bt) => bt.id === values.barrierTypeId)} />
            ) : null}
          </>
        )}
        <RadioGroupField
          id={ids.severity}
          legend={t('caseFile.severity')}
          required
          inline
          value={values.severity}
          onChange={(v) => set('severity')(v as BarrierSeverity)}
          error={err('severity')}
          options={BARRIER_SEVERITIES.map((s) => ({ value: s, label: BARRIER_SEVERITY_LABELS_DE[s] }))}
        />
        {barrier ? null : (
          <DateField
            id={ids.recordedOn}
            label={t('caseFile.recordedOn')}
            required
            value={values.recordedOn}
            onChange={set('recordedOn')}
            error={err('recordedOn')}
          />
        )}
        <fieldset className="fieldset indicator-list" id={ids.indicators}>
          <legend className="field-label">{t('caseFile.indicators')}</legend>
          <p className="field-hint">{t('caseFile.indicatorsHint')}</p>
          {values.indicators.length === 0 ? <p className="muted">{t('caseFile.noIndicators')}</p> : null}
          <ol className="indicator-rows">
            {values.indicators.map((row, index) => (
              <li key={row.key} className="indicator-row">
                <GroupedSelectField
                  id={`${prefix}-ind-${row.key}-source`}
                  label={t('caseFile.indicatorN', { n: index + 1 })}
                  required
                  width="medium"
                  value={row.source}
                  onChange={(v) => setRow(row.key, { source: v as IndicatorSource })}
                  error={err(`indicators.${index}.source`)}
                  groups={sourceGroups()}
                  placeholder={t('form.choose')}
                />
                <TextField
                  id={`${prefix}-ind-${row.key}-note`}
                  label={`${t('caseFile.indicatorNoteN', { n: index + 1 })} ${t('common.optional')}`}
                  value={row.note}
                  onChange={(v) => setRow(row.key, { note: v })}
                  error={err(`indicators.${index}.note`)}
                  maxLength={500}
                  autoComplete="off"
                />
                <button
                  type="button"
                  className="button button--danger-link indicator-row__remove"
                  onClick={() => removeRow(row.key, index)}
                >
                  {t('caseFile.indicatorRemove', { n: index + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" id={`${prefix}-add-indicator`} className="button button--secondary button--small" onClick={addRow}>
            {t('caseFile.indicatorAdd')}
          </button>
        </fieldset>
        <TextAreaField
          id={ids.note}
          label={`${t('caseFile.note')} ${t('common.optional')}`}
          value={values.note}
          onChange={set('note')}
          error={err('note')}
          maxLength={2000}
        />
      </CaseFormFrame>
    </div>
  );
}

function BarrierTypeDescription({ type }: { type: BarrierType | undefined }) {
  if (!type) return null;
  return (
    <p className="field-hint barrier-type-info">
      {type.description ? `${type.description} ` : ''}
      {type.specialCategory ? t('caseFile.specialCategoryHint') : ''}
    </p>
  );
}
