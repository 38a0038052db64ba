import type { AgreementVersion } from '@lotse/contracts';
import {
  AGREEMENT_KIND_LABELS_DE,
  agreementRuleFor,
  DUTY_KIND_LABELS_DE,
  DUTY_KINDS,
  type DutyKind,
  latestReviewDate,
} from '@lotse/domain';
import { type ReactNode, useEffect, useRef } from 'react';
import type { AgreementRuleInfo } from '../../api/endpoints';
import * as api from '../../api/endpoints';
import { SelectField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate, parseGermanDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import type { CaseFileContext } from './caseFileContext';
import {
  CaseFormFrame,
  Checks,
  DateField,
  type FieldProblem,
  focusWhenReady,
  orNull,
  RadioGroupField,
  TextAreaField,
  todayGerman,
  useCaseForm,
} from './caseFormKit';

interface DutyRow {
  key: number;
  kind: DutyKind;
  text: string;
  goalId: string;
}
interface CommitmentRow {
  key: number;
  text: string;
  goalId: string;
}
interface AgreementValues {
  reached: 'yes' | 'no';
  agreedOn: string;
  validUntil: string;
  reviewOn: string;
  duties: DutyRow[];
  commitments: CommitmentRow[];
  personalOffer: string;
  notes: string;
}

const PREFIX = 'agreement';
const id = (field: string) => `${PREFIX}-${field}`;

function initialValues(current: AgreementVersion | null): AgreementValues {
  return {
    reached: 'yes',
    agreedOn: todayGerman(),
    validUntil: '',
    reviewOn: '',
    duties: (current?.duties ?? []).map((d, index) => ({ key: index + 1, kind: d.kind, text: d.text, goalId: d.goalId ?? '' })),
    commitments: (current?.commitments ?? []).map((c, index) => ({ key: index + 1, text: c.text, goalId: c.goalId ?? '' })),
    personalOffer: current?.personalOffer ?? '',
    notes: current?.notes ?? '',
  };
}

const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));

/**
 * "Vereinbarung erstellen" / "Neue Fassung (Fortschreibung)": prefilled from the current version;
 * shows live which rule applies to the chosen date and what it provides when no agreement is reached.
 */
export function AgreementForm({
  context,
  current,
  rules,
  rulesFailed,
  onClose,
}: {
  context: CaseFileContext;
  current: AgreementVersion | null;
  rules: AgreementRuleInfo[] | null;
  rulesFailed: boolean;
  onClose: (saved: AgreementVersion | null) => void;
}) {
  const { overview, refresh } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const form = useCaseForm<AgreementValues>(() => initialValues(current), { draft: { store: context.drafts, key: 'agreement' } });
  // Row keys go on after the highest one (also of a restored draft).
  const nextKey = useRef(Math.max(0, ...form.values.duties.map((r) => r.key), ...form.values.commitments.map((r) => r.key)) + 1);
  const { values, set, err } = form;
  const headingId = id('heading');
  const agreedIso = parseGermanDate(values.agreedOn);
  const rule = agreedIso && rules ? agreementRuleFor(rules, agreedIso) : undefined;
  const latestReview = rule && agreedIso ? latestReviewDate(rule, agreedIso) : null;

  // Dates the user has not typed yet follow the rule: the latest review date (validity and review).
  useEffect(() => {
    if (!latestReview) return;
    form.setValues(
      (v) => (v.validUntil || v.reviewOn ? v : { ...v, validUntil: formatDate(latestReview), reviewOn: formatDate(latestReview) }),
      { silent: true },
    );
  }, [latestReview, form.setValues]);

  const goalOptions = [{ value: '', label: t('caseFile.noGoal') }, ...overview.goals.map((g) => ({ value: g.id, label: g.title }))];

  const fields: Record<string, { id: string; label: string }> = {
    reached: { id: id('reached'), label: t('caseFile.reached') },
    agreedOn: { id: id('agreedOn'), label: t('caseFile.agreedOn') },
    validUntil: { id: id('validUntil'), label: t('caseFile.validUntil') },
    reviewOn: { id: id('reviewOn'), label: t('caseFile.reviewOn') },
    duties: { id: id('duties'), label: t('caseFile.duties') },
    commitments: { id: id('commitments'), label: t('caseFile.commitments') },
    personalOffer: { id: id('personalOffer'), label: t('caseFile.personalOffer') },
    notes: { id: id('notes'), label: t('caseFile.agreementNotes') },
  };
  values.duties.forEach((row, index) => {
    fields[`duties.${index}.kind`] = { id: id(`duty-${row.key}-kind`), label: t('caseFile.dutyKindN', { n: index + 1 }) };
    fields[`duties.${index}.text`] = { id: id(`duty-${row.key}-text`), label: t('caseFile.dutyN', { n: index + 1 }) };
    fields[`duties.${index}.goalId`] = { id: id(`duty-${row.key}-goal`), label: t('caseFile.dutyGoalN', { n: index + 1 }) };
  });
  values.commitments.forEach((row, index) => {
    fields[`commitments.${index}.text`] = { id: id(`commitment-${row.key}-text`), label: t('caseFile.commitmentN', { n: index + 1 }) };
    fields[`commitments.${index}.goalId`] = {
      id: id(`commitment-${row.key}-goal`),
      label: t('caseFile.commitmentGoalN', { n: index + 1 }),
    };
  });

  const setDuty = (key: number, patch: Partial<DutyRow>) =>
    form.setValues((v) => ({ ...v, duties: v.duties.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const setCommitment = (key: number, patch: Partial<CommitmentRow>) =>
    form.setValues((v) => ({ ...v, commitments: v.commitments.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const addDuty = () => {
    const key = nextKey.current++;
    form.setValues((v) => ({ ...v, duties: [...v.duties, { key, kind: 'appointments', text: '', goalId: '' }] }));
    focusWhenReady(id(`duty-${key}-kind`));
  };
  const addCommitment = () => {
    const key = nextKey.current++;
    form.setValues((v) => ({ ...v, commitments: [...v.commitments, { key, text: '', goalId: '' }] }));
    focusWhenReady(id(`commitment-${key}-text`));
  };
  const removeDuty = (key: number, index: number) => {
    form.setValues((v) => ({ ...v, duties: v.duties.filter((r) => r.key !== key) }));
    announce(t('caseFile.dutyRemoved', { n: index + 1 }));
    focusWhenReady(id('add-duty'));
  };
  const removeCommitment = (key: number, index: number) => {
    form.setValues((v) => ({ ...v, commitments: v.commitments.filter((r) => r.key !== key) }));
    announce(t('caseFile.commitmentRemoved', { n: index + 1 }));
    focusWhenReady(id('add-commitment'));
  };

  let dates = { agreedOn: '', validUntil: '', reviewOn: '' };
  const check = (): FieldProblem[] => {
    const c = new Checks();
    const agreedOn = c.date('agreedOn', values.agreedOn, true);
    const validUntil = c.date('validUntil', values.validUntil, true);
    const reviewOn = c.date('reviewOn', values.reviewOn, true);
    if (agreedOn && validUntil && validUntil < agreedOn) c.add('validUntil', t('caseFile.validUntilBeforeAgreed'));
    if (agreedOn && reviewOn && reviewOn < agreedOn) c.add('reviewOn', t('caseFile.reviewBeforeAgreed'));
    if (validUntil && reviewOn && reviewOn > validUntil) c.add('reviewOn', t('caseFile.reviewAfterValid'));
    values.duties.forEach((row, index) => {
      c.required(`duties.${index}.text`, row.text);
      c.maxLength(`duties.${index}.text`, row.text, 1000);
    });
    values.commitments.forEach((row, index) => {
      c.required(`commitments.${index}.text`, row.text);
      c.maxLength(`commitments.${index}.text`, row.text, 1000);
    });
    c.maxLength('personalOffer', values.personalOffer, 2000);
    c.maxLength('notes', values.notes, 2000);
    dates = { agreedOn: agreedOn ?? '', validUntil: validUntil ?? '', reviewOn: reviewOn ?? '' };
    return c.problems;
  };

  const save = () =>
    void form.submit(
      check,
      async () => {
        const body: api.CreateAgreementBody = {
          reached: values.reached === 'yes',
          ...dates,
          duties: values.duties.map((d) => ({ kind: d.kind, text: d.text.trim(), goalId: d.goalId || null })),
          commitments: values.commitments.map((c) => ({ text: c.text.trim(), goalId: c.goalId || null })),
          personalOffer: orNull(values.personalOffer),
          notes: orNull(values.notes),
        };
        const res = await api.createAgreement(overview.id, body, idempotencyKey(body));
        await refresh();
        announce(t('caseFile.agreementSaved', { n: res.data.versionNo, kind: AGREEMENT_KIND_LABELS_DE[res.data.kind] }));
        onClose(res.data);
      },
      {
        mapError: (error) => {
          const list = error.fieldErrors.map((fe) => ({ field: fe.field ?? '', message: fe.message }));
          if (list.length > 0) return list;
          if (error.code === 'AGREEMENT_NOT_REACHED_NO_FALLBACK') return [{ field: 'reached', message: error.userMessage }];
          if (error.code === 'AGREEMENT_NO_RULE') return [{ field: 'agreedOn', message: error.userMessage }];
          return null;
        },
      },
    );

  return (
    <div className="card agreement-form">
      <h3 id={headingId}>{current ? t('caseFile.agreementNewVersion') : t('caseFile.agreementCreate')}</h3>
      {current ? <p className="muted">{t('caseFile.agreementPrefilled', { n: current.versionNo })}</p> : null}
      <CaseFormFrame
        form={form}
        fields={fields}
        onSubmit={save}
        submitLabel={t('caseFile.agreementSubmit')}
        onCancel={() => onClose(null)}
        labelledBy={headingId}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <div className="agreement-form__grid">
          <div>
            <RadioGroupField
              id={id('reached')}
              legend={t('caseFile.reached')}
              required
              inline
              value={values.reached}
              onChange={(v) => set('reached')(v as 'yes' | 'no')}
              error={err('reached')}
              options={[
                { value: 'yes', label: t('caseFile.reachedYes') },
                { value: 'no', label: t('caseFile.reachedNo') },
              ]}
            />
            <DateField
              id={id('agreedOn')}
              label={t('caseFile.agreedOn')}
              required
              value={values.agreedOn}
              onChange={set('agreedOn')}
              error={err('agreedOn')}
            />
            <div className="field-row">
              <DateField
                id={id('validUntil')}
                label={t('caseFile.validUntil')}
                required
                value={values.validUntil}
                onChange={set('validUntil')}
                error={err('validUntil')}
              />
              <DateField
                id={id('reviewOn')}
                label={t('caseFile.reviewOn')}
                hint={latestReview ? t('caseFile.reviewLatest', { date: formatDate(latestReview) }) : undefined}
                required
                value={values.reviewOn}
                onChange={set('reviewOn')}
                error={err('reviewOn')}
              />
            </div>
          </div>
          <RuleBox
            rule={rule}
            reached={values.reached === 'yes'}
            dateValid={agreedIso !== null}
            rulesLoaded={rules !== null}
            rulesFailed={rulesFailed}
          />
        </div>

        <fieldset className="fieldset item-list" id={id('duties')}>
          <legend className="field-label">{t('caseFile.duties')}</legend>
          <p className="field-hint">{t('caseFile.dutiesHint')}</p>
          {values.duties.length === 0 ? <p className="muted">{t('caseFile.noDuties')}</p> : null}
          <ol className="item-rows">
            {values.duties.map((row, index) => (
              <li key={row.key} className="item-row">
                <SelectField
                  id={id(`duty-${row.key}-kind`)}
                  label={t('caseFile.dutyKindN', { n: index + 1 })}
                  value={row.kind}
                  onChange={(v) => setDuty(row.key, { kind: v as DutyKind })}
                  error={err(`duties.${index}.kind`)}
                  options={DUTY_KINDS.map((k) => ({ value: k, label: DUTY_KIND_LABELS_DE[k] }))}
                />
                <TextAreaField
                  id={id(`duty-${row.key}-text`)}
                  label={t('caseFile.dutyN', { n: index + 1 })}
                  required
                  rows={2}
                  maxLength={1000}
                  value={row.text}
                  onChange={(v) => setDuty(row.key, { text: v })}
                  error={err(`duties.${index}.text`)}
                />
                <SelectField
                  id={id(`duty-${row.key}-goal`)}
                  label={t('caseFile.dutyGoalN', { n: index + 1 })}
                  value={row.goalId}
                  onChange={(v) => setDuty(row.key, { goalId: v })}
                  error={err(`duties.${index}.goalId`)}
                  options={goalOptions}
                />
                <button type="button" className="button button--danger-link" onClick={() => removeDuty(row.key, index)}>
                  {t('caseFile.dutyRemove', { n: index + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" id={id('add-duty')} className="button button--secondary button--small" onClick={addDuty}>
            {t('caseFile.dutyAdd')}
          </button>
        </fieldset>

        <fieldset className="fieldset item-list" id={id('commitments')}>
          <legend className="field-label">{t('caseFile.commitments')}</legend>
          <p className="field-hint">{t('caseFile.commitmentsHint')}</p>
          {values.commitments.length === 0 ? <p className="muted">{t('caseFile.noCommitments')}</p> : null}
          <ol className="item-rows">
            {values.commitments.map((row, index) => (
              <li key={row.key} className="item-row">
                <TextAreaField
                  id={id(`commitment-${row.key}-text`)}
                  label={t('caseFile.commitmentN', { n: index + 1 })}
                  required
                  rows={2}
                  maxLength={1000}
                  value={row.text}
                  onChange={(v) => setCommitment(row.key, { text: v })}
                  error={err(`commitments.${index}.text`)}
                />
                <SelectField
                  id={id(`commitment-${row.key}-goal`)}
                  label={t('caseFile.commitmentGoalN', { n: index + 1 })}
                  value={row.goalId}
                  onChange={(v) => setCommitment(row.key, { goalId: v })}
                  error={err(`commitments.${index}.goalId`)}
                  options={goalOptions}
                />
                <button type="button" className="button button--danger-link" onClick={() => removeCommitment(row.key, index)}>
                  {t('caseFile.commitmentRemove', { n: index + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" id={id('add-commitment')} className="button button--secondary button--small" onClick={addCommitment}>
            {t('caseFile.commitmentAdd')}
          </button>
        </fieldset>

        <TextAreaField
          id={id('personalOffer')}
          label={`${t('caseFile.personalOffer')} ${t('common.optional')}`}
          hint={t('caseFile.personalOfferHint')}
          maxLength={2000}
          value={values.personalOffer}
          onChange={set('personalOffer')}
          error={err('personalOffer')}
        />
        <TextAreaField
          id={id('notes')}
          label={`${t('caseFile.agreementNotes')} ${t('common.optional')}`}
          maxLength={2000}
          value={values.notes}
          onChange={set('notes')}
          error={err('notes')}
        />
      </CaseFormFrame>
    </div>
  );
}

/** The rule of the chosen date, read out when it changes (another period of law, or "reached" toggled). */
function RuleBox({
  rule,
  reached,
  dateValid,
  rulesLoaded,
  rulesFailed,
}: {
  rule: AgreementRuleInfo | undefined;
  reached: boolean;
  dateValid: boolean;
  rulesLoaded: boolean;
  rulesFailed: boolean;
}) {
  let content: ReactNode;
  if (rulesFailed) content = <p>{t('caseFile.rulesFailed')}</p>;
  else if (!rulesLoaded) content = <p>{t('caseFile.rulesLoading')}</p>;
  else if (!dateValid) content = <p>{t('caseFile.ruleNeedsDate')}</p>;
  else if (!rule) content = <p>{t('caseFile.ruleNone')}</p>;
  else
    content = (
      <>
        <p className="banner__title">{t('caseFile.ruleApplies', { title: rule.title })}</p>
        <dl className="dl dl--inline">
          <div className="dl-item">
            <dt>{t('caseFile.legalBasis')}</dt>
            <dd>{rule.legalBasis}</dd>
          </div>
          <div className="dl-item">
            <dt>{t('caseFile.ruleKind')}</dt>
            <dd>
              {reached
                ? AGREEMENT_KIND_LABELS_DE[rule.agreedKind]
                : rule.fallbackKind
                  ? AGREEMENT_KIND_LABELS_DE[rule.fallbackKind]
                  : t('caseFile.ruleNoFallbackKind')}
            </dd>
          </div>
          <div className="dl-item">
            <dt>{t('caseFile.legallyBinding')}</dt>
            <dd>{yesNo(rule.legallyBinding)}</dd>
          </div>
          <div className="dl-item">
            <dt>{t('caseFile.dutiesSanctionable')}</dt>
            <dd>{yesNo(rule.dutiesSanctionable)}</dd>
          </div>
          <div className="dl-item">
            <dt>{t('caseFile.reviewWithin')}</dt>
            <dd>{t('caseFile.months', { n: rule.reviewWithinMonths })}</dd>
          </div>
        </dl>
        {reached ? null : (
          <div className="rule-box__fallback">
            <p>
              <strong>{t('caseFile.ruleIfNotReached')}</strong> {rule.noAgreementText}
            </p>
            {rule.fallbackKind === null ? (
              <p>
                <strong>{t('caseFile.ruleNoFallback', { procedure: rule.disputeProcedure ?? t('common.none') })}</strong>
              </p>
            ) : null}
          </div>
        )}
      </>
    );
  return (
    <div
      className={`banner ${rule && !reached && rule.fallbackKind === null ? 'banner--warning' : 'banner--info'} rule-box`}
      aria-live="polite"
      aria-atomic="true"
    >
      {content}
    </div>
  );
}
