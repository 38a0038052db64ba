import {
  CONSENT_CATEGORIES,
  CONSENT_CATEGORY_LABELS_DE,
  REFERRAL_ACTION_LABELS_DE,
  REFERRAL_STATUS_LABELS_DE,
  SERVICE_TYPE_LABELS_DE,
} from '@lotse/domain';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type ApiResponse, etagOf, toApiError } from '../../api/client';
import { Badge } from '../../components/Badge';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate, fullName, languageName } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { createDraftStore, useDraftState } from '../cases/caseFileContext';
import { focusWhenReady } from '../cases/caseFormKit';
import { FeedbackList, HistoryTable } from '../referrals/FeedbackView';
import { addressLine, categoryLabels, overdueText } from '../referrals/referralFormat';
import { useRemote } from '../referrals/useRemote';
import * as api from './api';
import { consentStateLabel, consentTone } from './PortalListPage';
import { ActionForm, FeedbackForm, type FeedbackKindChoice, type PortalPage, type StepAction } from './portalForms';

interface Loaded {
  referral: api.PortalReferral;
  etag: string;
}

const FEEDBACK_CHOICES: FeedbackKindChoice[] = ['appointment', 'interim_report', 'final_report'];
/** Statuses in which the provider reports on the help (the server has the last word). */
const FEEDBACK_STATUSES: readonly string[] = ['accepted', 'started', 'completed', 'dropped_out', 'not_started'];

/** One referral in the provider portal: what the Jobcenter shares, the consent, the steps and the feedback. */
export function PortalReferralPage() {
  const { id = '' } = useParams();
  const announce = useAnnounce();
  // Typed input of the open forms survives switching between them (in memory, this page only).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new store for every referral
  const drafts = useMemo(() => createDraftStore(), [id]);
  const fetchLoaded = useCallback(
    async (signal?: AbortSignal): Promise<Loaded> => {
      const res = await api.getPortalReferral(id, signal);
      return { referral: res.data, etag: etagOf(res) };
    },
    [id],
  );
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchLoaded);
  const referral = loaded?.referral ?? null;
  const consentValid = referral?.consent.state === 'valid';
  const barrierTypes = useRemote(api.listPortalBarrierTypes, consentValid);
  const [step, setStep] = useDraftState<StepAction | null>(drafts, 'step', null);
  const [feedbackKind, setFeedbackKind] = useDraftState<FeedbackKindChoice | null>(drafts, 'feedback', null);
  const [acceptBusy, setAcceptBusy] = useState(false);
  const [acceptError, setAcceptError] = useState<ReturnType<typeof toApiError> | null>(null);

  usePageTitle(referral ? t('portal.detailTitle', { offer: referral.offer.name }) : t('portal.detailTitleShort'));

  const apply = useCallback(
    (res: ApiResponse<api.PortalReferral>) => {
      if (res.data && typeof res.data === 'object' && 'status' in res.data) setLoaded({ referral: res.data, etag: etagOf(res) });
      else void load();
    },
    [setLoaded, load],
  );

  if (!loaded || !referral) {
    return (
      <>
        <PageHeader title={t('portal.detailTitleShort')} />
        {loadError ? (
          <>
            <ProblemAlert error={loadError} onRetry={loadError.status === 404 ? undefined : () => void load()} />
            <p>
              <Link to="/portal">{t('portal.backToList')}</Link>
            </p>
          </>
        ) : (
          <Loading text={t('portal.loadingOne')} />
        )}
      </>
    );
  }

  const page: PortalPage = {
    referral,
    etag: loaded.etag,
    apply,
    reload: () => load(),
    drafts,
    barrierTypes: barrierTypes.data,
  };
  const r = referral;
  const covered = CONSENT_CATEGORIES.filter((c) => r.consent.categories.includes(c));
  const notCovered = CONSENT_CATEGORIES.filter((c) => !r.consent.categories.includes(c));
  const barrierTypeLabel = (bt: string) => barrierTypes.data?.find((b) => b.id === bt)?.label;
  const stepActions = r.actions.filter((a) => a !== 'accept');

  const accept = async () => {
    if (acceptBusy) return;
    setAcceptBusy(true);
    setAcceptError(null);
    try {
      apply(await api.portalAction(r.id, loaded.etag, { action: 'accept' }));
      announce(t('portal.accepted'));
      focusWhenReady('portal-status-heading');
    } catch (e) {
      const err = toApiError(e);
      if (err.status === 412 || err.code === 'CONSENT_NOT_VALID' || err.code === 'REFERRAL_STEP_NOT_ALLOWED') void load();
      setAcceptError(err);
    } finally {
      setAcceptBusy(false);
    }
  };

  return (
    <>
      <p className="portal-back">
        <Link to="/portal">{t('portal.backToList')}</Link>
      </p>
      <PageHeader title={t('portal.detailTitle', { offer: r.offer.name })}>
        <p className="page-subtitle">
          {r.person ? fullName(r.person) : t('portal.noPersonData')} · {SERVICE_TYPE_LABELS_DE[r.offer.serviceType]}
        </p>
      </PageHeader>

      {!consentValid ? (
        <section className="banner banner--warning portal-consent-gone" aria-labelledby="portal-consent-gone-title">
          <h2 id="portal-consent-gone-title" className="banner__title">
            {t(`portal.gone.${r.consent.state === 'valid' ? 'missing' : r.consent.state}.title`)}
          </h2>
          <p>{t(`portal.gone.${r.consent.state === 'valid' ? 'missing' : r.consent.state}.text`)}</p>
          <p>{t('portal.goneHint')}</p>
        </section>
      ) : null}

      <section className="card" aria-labelledby="portal-status-heading">
        <h2 id="portal-status-heading" tabIndex={-1}>
          {t('portal.statusTitle')}
        </h2>
        <dl className="dl">
          <div className="dl-item">
            <dt>{t('portal.colStatus')}</dt>
            <dd>
              <strong>{REFERRAL_STATUS_LABELS_DE[r.status]}</strong>
              {r.overdue ? (
                <>
                  {' '}
                  <Badge tone="danger">{overdueText(r.overdue)}</Badge>{' '}
                  <span className="muted">{t('portal.dueOn', { date: formatDate(r.overdue.dueOn) })}</span>
                </>
              ) : null}
            </dd>
          </div>
          <div className="dl-item">
            <dt>{t('portal.colSent')}</dt>
            <dd>{formatDate(r.sentOn)}</dd>
          </div>
        </dl>
        {consentValid && r.actions.length > 0 ? (
          <>
            <h3>{t('portal.nextStep')}</h3>
            <div className="button-row">
              {r.actions.includes('accept') ? (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void accept()}
                  aria-disabled={acceptBusy || undefined}
                >
                  {REFERRAL_ACTION_LABELS_DE.accept}
                </button>
              ) : null}
              {stepActions.map((a) => (
                <button
                  key={a}
                  type="button"
                  id={`portal-step-${a}`}
                  className={`button ${a === 'decline' || a === 'not_start' || a === 'drop_out' ? 'button--secondary' : 'button--primary'}`}
                  aria-expanded={step === a}
                  onClick={() => {
                    setStep(step === a ? null : (a as StepAction));
                    if (step !== a) focusWhenReady(`portal-step-${a}-heading`);
                  }}
                >
                  {REFERRAL_ACTION_LABELS_DE[a]}…
                </button>
              ))}
            </div>
            {acceptError ? <ProblemAlert error={acceptError} /> : null}
          </>
        ) : consentValid ? (
          <p className="muted">{t('portal.noSteps')}</p>
        ) : null}
        {step ? (
          <ActionForm
            key={step}
            page={page}
            action={step}
            onClose={(done) => {
              setStep(null);
              focusWhenReady(done ? 'portal-status-heading' : `portal-step-${step}`);
            }}
          />
        ) : null}
      </section>

      {r.person ? (
        <section className="card" aria-labelledby="portal-person-heading">
          <h2 id="portal-person-heading">{t('portal.personTitle')}</h2>
          <dl className="dl">
            <div className="dl-item">
              <dt>{t('portal.personName')}</dt>
              <dd>{fullName(r.person)}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('portal.personPhone')}</dt>
              <dd>{r.person.phone ?? t('common.notSpecified')}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('portal.personEmail')}</dt>
              <dd>{r.person.email ?? t('common.notSpecified')}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('portal.personAddress')}</dt>
              <dd>{addressLine(r.person) || t('common.notSpecified')}</dd>
            </div>
            <div className="dl-item">
              <dt>{t('portal.personLanguage')}</dt>
              <dd>
                {r.person.preferredLanguage ? languageName(r.person.preferredLanguage) : t('common.notSpecified')}
                {r.person.interpreterNeeded ? (
                  <>
                    {' '}
                    <Badge tone="info">{t('portal.interpreterNeeded')}</Badge>
                  </>
                ) : null}
              </dd>
            </div>
          </dl>
        </section>
      ) : null}

      <section className="card" aria-labelledby="portal-consent-heading">
        <h2 id="portal-consent-heading">{t('portal.consentTitle')}</h2>
        <p>
          <Badge tone={consentTone(r.consent.state)}>{consentStateLabel(r.consent.state)}</Badge>
          {r.consent.validUntil ? (
            <span className="muted"> {t('portal.consentValidUntil', { date: formatDate(r.consent.validUntil) })}</span>
          ) : null}
        </p>
        {consentValid ? (
          <>
            <p>
              <strong>{t('portal.mayReport')}</strong>
            </p>
            <ul>
              {covered.map((c) => (
                <li key={c}>{CONSENT_CATEGORY_LABELS_DE[c]}</li>
              ))}
            </ul>
            {notCovered.length > 0 ? (
              <p>{t('portal.notCoveredList', { list: notCovered.map((c) => `„${CONSENT_CATEGORY_LABELS_DE[c]}“`).join(', ') })}</p>
            ) : null}
          </>
        ) : null}
      </section>

      {consentValid ? (
        <section className="card" aria-labelledby="portal-shared-heading">
          <h2 id="portal-shared-heading">{t('portal.sharedTitle')}</h2>
          {r.shared.referralNote || (r.shared.goals && r.shared.goals.length > 0) || r.shared.healthNote ? (
            <dl className="dl">
              {r.shared.referralNote ? (
                <div className="dl-item">
                  <dt>{t('portal.sharedNote')}</dt>
                  <dd className="pre-line">{r.shared.referralNote}</dd>
                </div>
              ) : null}
              {r.shared.goals && r.shared.goals.length > 0 ? (
                <div className="dl-item">
                  <dt>{t('portal.sharedGoals')}</dt>
                  <dd>
                    <ul className="plain-list">
                      {r.shared.goals.map((g) => (
                        <li key={g}>{g}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {r.shared.healthNote ? (
                <div className="dl-item">
                  <dt>{t('portal.sharedHealth')}</dt>
                  <dd className="pre-line">{r.shared.healthNote}</dd>
                </div>
              ) : null}
            </dl>
          ) : (
            <p className="muted">{t('portal.sharedNone')}</p>
          )}
          <p className="field-hint">{t('portal.sharedHint', { list: categoryLabels(r.consent.categories).join(', ') })}</p>
        </section>
      ) : null}

      {consentValid && FEEDBACK_STATUSES.includes(r.status) ? (
        <section className="card" aria-labelledby="portal-feedback-new-heading">
          <h2 id="portal-feedback-new-heading">{t('portal.feedbackNewTitle')}</h2>
          <p className="field-hint">{t('portal.feedbackNewIntro')}</p>
          <div className="button-row">
            {FEEDBACK_CHOICES.map((k) => (
              <button
                key={k}
                type="button"
                id={`portal-feedback-${k}`}
                className="button button--secondary"
                aria-expanded={feedbackKind === k}
                onClick={() => {
                  setFeedbackKind(feedbackKind === k ? null : k);
                  if (feedbackKind !== k) focusWhenReady(`portal-fb-${k}-heading`);
                }}
              >
                {t(`portal.feedbackChoice.${k}`)}
              </button>
            ))}
          </div>
          {feedbackKind ? (
            <FeedbackForm
              key={feedbackKind}
              page={page}
              kind={feedbackKind}
              onClose={(done) => {
                setFeedbackKind(null);
                focusWhenReady(done ? 'portal-feedback-heading' : `portal-feedback-${feedbackKind}`);
              }}
            />
          ) : null}
        </section>
      ) : feedbackKind ? (
        // The consent ended while a form was open: keep the typed input visible; sending is refused.
        <section className="card" aria-labelledby="portal-feedback-new-heading">
          <h2 id="portal-feedback-new-heading">{t('portal.feedbackNewTitle')}</h2>
          <FeedbackForm key={feedbackKind} page={page} kind={feedbackKind} onClose={() => setFeedbackKind(null)} />
        </section>
      ) : null}

      {consentValid ? (
        <section className="card" aria-labelledby="portal-feedback-heading">
          <h2 id="portal-feedback-heading" tabIndex={-1}>
            {t('portal.feedbackTitle', { count: r.feedback.length })}
          </h2>
          <FeedbackList entries={r.feedback} barrierTypeLabel={barrierTypeLabel} headingLevel={3} emptyText={t('portal.noFeedback')} />
        </section>
      ) : null}

      {consentValid ? (
        <section className="card" aria-labelledby="portal-history-heading">
          <h2 id="portal-history-heading">{t('portal.historyTitle')}</h2>
          <HistoryTable rows={r.history} caption={t('portal.historyTitle')} />
        </section>
      ) : null}
    </>
  );
}
