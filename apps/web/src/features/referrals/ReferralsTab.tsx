import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import * as caseApi from '../../api/endpoints';
import { t } from '../../i18n';
import { TAB_HEADING_ID, useCaseFile, useDraftState } from '../cases/caseFileContext';
import * as api from './api';
import { ConsentsSection } from './ConsentsSection';
import { OfferSearchSection } from './OfferSearchSection';
import { ProposalsSection } from './ProposalsSection';
import { ReferralsSection } from './ReferralsSection';
import { SECTION_IDS } from './sectionIds';
import type { ChosenOffer, ConsentPrefill, ReferralsTabState } from './tabState';
import { UNMET_SECTION_ID, UnmetNeedsSection, useUnmetNeeds } from './UnmetNeedsSection';
import { useRemote } from './useRemote';

/**
 * Zuweisungen (SPEC C7, C8): find an offer near the person (or record the unmet need when none fits,
 * SPEC C12), record the consent to share data with its provider, refer and follow the provider's
 * feedback, and decide on the needs the provider reported.
 */
export function ReferralsTab() {
  const context = useCaseFile();
  const { overview, can, drafts } = context;
  const caseId = overview.id;
  const canEdit = can.work;

  const consents = useRemote(useCallback((signal?: AbortSignal) => api.listConsents(caseId, signal), [caseId]));
  const referrals = useRemote(useCallback((signal?: AbortSignal) => api.listReferrals(caseId, signal), [caseId]));
  const proposals = useRemote(useCallback((signal?: AbortSignal) => api.listBarrierProposals(caseId, signal), [caseId]));
  const unmetNeeds = useUnmetNeeds(caseId);

  // Open forms and their typed input survive tab switches (draft store of the case file). The chosen offer
  // and the consent form's prefill are kept apart from the open flags, so choosing another offer keeps
  // what was typed into the open form.
  const [referralOpen, setReferralOpen] = useDraftState(drafts, 'referral-new', false);
  const [chosenState, setChosenState] = useState<ChosenOffer | null>(
    () => (drafts.get('referral-offer') as ChosenOffer | undefined) ?? null,
  );
  const chosen = referralOpen ? chosenState : null;
  const choose = useCallback(
    (offer: ChosenOffer | null) => {
      if (offer) drafts.set('referral-offer', offer);
      else drafts.delete('referral-offer');
      setChosenState(offer);
      setReferralOpen(offer !== null);
    },
    [drafts, setReferralOpen],
  );
  const [consentOpen, setConsentOpen] = useDraftState(drafts, 'consent-new', false);
  const [prefillState, setPrefillState] = useState<ConsentPrefill | null>(
    () => (drafts.get('consent-prefill') as ConsentPrefill | undefined) ?? null,
  );
  const consentPrefill = useMemo(
    () => (consentOpen ? (prefillState ?? { providerId: null, offerName: null, returnFocusId: null }) : null),
    [consentOpen, prefillState],
  );
  const openConsentForm = useCallback(
    (prefill: ConsentPrefill | null) => {
      if (prefill) drafts.set('consent-prefill', prefill);
      else drafts.delete('consent-prefill');
      setPrefillState(prefill);
      setConsentOpen(prefill !== null);
    },
    [drafts, setConsentOpen],
  );

  // Barrier type labels for arising needs in the feedback: only loaded when some feedback names one.
  const needsCatalogue = (referrals.data ?? []).some((r) => r.feedback.some((f) => Array.isArray(f.fields.arisingNeeds)));
  const [catalogue, setCatalogue] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    if (!needsCatalogue || catalogue) return;
    const controller = new AbortController();
    caseApi
      .listBarrierTypes(controller.signal)
      .then((list) => setCatalogue(new Map(list.items.map((b) => [b.id, b.label]))))
      .catch(() => {});
    return () => controller.abort();
  }, [needsCatalogue, catalogue]);

  const barrierTypeLabel = useCallback(
    (id: string) =>
      catalogue?.get(id) ??
      overview.barriers.find((b) => b.barrierType.id === id)?.barrierType.label ??
      proposals.data?.items.find((p) => p.barrierType.id === id)?.barrierType.label,
    [catalogue, overview.barriers, proposals.data],
  );

  const state: ReferralsTabState = useMemo(
    () => ({
      context,
      canEdit,
      consents: consents.data,
      reloadConsents: () => consents.load(),
      referrals: referrals.data,
      reloadReferrals: () => referrals.load(),
      proposals: proposals.data,
      reloadProposals: () => proposals.load(),
      chosen,
      choose,
      consentPrefill,
      openConsentForm,
      barrierTypeLabel,
    }),
    [context, canEdit, consents, referrals, proposals, chosen, choose, consentPrefill, openConsentForm, barrierTypeLabel],
  );

  const openReferrals = (referrals.data ?? []).filter((r) =>
    ['draft', 'sent', 'accepted', 'started', 'self_referred'].includes(r.status),
  ).length;
  const openProposals = (proposals.data?.items ?? []).filter((p) => p.status === 'proposed').length;
  const validConsents = (consents.data ?? []).filter((c) => c.state === 'valid').length;
  const openUnmetNeeds = (unmetNeeds.needs ?? []).filter((n) => n.resolvedOn === null).length;

  return (
    <>
      <h2 id={TAB_HEADING_ID} tabIndex={-1}>
        {t('caseFile.tab.referrals')}
      </h2>
      <p>{t('referrals.intro')}</p>
      {!canEdit ? (
        <p className="muted">
          {overview.responsible ? t('referrals.readOnlyClosed') : t('referrals.readOnly', { name: overview.caseManager.displayName })}
        </p>
      ) : null}
      <nav aria-label={t('referrals.jumpLabel')} className="ref-jump">
        <ul className="ref-jump__list">
          <li>
            <JumpLink to={SECTION_IDS.search}>{t('referrals.searchTitle')}</JumpLink>
          </li>
          <li>
            <JumpLink to={UNMET_SECTION_ID}>
              {t('organisation.unmetListTitle')} {unmetNeeds.needs ? t('organisation.unmetJump', { count: openUnmetNeeds }) : ''}
            </JumpLink>
          </li>
          <li>
            <JumpLink to={SECTION_IDS.consents}>
              {t('referrals.consentsTitle')} {consents.data ? t('referrals.jumpValid', { count: validConsents }) : ''}
            </JumpLink>
          </li>
          <li>
            <JumpLink to={SECTION_IDS.referrals}>
              {t('referrals.listTitle')} {referrals.data ? t('referrals.jumpOpen', { count: openReferrals }) : ''}
            </JumpLink>
          </li>
          <li>
            <JumpLink to={SECTION_IDS.proposals}>
              {t('referrals.proposalsTitle')} {proposals.data ? t('referrals.jumpUndecided', { count: openProposals }) : ''}
            </JumpLink>
          </li>
        </ul>
      </nav>
      <OfferSearchSection tab={state} unmet={unmetNeeds} />
      <UnmetNeedsSection tab={state} unmet={unmetNeeds} />
      <ConsentsSection tab={state} error={consents.error} />
      <ReferralsSection tab={state} error={referrals.error} />
      <ProposalsSection tab={state} error={proposals.error} />
    </>
  );
}

/** An in-page link that moves the focus to the section's heading (not only the scroll position). */
function JumpLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <a
      href={`#${to}`}
      onClick={(e) => {
        e.preventDefault();
        const el = document.getElementById(to);
        el?.focus();
        el?.scrollIntoView({ block: 'start' });
      }}
    >
      {children}
    </a>
  );
}
