import {
  CONSENT_STATE_LABELS_DE,
  REFERRAL_RESULT_LABELS_DE,
  REFERRAL_STATUS_LABELS_DE,
  SERVICE_TYPE_LABELS_DE,
  TERMINAL_REFERRAL_STATUSES,
} from '@lotse/domain';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type ApiError, etagFromVersion, toApiError } from '../../api/client';
import { Badge } from '../../components/Badge';
import { CheckboxField, SelectField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useDraftState } from '../cases/caseFileContext';
import { CaseFormFrame, Checks, DateField, focusWhenReady, orNull, TextAreaField, todayGerman, useCaseForm } from '../cases/caseFormKit';
import * as api from './api';
import { ChildcareArrangements } from './ChildcareArrangements';
import { topLevelProblems } from './ConsentsSection';
import { FeedbackList, HistoryTable } from './FeedbackView';
import { CheckboxList } from './fields';
import { SEARCH_FIRST_FIELD } from './OfferSearchSection';
import { categoryLabels, overdueText, validityText } from './referralFormat';
import { SECTION_IDS } from './sectionIds';
import { type ChosenOffer, OPEN_REFERRAL_STATUSES, type ReferralsTabState, validConsentsFor } from './tabState';

const isOpen = (r: api.Referral) => (OPEN_REFERRAL_STATUSES as readonly string[]).includes(r.status);

/** Open referrals first, each group newest first. */
function ordered(referrals: readonly api.Referral[]): api.Referral[] {
  return [...referrals].sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)) || b.createdAt.localeCompare(a.createdAt));
}

export interface ActionNotice {
  referralId: string;
  error: ApiError;
}

/** "Zuweisungen": the referrals of the case with history, feedback and the Jobcenter's steps, and the new-referral form. */
export function ReferralsSection({ tab, error }: { tab: ReferralsTabState; error: ApiError | null }) {
  const { referrals, canEdit, chosen } = tab;
  const announce = useAnnounce();
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string, open?: boolean) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="case-section ref-section" aria-labelledby={SECTION_IDS.referrals}>
      <div className="section-header">
        <h3 id={SECTION_IDS.referrals} tabIndex={-1}>
          {t('referrals.listTitle')}
        </h3>
        {canEdit && !chosen ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              announce(t('referrals.newChooseOffer'));
              focusWhenReady(SEARCH_FIRST_FIELD);
            }}
          >
            {t('referrals.new')}
          </button>
        ) : null}
      </div>
      {canEdit && chosen ? (
        <ReferralForm
          tab={tab}
          chosen={chosen}
          onClose={(createdId, sendError) => {
            tab.choose(null);
            if (createdId) {
              if (sendError) {
                setNotice({ referralId: createdId, error: sendError });
                toggle(createdId, true);
              }
              focusWhenReady(`referral-${createdId}-title`);
            } else focusWhenReady(SECTION_IDS.referrals);
          }}
        />
      ) : null}
      <ProblemAlert error={error} onRetry={() => void tab.reloadReferrals()} />
      {!referrals && !error ? <p className="muted">{t('referrals.loading')}</p> : null}
      {referrals && referrals.length === 0 ? <p className="muted">{t('referrals.noReferrals')}</p> : null}
      {referrals && referrals.length > 0 ? (
        <ol className="plain-list ref-list">
          {ordered(referrals).map((r) => (
            <li key={r.id}>
              <ReferralCard
                tab={tab}
                referral={r}
                expanded={expanded.has(r.id)}
                onToggle={() => toggle(r.id)}
                notice={notice?.referralId === r.id ? notice.error : null}
                setNotice={(e) => setNotice(e ? { referralId: r.id, error: e } : null)}
              />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

// ——— one referral ———

function waitingLine(r: api.Referral): string | null {
  if (r.waitingDays === null) return null;
  if (r.startedOn && r.waitingDays === 0) return t('referrals.waitedNone');
  if (r.startedOn) return r.waitingDays === 1 ? t('referrals.waitedOne') : t('referrals.waited', { days: r.waitingDays });
  if (r.waitingDays === 0) return t('referrals.waitingToday');
  return r.waitingDays === 1 ? t('referrals.waitingOne') : t('referrals.waiting', { days: r.waitingDays });
}

function statusTone(r: api.Referral): 'info' | 'success' | 'danger' | 'neutral' {
  if (r.status === 'completed' || r.status === 'started' || r.status === 'accepted') return 'success';
  if (TERMINAL_REFERRAL_STATUSES.includes(r.status)) return 'neutral';
  return 'info';
}

function ReferralCard({
  tab,
  referral: r,
  expanded,
  onToggle,
  notice,
  setNotice,
}: {
  tab: ReferralsTabState;
  referral: api.Referral;
  expanded: boolean;
  onToggle: () => void;
  notice: ApiError | null;
  setNotice: (e: ApiError | null) => void;
}) {
  const { context, canEdit } = tab;
  const { overview, drafts } = context;
  const announce = useAnnounce();
  const [openForm, setOpenForm] = useDraftState<'cancel' | 'confirm' | null>(drafts, `referral-step:${r.id}`, null);
  const [sending, setSending] = useState(false);
  const titleId = `referral-${r.id}-title`;
  const panelId = `referral-${r.id}-details`;
  const goals = overview.goals.filter((g) => r.goalIds.includes(g.id));
  const hiddenGoals = r.goalIds.length - goals.length;
  const needsConsent = (r.status === 'draft' || r.status === 'self_referred') && (r.consent === null || r.consent.state !== 'valid');
  // The server lists `send` / `confirm_self_referral` only when a valid consent exists; the buttons stay
  // for drafts and self-referrals anyway, so the case manager gets the server's reason (409 CONSENT_REQUIRED).
  const steps = new Set<string>(r.actions);
  if (r.status === 'draft') steps.add('send');
  if (r.status === 'self_referred') steps.add('confirm_self_referral');
  const latest = [...r.feedback].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];

  const send = async () => {
    if (sending) return;
    setSending(true);
    setNotice(null);
    try {
      await api.referralAction(r.id, etagFromVersion(r.version), { action: 'send' });
      await tab.reloadReferrals();
      announce(t('referrals.sent', { provider: r.provider.name }));
      focusWhenReady(titleId);
    } catch (e) {
      const err = toApiError(e);
      if (err.status === 412) await tab.reloadReferrals();
      setNotice(err);
      focusWhenReady(`referral-${r.id}-notice`);
    } finally {
      setSending(false);
    }
  };

  const recordConsent = () => {
    tab.openConsentForm({ providerId: r.provider.id, offerName: r.offer.name, returnFocusId: `referral-${r.id}-assign` });
    focusWhenReady('consent-form-heading');
  };

  return (
    <section className={`card ref-card${isOpen(r) ? '' : ' ref-card--closed'}`} aria-labelledby={titleId}>
      <div className="ref-card__head">
        <h4 id={titleId} tabIndex={-1} className="ref-card__title">
          {r.offer.name} <span className="ref-card__provider">– {r.provider.name}</span>
        </h4>
        <div className="ref-card__badges">
          <Badge tone={statusTone(r)}>{REFERRAL_STATUS_LABELS_DE[r.status]}</Badge>
          {r.overdue ? <Badge tone="danger">{overdueText(r.overdue)}</Badge> : null}
        </div>
      </div>
      <dl className="dl ref-card__facts">
        <div className="dl-item">
          <dt>{t('referrals.serviceType')}</dt>
          <dd>
            {SERVICE_TYPE_LABELS_DE[r.offer.serviceType]}{' '}
            <Link to={`/handbuch/${r.offer.serviceType}`}>{t('referrals.handbookShort')}</Link>
          </dd>
        </div>
        <div className="dl-item">
          <dt>{t('referrals.sentOn')}</dt>
          <dd>
            {r.sentOn ? formatDate(r.sentOn) : t('referrals.notSent')}
            {waitingLine(r) ? <span className="muted"> · {waitingLine(r)}</span> : null}
            {r.overdue ? <span className="muted"> · {t('referrals.dueOnWas', { date: formatDate(r.overdue.dueOn) })}</span> : null}
          </dd>
        </div>
        {r.acceptedOn || r.startedOn || r.endedOn ? (
          <div className="dl-item">
            <dt>{t('referrals.course')}</dt>
            <dd>
              {[
                r.acceptedOn ? t('referrals.acceptedOn', { date: formatDate(r.acceptedOn) }) : null,
                r.startedOn ? t('referrals.startedOn', { date: formatDate(r.startedOn) }) : null,
                r.endedOn ? t('referrals.endedOn', { date: formatDate(r.endedOn) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
              {r.result ? ` · ${REFERRAL_RESULT_LABELS_DE[r.result]}` : ''}
            </dd>
          </div>
        ) : null}
        <div className="dl-item">
          <dt>{t('referrals.consent')}</dt>
          <dd>
            {r.consent ? (
              <>
                <Badge tone={r.consent.state === 'valid' ? 'success' : 'danger'}>{CONSENT_STATE_LABELS_DE[r.consent.state]}</Badge>{' '}
                <span className="muted">{categoryLabels(r.consent.categories).join(', ')}</span>
              </>
            ) : (
              <Badge tone="neutral">{t('referrals.noConsentAssigned')}</Badge>
            )}
          </dd>
        </div>
        {r.referralNote ? (
          <div className="dl-item">
            <dt>{t('referrals.referralNote')}</dt>
            <dd className="pre-line">{r.referralNote}</dd>
          </div>
        ) : null}
        {r.goalIds.length > 0 ? (
          <div className="dl-item">
            <dt>{t('referrals.goals')}</dt>
            <dd>
              {goals.map((g) => g.title).join('; ')}
              {hiddenGoals > 0 ? <span className="muted"> {t('referrals.goalsHidden', { count: hiddenGoals })}</span> : null}
            </dd>
          </div>
        ) : null}
        {r.healthNote ? (
          <div className="dl-item">
            <dt>{t('referrals.healthNote')}</dt>
            <dd className="pre-line">{r.healthNote}</dd>
          </div>
        ) : null}
        {r.needsDecision ? (
          <div className="dl-item">
            <dt>{t('referrals.needsDecision')}</dt>
            <dd className="pre-line">{r.needsDecision}</dd>
          </div>
        ) : null}
        <div className="dl-item">
          <dt>{t('referrals.createdBy')}</dt>
          <dd>{r.createdBy.displayName}</dd>
        </div>
      </dl>

      {notice ? (
        <div className="banner banner--error" role="alert" id={`referral-${r.id}-notice`} tabIndex={-1}>
          <p className="banner__title">{notice.status === 412 ? t('referrals.conflictReferralTitle') : notice.title}</p>
          {notice.status === 412 ? (
            <p>{t('caseFile.conflictQuick')}</p>
          ) : notice.detail && notice.detail !== notice.title ? (
            <p>{notice.detail}</p>
          ) : null}
          {notice.code === 'CONSENT_REQUIRED' && canEdit ? (
            <p>{t('referrals.consentRequiredHelp', { provider: r.provider.name })}</p>
          ) : null}
        </div>
      ) : null}

      {canEdit && needsConsent ? <AssignConsent tab={tab} referral={r} onRecord={recordConsent} onDone={() => setNotice(null)} /> : null}

      {canEdit && steps.size > 0 ? (
        <div className="button-row ref-card__actions">
          {steps.has('send') ? (
            <button type="button" className="button button--primary" onClick={() => void send()} aria-disabled={sending || undefined}>
              {sending ? t('referrals.sending') : t('referrals.send')}
              <span className="visually-hidden"> {t('referrals.toProvider', { provider: r.provider.name })}</span>
            </button>
          ) : null}
          {steps.has('confirm_self_referral') ? (
            <button
              type="button"
              id={`referral-${r.id}-confirm-toggle`}
              className="button button--primary"
              aria-expanded={openForm === 'confirm'}
              onClick={() => {
                setOpenForm(openForm === 'confirm' ? null : 'confirm');
                if (openForm !== 'confirm') focusWhenReady(`referral-${r.id}-needs`);
              }}
            >
              {t('referrals.confirmSelf')}
            </button>
          ) : null}
          {steps.has('cancel') ? (
            <button
              type="button"
              id={`referral-${r.id}-cancel-toggle`}
              className="button button--secondary"
              aria-expanded={openForm === 'cancel'}
              onClick={() => {
                setOpenForm(openForm === 'cancel' ? null : 'cancel');
                if (openForm !== 'cancel') focusWhenReady(`referral-${r.id}-cancel-reason`);
              }}
            >
              {t('referrals.cancel')}
              <span className="visually-hidden"> {t('referrals.toProvider', { provider: r.provider.name })}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {canEdit && openForm === 'cancel' && steps.has('cancel') ? (
        <CancelForm
          tab={tab}
          referral={r}
          onClose={(done) => {
            setOpenForm(null);
            focusWhenReady(done ? titleId : `referral-${r.id}-cancel-toggle`);
          }}
        />
      ) : null}
      {canEdit && openForm === 'confirm' && steps.has('confirm_self_referral') ? (
        <ConfirmSelfReferralForm
          tab={tab}
          referral={r}
          onClose={(done) => {
            setOpenForm(null);
            focusWhenReady(done ? titleId : `referral-${r.id}-confirm-toggle`);
          }}
          onConsentMissing={setNotice}
        />
      ) : null}

      {r.offer.serviceType === 'childcare_care' && r.status !== 'draft' ? <ChildcareArrangements tab={tab} referral={r} /> : null}

      <p className="ref-card__latest" hidden={expanded}>
        {latest ? (
          <span>{t('referrals.latestFeedback', { date: formatDate(latest.recordedOn), count: r.feedback.length })}</span>
        ) : (
          <span className="muted">{t('referrals.noFeedbackYet')}</span>
        )}
        {r.hiddenFeedback > 0 ? <span className="muted"> {t('referrals.hiddenFeedback', { count: r.hiddenFeedback })}</span> : null}
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={onToggle}
      >
        {expanded ? t('referrals.detailsHide') : t('referrals.detailsShow')}
        <span className="visually-hidden"> {t('referrals.detailsOf', { offer: r.offer.name })}</span>
      </button>
      <div id={panelId} hidden={!expanded} className="ref-card__details">
        {expanded ? (
          <>
            <h5>{t('referrals.feedbackTitle')}</h5>
            {r.hiddenFeedback > 0 ? (
              <p className="banner banner--info">{t('referrals.hiddenFeedbackLong', { count: r.hiddenFeedback })}</p>
            ) : null}
            <FeedbackList
              entries={r.feedback}
              barrierTypeLabel={tab.barrierTypeLabel}
              headingLevel={5}
              emptyText={t('referrals.noFeedbackYet')}
            />
            <h5>{t('referrals.historyTitle')}</h5>
            <HistoryTable rows={r.history} caption={t('referrals.historyCaption', { offer: r.offer.name })} />
          </>
        ) : null}
      </div>
    </section>
  );
}

/** A draft or self-referral without a valid consent: pick one of the provider's valid consents, or record one. */
function AssignConsent({
  tab,
  referral: r,
  onRecord,
  onDone,
}: {
  tab: ReferralsTabState;
  referral: api.Referral;
  onRecord: () => void;
  onDone: () => void;
}) {
  const announce = useAnnounce();
  const valid = validConsentsFor(tab.consents, r.provider.id);
  const [consentId, setConsentId] = useState(valid[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const selectId = `referral-${r.id}-assign`;
  const validIds = valid.map((c) => c.id).join(',');
  useEffect(() => {
    const ids = validIds ? validIds.split(',') : [];
    setConsentId((current) => (current && ids.includes(current) ? current : (ids[0] ?? '')));
  }, [validIds]);

  const assign = async () => {
    if (busy || !consentId) return;
    setBusy(true);
    setError(null);
    try {
      await api.updateReferral(r.id, etagFromVersion(r.version), { consentId });
      await tab.reloadReferrals();
      onDone();
      announce(t('referrals.consentAssigned'));
      focusWhenReady(`referral-${r.id}-title`);
    } catch (e) {
      const err = toApiError(e);
      if (err.status === 412) await tab.reloadReferrals();
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (valid.length === 0) {
    return (
      <div className="ref-assign banner banner--warning">
        <p>{t('referrals.noValidConsentFor', { provider: r.provider.name })}</p>
        <button type="button" id={selectId} className="button button--secondary button--small" onClick={onRecord}>
          {t('referrals.recordConsentFor', { provider: r.provider.name })}
        </button>
      </div>
    );
  }
  return (
    <div className="ref-assign">
      <SelectField
        id={selectId}
        label={t('referrals.assignConsent')}
        hint={t('referrals.assignConsentHint')}
        width="long"
        value={consentId}
        onChange={setConsentId}
        error={error ? (error.status === 412 ? t('caseFile.conflictQuick') : error.userMessage) : undefined}
        options={valid.map((c) => ({ value: c.id, label: consentOptionLabel(c) }))}
      />
      <button type="button" className="button button--secondary" onClick={() => void assign()} aria-disabled={busy || undefined}>
        {t('referrals.assignConsentSubmit')}
      </button>
    </div>
  );
}

export function consentOptionLabel(c: api.Consent): string {
  return `${validityText(c)} – ${categoryLabels(c.categories).join(', ')}`;
}

function CancelForm({ tab, referral: r, onClose }: { tab: ReferralsTabState; referral: api.Referral; onClose: (done: boolean) => void }) {
  const announce = useAnnounce();
  const form = useCaseForm({ reason: '' }, { draft: { store: tab.context.drafts, key: `referral-step:${r.id}` } });
  const headingId = `referral-${r.id}-cancel-heading`;
  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        c.required('reason', form.values.reason);
        c.maxLength('reason', form.values.reason, 1000);
        return c.problems;
      },
      async () => {
        await api.referralAction(r.id, etagFromVersion(r.version), { action: 'cancel', reason: form.values.reason.trim() });
        await tab.reloadReferrals();
        announce(t('referrals.cancelled'));
        onClose(true);
      },
      { onConflict: () => tab.reloadReferrals(), mapError: topLevelProblems },
    );
  return (
    <div className="ref-subform">
      <h5 id={headingId}>{t('referrals.cancelTitle', { offer: r.offer.name })}</h5>
      <CaseFormFrame
        form={form}
        fields={{ reason: { id: `referral-${r.id}-cancel-reason`, label: t('referrals.cancelReason') } }}
        onSubmit={save}
        submitLabel={t('referrals.cancelSubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        conflictText={t('referrals.conflictReferral')}
        onConflictReload={() => form.reset({ reason: '' })}
      >
        <TextAreaField
          id={`referral-${r.id}-cancel-reason`}
          label={t('referrals.cancelReason')}
          hint={t('referrals.cancelReasonHint')}
          required
          rows={2}
          maxLength={1000}
          value={form.values.reason}
          onChange={form.set('reason')}
          error={form.err('reason')}
        />
      </CaseFormFrame>
    </div>
  );
}

function ConfirmSelfReferralForm({
  tab,
  referral: r,
  onClose,
  onConsentMissing,
}: {
  tab: ReferralsTabState;
  referral: api.Referral;
  onClose: (done: boolean) => void;
  onConsentMissing: (e: ApiError) => void;
}) {
  const announce = useAnnounce();
  const form = useCaseForm(
    { needsDecision: '', startedOn: todayGerman() },
    { draft: { store: tab.context.drafts, key: `referral-step:${r.id}` } },
  );
  const headingId = `referral-${r.id}-confirm-heading`;
  let startedOn = '';
  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        c.required('needsDecision', form.values.needsDecision);
        c.maxLength('needsDecision', form.values.needsDecision, 2000);
        startedOn = c.date('startedOn', form.values.startedOn, true) ?? '';
        if (startedOn && startedOn > todayIso()) c.add('startedOn', t('validation.dateFuture'));
        return c.problems;
      },
      async () => {
        await api.referralAction(r.id, etagFromVersion(r.version), {
          action: 'confirm_self_referral',
          needsDecision: form.values.needsDecision.trim(),
          startedOn,
        });
        await tab.reloadReferrals();
        announce(t('referrals.selfConfirmed'));
        onClose(true);
      },
      {
        onConflict: () => tab.reloadReferrals(),
        mapError: (e) => {
          // No valid consent: the form stays open with the input; the card explains what is missing.
          if (e.code === 'CONSENT_REQUIRED') {
            onConsentMissing(e);
            return [{ field: '', message: e.userMessage }];
          }
          return topLevelProblems(e);
        },
      },
    );
  return (
    <div className="ref-subform">
      <h5 id={headingId}>{t('referrals.confirmSelfTitle')}</h5>
      <CaseFormFrame
        form={form}
        fields={{
          needsDecision: { id: `referral-${r.id}-needs`, label: t('referrals.needsDecision') },
          startedOn: { id: `referral-${r.id}-started`, label: t('referrals.confirmStartedOn') },
        }}
        onSubmit={save}
        submitLabel={t('referrals.confirmSelfSubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        conflictText={t('referrals.conflictReferral')}
        onConflictReload={() => form.reset({ needsDecision: '', startedOn: todayGerman() })}
      >
        <TextAreaField
          id={`referral-${r.id}-needs`}
          label={t('referrals.needsDecision')}
          hint={t('referrals.needsDecisionHint')}
          required
          rows={3}
          maxLength={2000}
          value={form.values.needsDecision}
          onChange={form.set('needsDecision')}
          error={form.err('needsDecision')}
        />
        <DateField
          id={`referral-${r.id}-started`}
          label={t('referrals.confirmStartedOn')}
          required
          value={form.values.startedOn}
          onChange={form.set('startedOn')}
          error={form.err('startedOn')}
        />
      </CaseFormFrame>
    </div>
  );
}

// ——— new referral ———

interface ReferralValues {
  selfReferred: boolean;
  consentId: string;
  referralNote: string;
  goalIds: string[];
  healthNote: string;
}

function ReferralForm({
  tab,
  chosen,
  onClose,
}: {
  tab: ReferralsTabState;
  chosen: ChosenOffer;
  onClose: (createdId: string | null, sendError?: ApiError) => void;
}) {
  const { context } = tab;
  const { overview } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const valid = validConsentsFor(tab.consents, chosen.providerId);
  const form = useCaseForm<ReferralValues>(
    () => ({ selfReferred: false, consentId: valid[0]?.id ?? '', referralNote: '', goalIds: [], healthNote: '' }),
    { draft: { store: context.drafts, key: 'referral-new' } },
  );

  // A consent recorded while the form is open (or another offer chosen): select the newest valid one
  // when none is selected or the selected one does not belong to this provider.
  const validIds = valid.map((c) => c.id).join(',');
  const consentsLoaded = tab.consents !== null;
  const restored = form.restored;
  const seen = useRef<string | null>(consentsLoaded ? validIds : null);
  useEffect(() => {
    if (!consentsLoaded) return;
    const ids = validIds ? validIds.split(',') : [];
    // First load: preselect the newest valid consent unless the form came back from a draft.
    const added = seen.current === null ? (restored ? undefined : ids[0]) : ids.find((id) => !(seen.current ?? '').split(',').includes(id));
    seen.current = validIds;
    form.setValues(
      (v) => {
        if (v.consentId && !ids.includes(v.consentId)) return { ...v, consentId: ids[0] ?? '' };
        if (!v.consentId && added) return { ...v, consentId: added };
        return v;
      },
      { silent: true },
    );
  }, [validIds, consentsLoaded, restored, form.setValues]);

  const goals = overview.goals.filter((g) => g.status !== 'dropped' || form.values.goalIds.includes(g.id));

  const save = (mode: 'send' | 'draft') => {
    void form.submit(
      () => {
        const c = new Checks();
        const v = form.values;
        if (mode === 'send' && !v.selfReferred && !v.consentId)
          c.add('consentId', t('referrals.consentNeededToSend', { provider: chosen.providerName }));
        c.maxLength('referralNote', v.referralNote, 4000);
        c.maxLength('healthNote', v.healthNote, 4000);
        return c.problems;
      },
      async () => {
        const v = form.values;
        const body: api.CreateReferralBody = {
          offerId: chosen.offerId,
          kind: v.selfReferred ? 'self_referred' : 'referral',
          consentId: v.consentId || null,
          referralNote: orNull(v.referralNote),
          goalIds: v.goalIds,
          healthNote: orNull(v.healthNote),
        };
        const res = await api.createReferral(overview.id, body, idempotencyKey(body));
        let sendError: ApiError | undefined;
        if (mode === 'send' && !v.selfReferred) {
          try {
            await api.referralAction(res.data.id, res.etag ?? etagFromVersion(res.data.version), { action: 'send' });
          } catch (e) {
            sendError = toApiError(e);
          }
        }
        await tab.reloadReferrals();
        announce(
          v.selfReferred
            ? t('referrals.selfSaved')
            : mode === 'send' && !sendError
              ? t('referrals.sent', { provider: chosen.providerName })
              : t('referrals.draftSaved'),
        );
        onClose(res.data.id, sendError);
      },
      { mapError: topLevelProblems },
    );
  };

  const v = form.values;
  return (
    <div className="card ref-form">
      <h4 id="referral-form-heading" tabIndex={-1}>
        {t('referrals.newTitle', { offer: chosen.offerName, provider: chosen.providerName })}
      </h4>
      <p>
        {SERVICE_TYPE_LABELS_DE[chosen.serviceType]} ·{' '}
        <Link to={`/handbuch/${chosen.serviceType}`}>
          {t('referrals.handbookLink', { type: SERVICE_TYPE_LABELS_DE[chosen.serviceType] })}
        </Link>
      </p>
      <CaseFormFrame
        form={form}
        fields={{
          offerId: { id: 'referral-form-heading', label: t('referrals.colOffer') },
          kind: { id: 'referral-self', label: t('referrals.selfReferred') },
          consentId: { id: 'referral-consent', label: t('referrals.consent') },
          referralNote: { id: 'referral-note', label: t('referrals.referralNote') },
          goalIds: { id: 'referral-goals', label: t('referrals.goals') },
          healthNote: { id: 'referral-health', label: t('referrals.healthNote') },
        }}
        onSubmit={() => save(v.selfReferred ? 'draft' : 'send')}
        submitLabel={v.selfReferred ? t('referrals.saveSelf') : t('referrals.saveAndSend')}
        labelledBy="referral-form-heading"
        extraButtons={
          <>
            {v.selfReferred ? null : (
              <button type="button" className="button button--secondary" onClick={() => save('draft')} disabled={form.busy}>
                {t('referrals.saveDraft')}
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                form.discardDraft();
                onClose(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <CheckboxField
          id="referral-self"
          label={t('referrals.selfReferred')}
          hint={t('referrals.selfReferredHint')}
          checked={v.selfReferred}
          onChange={form.set('selfReferred')}
        />
        {valid.length > 0 ? (
          <SelectField
            id="referral-consent"
            label={t('referrals.consent')}
            hint={v.selfReferred ? t('referrals.consentHintSelf') : t('referrals.consentHint')}
            width="long"
            value={v.consentId}
            onChange={form.set('consentId')}
            error={form.err('consentId')}
            options={[
              { value: '', label: t('referrals.consentLater') },
              ...valid.map((c) => ({ value: c.id, label: consentOptionLabel(c) })),
            ]}
          />
        ) : (
          <div className={`field${form.err('consentId') ? ' field--invalid' : ''}`}>
            <p className="field-label" id="referral-consent-label">
              {t('referrals.consent')}
            </p>
            {form.err('consentId') ? (
              <p className="field-error" id="referral-consent-error">
                <span className="visually-hidden">{t('common.errorPrefix')} </span>
                {form.err('consentId')}
              </p>
            ) : null}
            <p id="referral-consent-none">{t('referrals.noValidConsentFor', { provider: chosen.providerName })}</p>
            <button
              type="button"
              id="referral-consent"
              className="button button--secondary button--small"
              aria-describedby={`referral-consent-none${form.err('consentId') ? ' referral-consent-error' : ''}`}
              aria-invalid={form.err('consentId') ? true : undefined}
              onClick={() => {
                tab.openConsentForm({ providerId: chosen.providerId, offerName: chosen.offerName, returnFocusId: 'referral-consent' });
                focusWhenReady('consent-form-heading');
              }}
            >
              {t('referrals.recordConsentFor', { provider: chosen.providerName })}
            </button>
          </div>
        )}
        <TextAreaField
          id="referral-note"
          label={`${t('referrals.referralNote')} ${t('common.optional')}`}
          hint={t('referrals.referralNoteHint')}
          rows={3}
          maxLength={4000}
          value={v.referralNote}
          onChange={form.set('referralNote')}
          error={form.err('referralNote')}
        />
        {goals.length > 0 ? (
          <CheckboxList
            id="referral-goals"
            legend={`${t('referrals.goals')} ${t('common.optional')}`}
            hint={t('referrals.goalsHint')}
            options={goals.map((g) => ({ value: g.id, label: g.title }))}
            values={v.goalIds}
            onChange={form.set('goalIds')}
            error={form.err('goalIds')}
          />
        ) : (
          <p className="muted">{t('referrals.noGoals')}</p>
        )}
        {overview.responsible ? (
          <TextAreaField
            id="referral-health"
            label={`${t('referrals.healthNote')} ${t('common.optional')}`}
            hint={t('referrals.healthNoteHint')}
            rows={2}
            maxLength={4000}
            value={v.healthNote}
            onChange={form.set('healthNote')}
            error={form.err('healthNote')}
          />
        ) : null}
      </CaseFormFrame>
    </div>
  );
}
