import { DUTY_FORM_LABELS_DE, type DutyForm, type SanctionStage } from '@lotse/domain';
import { t } from '../../i18n';

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** Cents → "168,90 €". */
export function formatCents(cents: number): string {
  return euro.format(cents / 100);
}

/** "30 % für 3 Monate" (or "keine Minderung" for a 0 % stage). */
export function stageText(stage: SanctionStage): string {
  if (stage.percent === 0) return t('sanctions.stageNone');
  return stage.months === 1
    ? t('sanctions.stageOneMonth', { percent: stage.percent })
    : t('sanctions.stageMonths', { percent: stage.percent, months: stage.months });
}

/** Stages in order: "1.: 10 % für 1 Monat; 2.: 20 % für 2 Monate; ab 3.: 30 % für 3 Monate". */
export function stagesText(stages: readonly SanctionStage[]): string {
  return stages
    .map((s, i) =>
      i === stages.length - 1 && stages.length > 1
        ? t('sanctions.stageFrom', { n: i + 1, text: stageText(s) })
        : stages.length === 1
          ? t('sanctions.stageEach', { text: stageText(s) })
          : t('sanctions.stageNth', { n: i + 1, text: stageText(s) }),
    )
    .join('; ');
}

/** Short names of the forms for narrow table cells. */
const SHORT_FORM_LABELS: Record<DutyForm, string> = {
  egv: DUTY_FORM_LABELS_DE.egv,
  verwaltungsakt: 'Verwaltungsakt',
  request_with_notice: 'Aufforderung mit Rechtsfolgenbelehrung',
  appointment_invitation: 'Einladung mit Rechtsfolgenbelehrung',
};

export function formsText(forms: readonly DutyForm[]): string {
  return forms.length === 0 ? t('sanctions.formsNone') : forms.map((f) => SHORT_FORM_LABELS[f]).join(', ');
}
