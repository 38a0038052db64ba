import {
  SERVICE_TYPE_LABELS_DE,
  SERVICE_TYPES,
  UNMET_NEED_REASON_LABELS_DE,
  UNMET_NEED_REASONS,
  type UnmetNeedReason,
} from '@lotse/domain';
import { useCallback, useState } from 'react';
import { type ApiError, etagFromVersion, toApiError } from '../../api/client';
import { Badge } from '../../components/Badge';
import { SelectField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import {
  CaseFormFrame,
  Checks,
  DateField,
  focusWhenReady,
  orNull,
  RadioGroupField,
  TextAreaField,
  todayGerman,
  useCaseForm,
} from '../cases/caseFormKit';
import * as orgApi from '../organisation/api';
import { topLevelProblems } from './ConsentsSection';
import type { ReferralsTabState } from './tabState';
import { useRemote } from './useRemote';

/** Heading of the section (jump link, focus after saving). */
export const UNMET_SECTION_ID = 'ref-unmet-heading';
/** Draft key of the open form: its prefill, and (with the case file's draft store) the typed values. */
export const UNMET_FORM_KEY = 'unmet-need-new';
/** The action that opens the form (focus goes back to it on cancel). */
export const UNMET_OPEN_ID = 'unmet-open';

/** What the form starts with: the searched service type and the reason the search suggests. */
export interface UnmetNeedPrefill {
  serviceType: string;
  reason: UnmetNeedReason | '';
}

/** The unmet needs of the case, shared by the search (which records them) and the list. */
export interface UnmetNeedsState {
  needs: orgApi.UnmetNeed[] | null;
  error: ApiError | null;
  reload: () => Promise<orgApi.UnmetNeed[] | null>;
}

export function useUnmetNeeds(caseId: string): UnmetNeedsState {
  const remote = useRemote(useCallback((signal?: AbortSignal) => orgApi.listUnmetNeeds(caseId, signal), [caseId]));
  return { needs: remote.data, error: remote.error, reload: () => remote.load() };
}

interface UnmetNeedValues {
  serviceType: string;
  reason: string;
  note: string;
  recordedOn: string;
}

/**
 * "Ungedeckten Bedarf erfassen": opened from the offer search, prefilled with the searched service type
 * and the reason the search suggests. Typed input survives tab switches and server errors.
 */
export function UnmetNeedForm({
  tab,
  unmet,
  prefill,
  onClose,
}: {
  tab: ReferralsTabState;
  unmet: UnmetNeedsState;
  prefill: UnmetNeedPrefill;
  onClose: (saved: orgApi.UnmetNeed | null) => void;
}) {
  const { context } = tab;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const form = useCaseForm<UnmetNeedValues>(
    () => ({ serviceType: prefill.serviceType, reason: prefill.reason, note: '', recordedOn: todayGerman() }),
    { draft: { store: context.drafts, key: UNMET_FORM_KEY } },
  );
  let recordedOn = '';

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        const v = form.values;
        if (!v.serviceType) c.add('serviceType', t('validation.choose'));
        if (!v.reason) c.add('reason', t('validation.choose'));
        c.maxLength('note', v.note, 1000);
        recordedOn = c.date('recordedOn', v.recordedOn, true) ?? '';
        if (recordedOn && recordedOn > todayIso()) c.add('recordedOn', t('validation.dateFuture'));
        return c.problems;
      },
      async () => {
        const body: orgApi.CreateUnmetNeedBody = {
          serviceType: form.values.serviceType as orgApi.CreateUnmetNeedBody['serviceType'],
          reason: form.values.reason as UnmetNeedReason,
          note: orNull(form.values.note),
          recordedOn,
        };
        const res = await orgApi.createUnmetNeed(context.overview.id, body, idempotencyKey(body));
        await unmet.reload();
        announce(t('organisation.unmetSaved'));
        onClose(res.data);
      },
      { mapError: topLevelProblems },
    );

  const suggested = prefill.reason && form.values.reason === prefill.reason;
  return (
    <div className="card ref-form">
      <h4 id="unmet-form-heading" tabIndex={-1}>
        {t('organisation.unmetFormTitle')}
      </h4>
      <CaseFormFrame
        form={form}
        fields={{
          serviceType: { id: 'unmet-service-type', label: t('organisation.unmetServiceType') },
          reason: { id: 'unmet-reason', label: t('organisation.unmetReason') },
          note: { id: 'unmet-note', label: t('organisation.unmetNote') },
          recordedOn: { id: 'unmet-recorded-on', label: t('organisation.unmetRecordedOn') },
        }}
        onSubmit={save}
        submitLabel={t('organisation.unmetSave')}
        onCancel={() => onClose(null)}
        labelledBy="unmet-form-heading"
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <SelectField
          id="unmet-service-type"
          label={t('organisation.unmetServiceType')}
          required
          width="long"
          value={form.values.serviceType}
          onChange={form.set('serviceType')}
          error={form.err('serviceType')}
          options={[{ value: '', label: t('form.choose') }, ...SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS_DE[s] }))]}
        />
        <RadioGroupField
          id="unmet-reason"
          legend={t('organisation.unmetReason')}
          required
          hint={
            suggested && prefill.reason
              ? t('organisation.unmetReasonSuggested', { reason: UNMET_NEED_REASON_LABELS_DE[prefill.reason] })
              : undefined
          }
          options={UNMET_NEED_REASONS.map((r) => ({ value: r, label: UNMET_NEED_REASON_LABELS_DE[r] }))}
          value={form.values.reason}
          onChange={form.set('reason')}
          error={form.err('reason')}
        />
        <TextAreaField
          id="unmet-note"
          label={`${t('organisation.unmetNote')} ${t('common.optional')}`}
          hint={t('organisation.unmetNoteHint')}
          rows={2}
          maxLength={1000}
          value={form.values.note}
          onChange={form.set('note')}
          error={form.err('note')}
        />
        <DateField
          id="unmet-recorded-on"
          label={t('organisation.unmetRecordedOn')}
          hint={t('organisation.unmetRecordedOnHint')}
          required
          value={form.values.recordedOn}
          onChange={form.set('recordedOn')}
          error={form.err('recordedOn')}
        />
      </CaseFormFrame>
    </div>
  );
}

/** "Ungedeckte Bedarfe": the needs of the case no offer was found for; the case manager marks them resolved. */
export function UnmetNeedsSection({ tab, unmet }: { tab: ReferralsTabState; unmet: UnmetNeedsState }) {
  const announce = useAnnounce();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const { needs, error } = unmet;

  const resolve = async (need: orgApi.UnmetNeed) => {
    if (busyId) return;
    setBusyId(need.id);
    setProblem(null);
    setConflict(false);
    try {
      await orgApi.resolveUnmetNeed(need.id, etagFromVersion(need.version), {});
      await unmet.reload();
      announce(t('organisation.unmetResolved', { type: need.serviceTypeLabel }));
      focusWhenReady(`unmet-${need.id}`);
    } catch (e) {
      const err = toApiError(e);
      // Changed meanwhile (or already resolved by the same person elsewhere): show the current state.
      if (err.status === 412 || err.code === 'UNMET_NEED_ALREADY_RESOLVED') {
        await unmet.reload();
        setConflict(true);
        focusWhenReady('unmet-conflict');
      } else setProblem(err);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="case-section ref-section" aria-labelledby={UNMET_SECTION_ID}>
      <h3 id={UNMET_SECTION_ID} tabIndex={-1}>
        {t('organisation.unmetListTitle')}
      </h3>
      <p className="field-hint">{t('organisation.unmetListIntro')}</p>
      {conflict ? (
        <p className="banner banner--warning" id="unmet-conflict" tabIndex={-1} role="status">
          {t('organisation.unmetConflict')}
        </p>
      ) : null}
      <ProblemAlert error={problem} />
      <ProblemAlert error={error} onRetry={() => void unmet.reload()} />
      {!needs && !error ? <p className="muted">{t('referrals.loading')}</p> : null}
      {needs && needs.length === 0 ? <p className="muted">{t('organisation.unmetEmpty')}</p> : null}
      {needs && needs.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('organisation.unmetCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisation.unmetColServiceType')}</th>
                <th scope="col">{t('organisation.unmetColReason')}</th>
                <th scope="col">{t('organisation.unmetColNote')}</th>
                <th scope="col">{t('organisation.unmetColRecorded')}</th>
                <th scope="col">{t('organisation.unmetColStatus')}</th>
                {tab.canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('organisation.unmetColAction')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {needs.map((n) => (
                <tr key={n.id}>
                  <th scope="row" id={`unmet-${n.id}`} tabIndex={-1}>
                    {n.serviceTypeLabel}
                  </th>
                  <td>{n.reasonLabel}</td>
                  <td className="pre-line">{n.note ?? <span className="muted">{t('common.none')}</span>}</td>
                  <td>{t('organisation.unmetRecordedBy', { date: formatDate(n.recordedOn), name: n.recordedBy.displayName })}</td>
                  <td>
                    {n.resolvedOn ? (
                      <Badge tone="success">{t('organisation.unmetResolvedOn', { date: formatDate(n.resolvedOn) })}</Badge>
                    ) : (
                      <Badge tone="info">{t('organisation.unmetOpen')}</Badge>
                    )}
                  </td>
                  {tab.canEdit ? (
                    <td>
                      {n.resolvedOn ? null : (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-disabled={busyId !== null || undefined}
                          onClick={() => void resolve(n)}
                        >
                          {t('organisation.unmetResolve')}
                          <span className="visually-hidden">
                            {t('organisation.unmetResolveHidden', { type: n.serviceTypeLabel, date: formatDate(n.recordedOn) })}
                          </span>
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
