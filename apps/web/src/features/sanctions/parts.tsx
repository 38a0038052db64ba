import { SERVICE_TYPE_LABELS_DE, type ServiceType } from '@lotse/domain';
import { t } from '../../i18n';
import type * as api from './api';
import { formatCents } from './format';

export interface Loaded {
  duties: api.SanctionDuty[];
  sanctions: api.Sanction[];
  hearingDays: number;
}

/** Reloads duties and sanctions; resolves with them, or null when that failed. */
export type Reload = () => Promise<Loaded | null>;

/** The reduction the rule gives, in words: which breach it is, the rate, the months and the monthly amount. */
export function ProposalText({ proposal }: { proposal: NonNullable<api.Sanction['proposal']> }) {
  if (proposal.fullStop)
    return <>{t('sanctions.proposalFullStop', { n: proposal.repetition, amount: formatCents(proposal.amountCents) })}</>;
  if (proposal.percent === 0) return <>{t('sanctions.proposalNone', { n: proposal.repetition })}</>;
  return (
    <>
      {t(proposal.months === 1 ? 'sanctions.proposalOneMonth' : 'sanctions.proposalMonths', {
        n: proposal.repetition,
        percent: proposal.percent,
        months: proposal.months,
        amount: formatCents(proposal.amountCents),
      })}
    </>
  );
}

/** The warning while addiction or psychosocial care runs (the seeds advise against sanctions then). */
export function CareWarning({ services }: { services: string[] }) {
  const names = services.map((s) => SERVICE_TYPE_LABELS_DE[s as ServiceType] ?? s).join(', ');
  return (
    <div className="banner banner--warning" role="note">
      <p className="banner__title">{t('sanctions.careWarningTitle')}</p>
      <p>{names ? t('sanctions.careWarningServices', { services: names }) : t('sanctions.careWarningGeneric')}</p>
    </div>
  );
}
