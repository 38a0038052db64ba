import type { CooperationAgreement, Offer } from '@lotse/contracts';
import {
  CAPACITY_PERIOD_LABELS_DE,
  CAPACITY_UNIT_LABELS_DE,
  FINANCING_MODEL_LABELS_DE,
  MEASURE_BEGIN_RULE_LABELS_DE,
  OFFER_TARGET_GROUP_LABELS_DE,
  OFFER_TARGET_GROUPS,
} from '@lotse/domain';
import { Badge } from '../../components/Badge';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { formatEuro } from './kit';

/** "3 von 10 Plätze pro Monat frei" or "keine Angabe". */
export function capacityText(o: Pick<Offer, 'capacity' | 'freeCapacity' | 'capacityUnit' | 'capacityPeriod'>): string {
  if (o.capacity === null) return t('cooperation.capacityNone');
  return t('cooperation.capacityFree', {
    free: o.freeCapacity ?? o.capacity,
    capacity: o.capacity,
    unit: CAPACITY_UNIT_LABELS_DE[o.capacityUnit],
    period: CAPACITY_PERIOD_LABELS_DE[o.capacityPeriod],
  });
}

/** "10 Plätze pro Monat". */
export function capacityTotalText(o: Pick<Offer, 'capacity' | 'capacityUnit' | 'capacityPeriod'>): string {
  if (o.capacity === null) return t('cooperation.capacityNone');
  return `${o.capacity} ${CAPACITY_UNIT_LABELS_DE[o.capacityUnit]} ${CAPACITY_PERIOD_LABELS_DE[o.capacityPeriod]}`;
}

export function waitingText(days: number | null): string {
  if (days === null) return t('cooperation.waitingNone');
  return days === 1 ? t('cooperation.waitingOne') : t('cooperation.waitingDays', { days });
}

/** "45,00 € je Fachleistungsstunde". */
export function priceText(o: Pick<Offer, 'priceCents' | 'priceUnit'>): string {
  if (o.priceCents === null) return t('cooperation.priceNone');
  return o.priceUnit ? t('cooperation.pricePer', { price: formatEuro(o.priceCents), unit: o.priceUnit }) : formatEuro(o.priceCents);
}

export const financingText = (o: Pick<Offer, 'financingModel'>): string => FINANCING_MODEL_LABELS_DE[o.financingModel];

export const measureBeginText = (o: Pick<Offer, 'measureBeginRule'>): string => MEASURE_BEGIN_RULE_LABELS_DE[o.measureBeginRule];

export function plannedDurationText(o: Pick<Offer, 'plannedDurationDays'>): string {
  if (o.plannedDurationDays === null) return t('cooperation.plannedDurationNone');
  return o.plannedDurationDays === 1
    ? t('cooperation.plannedDurationOne')
    : t('cooperation.plannedDurationValue', { days: o.plannedDurationDays });
}

export function targetGroupList(groups: readonly string[]) {
  const known = OFFER_TARGET_GROUPS.filter((g) => groups.includes(g));
  return (
    <ul className="plain-list">
      {known.map((g) => (
        <li key={g}>{OFFER_TARGET_GROUP_LABELS_DE[g]}</li>
      ))}
    </ul>
  );
}

export type AgreementState = 'valid' | 'future' | 'expired';

export function agreementState(a: Pick<CooperationAgreement, 'validFrom' | 'validUntil'>, today: string): AgreementState {
  if (a.validFrom > today) return 'future';
  if (a.validUntil !== null && a.validUntil < today) return 'expired';
  return 'valid';
}

export function AgreementStateBadge({
  agreement,
  today,
}: {
  agreement: Pick<CooperationAgreement, 'validFrom' | 'validUntil'>;
  today: string;
}) {
  const state = agreementState(agreement, today);
  if (state === 'valid') return <Badge tone="success">{t('cooperation.agreementValid')}</Badge>;
  if (state === 'future') return <Badge tone="info">{t('cooperation.agreementFuture')}</Badge>;
  return <Badge tone="neutral">{t('cooperation.agreementExpired')}</Badge>;
}

/** "01.01.2026 – 31.12.2027" or "ab 01.01.2026". */
export function validityText(a: Pick<CooperationAgreement, 'validFrom' | 'validUntil'>): string {
  return a.validUntil
    ? t('cooperation.validFromUntil', { from: formatDate(a.validFrom), until: formatDate(a.validUntil) })
    : t('cooperation.validFromOpen', { from: formatDate(a.validFrom) });
}

/** The three feedback deadlines as a short list. */
export function DeadlineList({ d }: { d: { answerDays: number; startDays: number; interimReportDays: number } }) {
  return (
    <ul className="plain-list">
      <li>{t('cooperation.deadlineAnswer', { days: d.answerDays })}</li>
      <li>{t('cooperation.deadlineStart', { days: d.startDays })}</li>
      <li>{t('cooperation.deadlineReport', { days: d.interimReportDays })}</li>
    </ul>
  );
}
