import type { ServiceType } from '@lotse/domain';
import type { CaseFileContext } from '../cases/caseFileContext';
import type { BarrierProposalList, Consent, Referral } from './api';

/** The offer chosen in the search for a new referral ("Zuweisen…"). */
export interface ChosenOffer {
  offerId: string;
  offerName: string;
  serviceType: ServiceType;
  providerId: string;
  providerName: string;
}

/** What the consent form starts with: the provider of the chosen offer, if any. */
export interface ConsentPrefill {
  providerId: string | null;
  offerName: string | null;
  /** Where focus goes after saving or cancelling (the control that opened the form). */
  returnFocusId: string | null;
}

/** What the sections of the "Zuweisungen" tab share. */
export interface ReferralsTabState {
  context: CaseFileContext;
  /** The viewer may change consents, referrals and proposals (responsible case manager, case not closed). */
  canEdit: boolean;
  consents: Consent[] | null;
  reloadConsents: () => Promise<Consent[] | null>;
  referrals: Referral[] | null;
  reloadReferrals: () => Promise<Referral[] | null>;
  proposals: BarrierProposalList | null;
  reloadProposals: () => Promise<BarrierProposalList | null>;
  chosen: ChosenOffer | null;
  choose: (offer: ChosenOffer | null) => void;
  consentPrefill: ConsentPrefill | null;
  openConsentForm: (prefill: ConsentPrefill | null) => void;
  /** German label of a barrier type id (arising needs in feedback). */
  barrierTypeLabel: (id: string) => string | undefined;
}

/** Valid consents of the case for a provider, newest first. */
export function validConsentsFor(consents: readonly Consent[] | null, providerId: string): Consent[] {
  return (consents ?? []).filter((c) => c.provider.id === providerId && c.state === 'valid');
}

export const OPEN_REFERRAL_STATUSES = ['draft', 'sent', 'accepted', 'started', 'self_referred'] as const;
