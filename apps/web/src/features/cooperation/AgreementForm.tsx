import {
  type CooperationAgreement,
  createCooperationAgreementRequest,
  type Provider,
  updateCooperationAgreementRequest,
} from '@lotse/contracts';
import { DEFAULT_FEEDBACK_DEADLINES } from '@lotse/domain';
import { TextAreaField, TextField } from '../../components/FormField';
import { t } from '../../i18n';
import { formatDate, parseGermanDate } from '../../lib/format';
import { DateField, type FieldProblem } from '../cases/caseFormKit';
import type { CreateAgreementBody, UpdateAgreementBody } from './api';
import {
  blankToNull,
  type FieldMap,
  type FormBinding,
  firstPerField,
  ProviderChoice,
  schemaProblems,
  textBinding,
  wholeInRange,
} from './kit';

export const AGREEMENT_TEXTS = ['feedbackProcedure', 'qualityStandards', 'reportingDuties', 'auditRights', 'notice'] as const;
type TextKey = (typeof AGREEMENT_TEXTS)[number];
/** The three feedback deadlines in days. */
const DEADLINES = ['answerDays', 'startDays', 'interimReportDays'] as const;

export interface AgreementValues {
  providerId: string;
  title: string;
  validFrom: string;
  validUntil: string;
  answerDays: string;
  startDays: string;
  interimReportDays: string;
  feedbackProcedure: string;
  qualityStandards: string;
  reportingDuties: string;
  auditRights: string;
  notice: string;
}

export const emptyAgreement = (providerId: string): AgreementValues => ({
  providerId,
  title: '',
  validFrom: '',
  validUntil: '',
  answerDays: String(DEFAULT_FEEDBACK_DEADLINES.answerDays),
  startDays: String(DEFAULT_FEEDBACK_DEADLINES.startDays),
  interimReportDays: String(DEFAULT_FEEDBACK_DEADLINES.interimReportDays),
  feedbackProcedure: '',
  qualityStandards: '',
  reportingDuties: '',
  auditRights: '',
  notice: '',
});

export const agreementValues = (a: CooperationAgreement): AgreementValues => ({
  providerId: a.provider.id,
  title: a.title,
  validFrom: formatDate(a.validFrom),
  validUntil: formatDate(a.validUntil),
  answerDays: String(a.answerDays),
  startDays: String(a.startDays),
  interimReportDays: String(a.interimReportDays),
  feedbackProcedure: a.feedbackProcedure ?? '',
  qualityStandards: a.qualityStandards ?? '',
  reportingDuties: a.reportingDuties ?? '',
  auditRights: a.auditRights ?? '',
  notice: a.notice ?? '',
});

export function agreementLabels(): Record<keyof AgreementValues, string> {
  return {
    providerId: t('cooperation.agreementProvider'),
    title: t('cooperation.agreementTitleField'),
    validFrom: t('cooperation.validFrom'),
    validUntil: t('cooperation.validUntil'),
    answerDays: t('cooperation.answerDays'),
    startDays: t('cooperation.startDays'),
    interimReportDays: t('cooperation.interimReportDays'),
    feedbackProcedure: t('cooperation.feedbackProcedure'),
    qualityStandards: t('cooperation.qualityStandards'),
    reportingDuties: t('cooperation.reportingDuties'),
    auditRights: t('cooperation.auditRights'),
    notice: t('cooperation.notice'),
  };
}

export function agreementFieldMap(mode: 'create' | 'edit'): FieldMap {
  const labels = agreementLabels();
  const map: FieldMap = {};
  for (const key of Object.keys(labels) as (keyof AgreementValues)[]) {
    if (key === 'providerId' && mode === 'edit') continue;
    map[key] = { id: `agreement-${key}`, label: labels[key] };
  }
  return map;
}

/** Client checks shared by create and edit: dates, the order of the dates, the three deadlines. */
function parsed(v: AgreementValues) {
  const problems: FieldProblem[] = [];
  const date = (field: 'validFrom' | 'validUntil', required: boolean): string | null | undefined => {
    const value = v[field].trim();
    if (value === '') {
      if (required) problems.push({ field, message: t('validation.required') });
      return null;
    }
    const iso = parseGermanDate(value);
    if (!iso) {
      problems.push({ field, message: t('validation.date') });
      return undefined;
    }
    return iso;
  };
  const validFrom = date('validFrom', true);
  const validUntil = date('validUntil', false);
  if (validFrom && validUntil && validUntil < validFrom)
    problems.push({ field: 'validUntil', message: t('cooperation.validUntilBeforeFrom') });
  const answerDays = wholeInRange(problems, 'answerDays', v.answerDays, { min: 1, max: 90, required: true });
  const startDays = wholeInRange(problems, 'startDays', v.startDays, { min: 1, max: 180, required: true });
  const interimReportDays = wholeInRange(problems, 'interimReportDays', v.interimReportDays, { min: 7, max: 365, required: true });
  return { problems, validFrom, validUntil, answerDays, startDays, interimReportDays };
}

export function agreementCreateBody(v: AgreementValues): { body: CreateAgreementBody; problems: FieldProblem[] } {
  const p = parsed(v);
  const problems: FieldProblem[] = [...p.problems];
  if (!v.providerId) problems.unshift({ field: 'providerId', message: t('validation.choose') });
  const body = {
    providerId: v.providerId,
    title: v.title.trim(),
    validFrom: p.validFrom ?? '',
    validUntil: p.validUntil ?? null,
    answerDays: p.answerDays ?? 0,
    startDays: p.startDays ?? 0,
    interimReportDays: p.interimReportDays ?? 0,
  } as CreateAgreementBody;
  for (const key of AGREEMENT_TEXTS) body[key] = blankToNull(v[key]);
  return { body, problems: firstPerField(problems, schemaProblems(createCooperationAgreementRequest, body)) };
}

export function agreementUpdateBody(v: AgreementValues, base: AgreementValues): { body: UpdateAgreementBody; problems: FieldProblem[] } {
  const p = parsed(v);
  const body: UpdateAgreementBody = {};
  if (v.title.trim() !== base.title.trim()) body.title = v.title.trim();
  if (v.validFrom.trim() !== base.validFrom && p.validFrom) body.validFrom = p.validFrom;
  if (v.validUntil.trim() !== base.validUntil && p.validUntil !== undefined) body.validUntil = p.validUntil;
  for (const key of DEADLINES) {
    const n = p[key];
    if (v[key].trim() !== base[key] && typeof n === 'number') body[key] = n;
  }
  for (const key of AGREEMENT_TEXTS) if (v[key].trim() !== base[key].trim()) body[key] = blankToNull(v[key]);
  return { body, problems: firstPerField(p.problems, schemaProblems(updateCooperationAgreementRequest, body)) };
}

const DEADLINE_HINTS: Record<(typeof DEADLINES)[number], Parameters<typeof t>[0]> = {
  answerDays: 'cooperation.answerDaysHint',
  startDays: 'cooperation.startDaysHint',
  interimReportDays: 'cooperation.interimReportDaysHint',
};

const TEXT_HINTS: Record<TextKey, Parameters<typeof t>[0]> = {
  feedbackProcedure: 'cooperation.feedbackProcedureHint',
  qualityStandards: 'cooperation.qualityStandardsHint',
  reportingDuties: 'cooperation.reportingDutiesHint',
  auditRights: 'cooperation.auditRightsHint',
  notice: 'cooperation.noticeHint',
};

export function AgreementFields({
  form,
  mode,
  providers,
  providerName,
}: {
  form: FormBinding<AgreementValues>;
  mode: 'create' | 'edit';
  /** Create: the providers to choose from. */
  providers?: Provider[];
  /** Edit: the provider is fixed. */
  providerName?: string;
}) {
  const field = textBinding(form, 'agreement');
  const labels = agreementLabels();
  const optional = (label: string) => `${label} ${t('common.optional')}`;
  return (
    <>
      <ProviderChoice
        mode={mode}
        {...field('providerId')}
        label={labels.providerId}
        providers={providers ?? []}
        providerName={providerName}
      />
      <TextField
        {...field('title')}
        label={labels.title}
        hint={t('cooperation.agreementTitleHint')}
        required
        width="long"
        maxLength={200}
        autoComplete="off"
      />
      <div className="field-row">
        <DateField {...field('validFrom')} label={labels.validFrom} required />
        <DateField {...field('validUntil')} label={optional(labels.validUntil)} hint={t('cooperation.validUntilHint')} />
      </div>
      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.deadlinesLegend')}</legend>
        <p className="field-hint">{t('cooperation.deadlinesHint')}</p>
        <div className="field-row">
          {DEADLINES.map((key) => (
            <TextField
              key={key}
              {...field(key)}
              label={labels[key]}
              hint={t(DEADLINE_HINTS[key])}
              required
              width="short"
              inputMode="numeric"
              autoComplete="off"
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.textsLegend')}</legend>
        {AGREEMENT_TEXTS.map((key) => (
          <TextAreaField key={key} {...field(key)} label={optional(labels[key])} hint={t(TEXT_HINTS[key])} rows={4} maxLength={4000} />
        ))}
      </fieldset>
    </>
  );
}
