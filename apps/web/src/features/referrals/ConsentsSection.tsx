import {
  CONSENT_CATEGORIES,
  CONSENT_CATEGORY_LABELS_DE,
  CONSENT_COUNSELLING_LABELS_DE,
  CONSENT_COUNSELLING_POINTS,
  CONSENT_FORM_LABELS_DE,
  CONSENT_FORMS,
  CONSENT_STATE_LABELS_DE,
  type ConsentCategory,
  type ConsentCounsellingPoint,
  type ConsentForm,
  type ConsentState,
} from '@lotse/domain';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/client';
import { etagFromVersion } from '../../api/client';
import { Badge } from '../../components/Badge';
import { SelectField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useDraftState } from '../cases/caseFileContext';
import {
  CaseFormFrame,
  Checks,
  DateField,
  type FieldProblem,
  focusWhenReady,
  orNull,
  problemsOf,
  TextAreaField,
  todayGerman,
  useCaseForm,
} from '../cases/caseFormKit';
import * as api from './api';
import { CheckboxList } from './fields';
import { categoryLabels, validityText } from './referralFormat';
import { SECTION_IDS } from './sectionIds';
import type { ConsentPrefill, ReferralsTabState } from './tabState';
import { useRemote } from './useRemote';

const STATE_TONE: Record<ConsentState, 'success' | 'info' | 'neutral' | 'danger'> = {
  valid: 'success',
  not_yet_valid: 'info',
  expired: 'neutral',
  revoked: 'danger',
};

export function ConsentStateBadge({ state }: { state: ConsentState }) {
  return <Badge tone={STATE_TONE[state]}>{CONSENT_STATE_LABELS_DE[state]}</Badge>;
}

/** Server field paths like `categories.0` belong to the top-level field. */
export const topLevelProblems = (error: ApiError): FieldProblem[] =>
  problemsOf(error).map((p) => ({ ...p, field: p.field.split(/[.[]/)[0] ?? '' }));

/** "Einwilligungen (Schweigepflichtentbindung)": the consents of the case, recording and revoking them. */
export function ConsentsSection({ tab, error }: { tab: ReferralsTabState; error: ApiError | null }) {
  const { consents, canEdit, consentPrefill, context } = tab;
  const [revoking, setRevoking] = useDraftState<string | null>(context.drafts, 'consent-revoke', null);
  const [saved, setSaved] = useState<api.Consent | null>(null);
  const revokingConsent = consents?.find((c) => c.id === revoking) ?? null;

  return (
    <section className="case-section ref-section" aria-labelledby={SECTION_IDS.consents}>
      <div className="section-header">
        <h3 id={SECTION_IDS.consents} tabIndex={-1}>
          {t('referrals.consentsTitle')}
        </h3>
        {canEdit && !consentPrefill ? (
          <button
            type="button"
            id="consent-add-toggle"
            className="button button--secondary"
            onClick={() => {
              setSaved(null);
              tab.openConsentForm({
                providerId: tab.chosen?.providerId ?? null,
                offerName: tab.chosen?.offerName ?? null,
                returnFocusId: null,
              });
              focusWhenReady('consent-form-heading');
            }}
          >
            {t('referrals.consentAdd')}
          </button>
        ) : null}
      </div>
      <p className="field-hint">{t('referrals.consentsIntro')}</p>
      {saved ? (
        <div className="banner banner--success" role="status" id="consent-saved" tabIndex={-1}>
          <p>{t('referrals.consentSaved', { provider: saved.provider.name })}</p>
          <p>
            <a href={api.consentPdfUrl(saved.id)} download>
              {t('referrals.consentPdf')}
              <span className="visually-hidden"> {t('referrals.consentPdfHidden', { provider: saved.provider.name })}</span>
            </a>
          </p>
        </div>
      ) : null}
      {canEdit && consentPrefill ? (
        <ConsentFormCard
          tab={tab}
          prefill={consentPrefill}
          onClose={(consent) => {
            const returnTo = consentPrefill.returnFocusId;
            tab.openConsentForm(null);
            if (consent) {
              setSaved(consent);
              focusWhenReady(returnTo ?? 'consent-saved');
            } else focusWhenReady(returnTo ?? 'consent-add-toggle');
          }}
        />
      ) : null}
      <ProblemAlert error={error} onRetry={() => void tab.reloadConsents()} />
      {!consents && !error ? <p className="muted">{t('referrals.loading')}</p> : null}
      {consents && consents.length === 0 ? <p className="muted">{t('referrals.noConsents')}</p> : null}
      {consents && consents.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('referrals.consentsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.colProvider')}</th>
                <th scope="col">{t('referrals.consentCategories')}</th>
                <th scope="col">{t('referrals.consentPurpose')}</th>
                <th scope="col">{t('referrals.consentValidity')}</th>
                <th scope="col">{t('referrals.consentState')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('referrals.colAction')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {consents.map((c) => (
                <tr key={c.id}>
                  <th scope="row" id={`consent-${c.id}`} tabIndex={-1}>
                    {c.provider.name}
                  </th>
                  <td>
                    <ul className="plain-list">
                      {CONSENT_CATEGORIES.filter((cat) => c.categories.includes(cat)).map((cat) => (
                        <li key={cat}>
                          {CONSENT_CATEGORY_LABELS_DE[cat]}
                          {cat === 'health' ? <span className="muted"> {t('referrals.specialCategoryShort')}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="pre-line">{c.purpose}</td>
                  <td>
                    {validityText(c)}
                    <br />
                    <span className="muted">
                      {t('referrals.consentFormGiven', { form: CONSENT_FORM_LABELS_DE[c.form], by: c.recordedBy.displayName })}
                    </span>
                  </td>
                  <td>
                    <ConsentStateBadge state={c.state} />
                    {c.revokedOn ? (
                      <p className="muted ref-small">
                        {t('referrals.revokedOnBy', { date: formatDate(c.revokedOn), name: c.revokedBy?.displayName ?? '' })}
                        {c.revocationNote ? <span className="pre-line">: {c.revocationNote}</span> : null}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <div className="ref-actions">
                      <a href={api.consentPdfUrl(c.id)} download>
                        {t('referrals.consentPdf')}
                        <span className="visually-hidden"> {t('referrals.consentPdfHidden', { provider: c.provider.name })}</span>
                      </a>
                      {canEdit && c.revokedOn === null ? (
                        <button
                          type="button"
                          id={`consent-revoke-${c.id}`}
                          className="button button--secondary button--small"
                          aria-expanded={revoking === c.id}
                          onClick={() => {
                            setRevoking(revoking === c.id ? null : c.id);
                            if (revoking !== c.id) focusWhenReady('consent-revoke-heading');
                          }}
                        >
                          {t('referrals.revoke')}
                          <span className="visually-hidden"> {t('referrals.revokeHidden', { provider: c.provider.name })}</span>
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canEdit && revokingConsent && revokingConsent.revokedOn === null ? (
        <RevokeForm
          tab={tab}
          consent={revokingConsent}
          onClose={(done) => {
            setRevoking(null);
            focusWhenReady(done ? `consent-${revokingConsent.id}` : `consent-revoke-${revokingConsent.id}`);
          }}
        />
      ) : null}
    </section>
  );
}

interface ConsentValues {
  providerId: string;
  categories: ConsentCategory[];
  purpose: string;
  form: ConsentForm;
  givenOn: string;
  validUntil: string;
  counselled: ConsentCounsellingPoint[];
}

function ConsentFormCard({
  tab,
  prefill,
  onClose,
}: {
  tab: ReferralsTabState;
  prefill: ConsentPrefill;
  onClose: (saved: api.Consent | null) => void;
}) {
  const { context } = tab;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const providers = useRemote(api.listProviders);
  const form = useCaseForm<ConsentValues>(
    () => ({
      providerId: prefill.providerId ?? '',
      categories: [],
      purpose: prefill.offerName ? t('referrals.purposeDefault', { offer: prefill.offerName }) : '',
      form: 'written',
      givenOn: todayGerman(),
      validUntil: '',
      counselled: [],
    }),
    { draft: { store: context.drafts, key: 'consent-new' } },
  );

  // Opened again for another provider while open: take the new provider, keep everything else typed.
  const lastPrefill = useRef(prefill.providerId);
  useEffect(() => {
    if (prefill.providerId && prefill.providerId !== lastPrefill.current) {
      lastPrefill.current = prefill.providerId;
      form.setValues((v) => ({ ...v, providerId: prefill.providerId ?? v.providerId }));
    }
  }, [prefill.providerId, form.setValues]);

  const providerOptions = (providers.data?.items ?? []).filter((p) => p.active || p.id === form.values.providerId);
  const providerName = providerOptions.find((p) => p.id === form.values.providerId)?.name ?? tab.chosen?.providerName ?? '';
  let givenOn = '';
  let validUntil: string | null = null;

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        const v = form.values;
        if (!v.providerId) c.add('providerId', t('referrals.providerRequired'));
        if (v.categories.length === 0) c.add('categories', t('referrals.categoriesRequired'));
        c.required('purpose', v.purpose);
        c.maxLength('purpose', v.purpose, 1000);
        givenOn = c.date('givenOn', v.givenOn, true) ?? '';
        if (givenOn && givenOn > todayIso()) c.add('givenOn', t('validation.dateFuture'));
        validUntil = c.date('validUntil', v.validUntil, false);
        if (validUntil && givenOn && validUntil < givenOn) c.add('validUntil', t('referrals.validUntilBeforeGiven'));
        const missing = CONSENT_COUNSELLING_POINTS.filter((p) => !v.counselled.includes(p));
        if (missing.length > 0) {
          c.add('counselled', t('referrals.counselledMissing', { list: missing.map((p) => CONSENT_COUNSELLING_LABELS_DE[p]).join('; ') }));
        }
        return c.problems;
      },
      async () => {
        const body: api.CreateConsentBody = {
          providerId: form.values.providerId,
          categories: form.values.categories,
          purpose: form.values.purpose.trim(),
          form: form.values.form,
          givenOn,
          validUntil,
          counselled: form.values.counselled,
        };
        const res = await api.createConsent(context.overview.id, body, idempotencyKey(body));
        await tab.reloadConsents();
        announce(t('referrals.consentSaved', { provider: res.data.provider.name }));
        onClose(res.data);
      },
      { mapError: topLevelProblems },
    );

  return (
    <div className="card ref-form">
      <h4 id="consent-form-heading" tabIndex={-1}>
        {providerName ? t('referrals.consentFormTitleFor', { provider: providerName }) : t('referrals.consentAdd')}
      </h4>
      <CaseFormFrame
        form={form}
        fields={{
          providerId: { id: 'consent-provider', label: t('referrals.consentProvider') },
          categories: { id: 'consent-categories', label: t('referrals.consentCategories') },
          purpose: { id: 'consent-purpose', label: t('referrals.consentPurpose') },
          form: { id: 'consent-form', label: t('referrals.consentForm') },
          givenOn: { id: 'consent-given', label: t('referrals.consentGivenOn') },
          validUntil: { id: 'consent-valid-until', label: t('referrals.consentValidUntil') },
          counselled: { id: 'consent-counselled', label: t('referrals.counselledLegend') },
        }}
        onSubmit={save}
        submitLabel={t('referrals.consentSubmit')}
        onCancel={() => onClose(null)}
        labelledBy="consent-form-heading"
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <SelectField
          id="consent-provider"
          label={t('referrals.consentProvider')}
          required
          width="long"
          hint={providers.error ? t('referrals.providersFailed') : undefined}
          value={form.values.providerId}
          onChange={form.set('providerId')}
          error={form.err('providerId')}
          options={[
            { value: '', label: providers.data ? t('form.choose') : t('referrals.loadingShort') },
            ...providerOptions.map((p) => ({ value: p.id, label: p.name })),
            ...(form.values.providerId && !providerOptions.some((p) => p.id === form.values.providerId) && tab.chosen
              ? [{ value: tab.chosen.providerId, label: tab.chosen.providerName }]
              : []),
          ]}
        />
        <CheckboxList
          id="consent-categories"
          legend={t('referrals.consentCategories')}
          required
          hint={t('referrals.consentCategoriesHint')}
          options={CONSENT_CATEGORIES.map((c) => ({
            value: c,
            label: CONSENT_CATEGORY_LABELS_DE[c],
            hint: c === 'health' ? t('referrals.specialCategoryHint') : undefined,
          }))}
          values={form.values.categories}
          onChange={form.set('categories')}
          error={form.err('categories')}
        />
        <TextAreaField
          id="consent-purpose"
          label={t('referrals.consentPurpose')}
          hint={t('referrals.consentPurposeHint')}
          required
          rows={2}
          maxLength={1000}
          value={form.values.purpose}
          onChange={form.set('purpose')}
          error={form.err('purpose')}
        />
        <div className="field-row">
          <SelectField
            id="consent-form"
            label={t('referrals.consentForm')}
            required
            value={form.values.form}
            onChange={(v) => form.set('form')(v as ConsentForm)}
            error={form.err('form')}
            options={CONSENT_FORMS.map((f) => ({ value: f, label: CONSENT_FORM_LABELS_DE[f] }))}
          />
          <DateField
            id="consent-given"
            label={t('referrals.consentGivenOn')}
            required
            value={form.values.givenOn}
            onChange={form.set('givenOn')}
            error={form.err('givenOn')}
          />
          <DateField
            id="consent-valid-until"
            label={`${t('referrals.consentValidUntil')} ${t('common.optional')}`}
            hint={t('referrals.consentValidUntilHint')}
            value={form.values.validUntil}
            onChange={form.set('validUntil')}
            error={form.err('validUntil')}
          />
        </div>
        <CheckboxList
          id="consent-counselled"
          legend={t('referrals.counselledLegend')}
          required
          hint={t('referrals.counselledHint')}
          options={CONSENT_COUNSELLING_POINTS.map((p) => ({ value: p, label: CONSENT_COUNSELLING_LABELS_DE[p] }))}
          values={form.values.counselled}
          onChange={form.set('counselled')}
          error={form.err('counselled')}
        />
        <p className="field-hint">{t('referrals.consentPdfAfter')}</p>
      </CaseFormFrame>
    </div>
  );
}

function RevokeForm({ tab, consent, onClose }: { tab: ReferralsTabState; consent: api.Consent; onClose: (done: boolean) => void }) {
  const announce = useAnnounce();
  const form = useCaseForm({ revokedOn: todayGerman(), note: '' }, { draft: { store: tab.context.drafts, key: 'consent-revoke' } });
  let revokedOn = '';

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        revokedOn = c.date('revokedOn', form.values.revokedOn, true) ?? '';
        if (revokedOn && revokedOn > todayIso()) c.add('revokedOn', t('validation.dateFuture'));
        if (revokedOn && revokedOn < consent.givenOn)
          c.add('revokedOn', t('referrals.revokedBeforeGiven', { date: formatDate(consent.givenOn) }));
        c.maxLength('note', form.values.note, 1000);
        return c.problems;
      },
      async () => {
        await api.revokeConsent(consent.id, etagFromVersion(consent.version), { revokedOn, note: orNull(form.values.note) });
        await Promise.all([tab.reloadConsents(), tab.reloadReferrals()]);
        announce(t('referrals.revoked', { provider: consent.provider.name }));
        onClose(true);
      },
      {
        onConflict: () => tab.reloadConsents(),
        mapError: (e) => {
          if (e.code === 'CONSENT_ALREADY_REVOKED') void tab.reloadConsents();
          return topLevelProblems(e);
        },
      },
    );

  return (
    <div className="card ref-form ref-form--warning">
      <h4 id="consent-revoke-heading" tabIndex={-1}>
        {t('referrals.revokeTitle', { provider: consent.provider.name })}
      </h4>
      <p>{t('referrals.revokeEffect', { provider: consent.provider.name })}</p>
      <p className="muted">
        {t('referrals.revokeWhich', { categories: categoryLabels(consent.categories).join(', '), validity: validityText(consent) })}
      </p>
      <CaseFormFrame
        form={form}
        fields={{
          revokedOn: { id: 'consent-revoked-on', label: t('referrals.revokedOn') },
          note: { id: 'consent-revoke-note', label: t('referrals.revokeNote') },
        }}
        onSubmit={save}
        submitLabel={t('referrals.revokeSubmit')}
        onCancel={() => onClose(false)}
        labelledBy="consent-revoke-heading"
        conflictText={t('referrals.conflictConsent')}
        onConflictReload={() => form.reset({ revokedOn: todayGerman(), note: '' })}
      >
        <DateField
          id="consent-revoked-on"
          label={t('referrals.revokedOn')}
          required
          value={form.values.revokedOn}
          onChange={form.set('revokedOn')}
          error={form.err('revokedOn')}
        />
        <TextAreaField
          id="consent-revoke-note"
          label={`${t('referrals.revokeNote')} ${t('common.optional')}`}
          rows={2}
          maxLength={1000}
          value={form.values.note}
          onChange={form.set('note')}
          error={form.err('note')}
        />
      </CaseFormFrame>
    </div>
  );
}
