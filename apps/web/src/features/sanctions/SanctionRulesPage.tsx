import { DUTY_FORM_LABELS_DE, type DutyForm } from '@lotse/domain';
import { useCallback, useState } from 'react';
import { etagFromVersion } from '../../api/client';
import { CheckboxGroup, TextAreaField, TextField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate, newUuid } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { type Based, based, CaseFormFrame, Checks, DateField, focusWhenReady, rebase, useCaseForm } from '../cases/caseFormKit';
import * as api from './api';
import { formsText, stagesText } from './format';

/** Forms a duty breach can be sanctioned under (a missed appointment always needs an invitation). */
const RULE_FORMS: readonly DutyForm[] = ['egv', 'verwaltungsakt', 'request_with_notice'];
const MAX_STAGES = 5;

interface StageRow {
  key: string;
  percent: string;
  months: string;
}

interface RuleFields {
  code: string;
  title: string;
  validFrom: string;
  validTo: string;
  dutyForms: string[];
  dutyStages: StageRow[];
  appointmentStages: StageRow[];
  repeatWithinMonths: string;
  stopAfter: string;
  legalBasis: string;
  sourceNote: string;
}

const stageRows = (stages: readonly { percent: number; months: number }[]): StageRow[] =>
  stages.map((s, i) => ({ key: `s${i}`, percent: String(s.percent), months: String(s.months) }));

function fieldsOf(rule: api.SanctionRule | null): RuleFields {
  if (!rule) {
    return {
      code: '',
      title: '',
      validFrom: '',
      validTo: '',
      dutyForms: [],
      dutyStages: [{ key: 's0', percent: '', months: '' }],
      appointmentStages: [{ key: 's0', percent: '', months: '' }],
      repeatWithinMonths: '12',
      stopAfter: '',
      legalBasis: '',
      sourceNote: '',
    };
  }
  return {
    code: rule.code,
    title: rule.title,
    validFrom: formatDate(rule.validFrom),
    validTo: formatDate(rule.validTo),
    dutyForms: [...rule.dutyForms],
    dutyStages: stageRows(rule.dutyStages),
    appointmentStages: stageRows(rule.appointmentStages),
    repeatWithinMonths: String(rule.repeatWithinMonths),
    stopAfter: rule.appointmentStopAfter === null ? '' : String(rule.appointmentStopAfter),
    legalBasis: rule.legalBasis,
    sourceNote: rule.sourceNote,
  };
}

/** A whole number within [min, max], or null. */
function wholeNumber(value: string, min: number, max: number): number | null {
  const v = value.trim();
  if (!/^\d{1,4}$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

/**
 * The tenant's rule table of sanctions (SPEC C16): one row per period of the law with its rates,
 * durations, missed-appointment rules, legal basis and source. Lotse chooses the row by the breach
 * date; periods must not overlap. Administrators check and maintain the rows.
 */
export function SanctionRulesPage() {
  usePageTitle(t('sanctions.rulesTitle'));
  const fetchRules = useCallback((signal?: AbortSignal) => api.listRules(signal), []);
  const { loaded: rules, setLoaded, loadError, load } = useLoadedResource(fetchRules);
  /** Loads the table again; resolves with it, or null when that failed. */
  const reload = useCallback(async () => {
    try {
      const list = await api.listRules();
      setLoaded(list);
      return list;
    } catch {
      return null;
    }
  }, [setLoaded]);
  /** null: no form; 'new': a new period; otherwise the id of the edited row. */
  const [editing, setEditing] = useState<string | null>(null);

  const open = (target: string) => {
    setEditing(target);
    focusWhenReady('rule-form-heading');
  };
  const close = (focusId: string) => {
    setEditing(null);
    focusWhenReady(focusId);
  };
  const editedRule = editing && editing !== 'new' ? (rules?.find((r) => r.id === editing) ?? null) : null;

  return (
    <>
      <PageHeader
        title={t('sanctions.rulesTitle')}
        actions={
          rules && editing === null ? (
            <button type="button" id="rule-add" className="button button--primary" onClick={() => open('new')}>
              {t('sanctions.rulesAdd')}
            </button>
          ) : null
        }
      >
        <p className="page-subtitle">{t('sanctions.rulesIntro')}</p>
      </PageHeader>
      {!rules ? loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : <Loading /> : null}
      {rules && editing !== null && (editing === 'new' || editedRule) ? (
        <RuleForm
          key={editing}
          rule={editedRule}
          reload={reload}
          onClose={(savedId) => close(savedId ? `rule-${savedId}-edit` : editing === 'new' ? 'rule-add' : `rule-${editing}-edit`)}
        />
      ) : null}
      {rules ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('sanctions.rulesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sanctions.rulesPeriod')}</th>
                <th scope="col">{t('sanctions.rulesRule')}</th>
                <th scope="col">{t('sanctions.rulesForms')}</th>
                <th scope="col">{t('sanctions.rulesDutyStages')}</th>
                <th scope="col">{t('sanctions.rulesAppointmentStages')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('sanctions.rulesActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">
                    {formatDate(r.validFrom)} – {r.validTo ? formatDate(r.validTo) : t('sanctions.rulesOpenEnd')}
                  </td>
                  <th scope="row">
                    {r.title}
                    <div className="muted">{r.legalBasis}</div>
                    <details>
                      <summary>{t('sanctions.rulesSource')}</summary>
                      <p className="pre-line">{r.sourceNote}</p>
                    </details>
                  </th>
                  <td>{formsText(r.dutyForms)}</td>
                  <td>
                    {r.dutyForms.length === 0 ? t('sanctions.rulesNoDutyBreach') : stagesText(r.dutyStages)}
                    <div className="muted">{t('sanctions.rulesRepeatMonths', { months: r.repeatWithinMonths })}</div>
                  </td>
                  <td>
                    {stagesText(r.appointmentStages)}
                    {r.appointmentStopAfter !== null ? <div>{t('sanctions.rulesStopAfter', { n: r.appointmentStopAfter })}</div> : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      id={`rule-${r.id}-edit`}
                      className="button button--secondary button--small"
                      onClick={() => open(r.id)}
                    >
                      {t('common.edit')}
                      <span className="visually-hidden">: {r.title}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function RuleForm({
  rule,
  reload,
  onClose,
}: {
  rule: api.SanctionRule | null;
  reload: () => Promise<api.SanctionRule[] | null>;
  onClose: (savedId: string | null) => void;
}) {
  const announce = useAnnounce();
  const form = useCaseForm<Based<RuleFields>>(() => based(fieldsOf(rule), rule?.version ?? 0));
  const { values, err, set } = form;
  const prefix = 'rule-form';

  const stageFields = (list: 'dutyStages' | 'appointmentStages', rows: StageRow[]) =>
    Object.fromEntries(
      rows.flatMap((row, i) => [
        [`${list}.${i}.percent`, { id: `${prefix}-${list}-${row.key}-percent`, label: t('sanctions.rulesStagePercent', { n: i + 1 }) }],
        [`${list}.${i}.months`, { id: `${prefix}-${list}-${row.key}-months`, label: t('sanctions.rulesStageMonths', { n: i + 1 }) }],
      ]),
    );

  const save = () => {
    let body: api.SanctionRuleBody | null = null;
    void form.submit(
      () => {
        const c = new Checks();
        c.required('code', values.code);
        c.maxLength('code', values.code, 60);
        c.required('title', values.title);
        c.maxLength('title', values.title, 200);
        const validFrom = c.date('validFrom', values.validFrom, true);
        const validTo = c.date('validTo', values.validTo, false);
        if (validFrom && validTo && validTo < validFrom) c.add('validTo', t('sanctions.rulesEndBeforeStart'));
        const stages = (list: 'dutyStages' | 'appointmentStages') =>
          values[list].map((row, i) => {
            const percent = wholeNumber(row.percent, 0, 100);
            const months = wholeNumber(row.months, 0, 12);
            if (percent === null) c.add(`${list}.${i}.percent`, t('sanctions.rulesPercentInvalid'));
            if (months === null) c.add(`${list}.${i}.months`, t('sanctions.rulesMonthsInvalid'));
            return { percent: percent ?? 0, months: months ?? 0 };
          });
        const dutyStages = stages('dutyStages');
        const appointmentStages = stages('appointmentStages');
        const repeat = wholeNumber(values.repeatWithinMonths, 1, 60);
        if (repeat === null) c.add('repeatWithinMonths', t('sanctions.rulesRepeatInvalid'));
        const stop = values.stopAfter.trim() === '' ? null : wholeNumber(values.stopAfter, 2, 10);
        if (values.stopAfter.trim() !== '' && stop === null) c.add('appointmentStopAfter', t('sanctions.rulesStopInvalid'));
        c.required('legalBasis', values.legalBasis);
        c.maxLength('legalBasis', values.legalBasis, 500);
        c.required('sourceNote', values.sourceNote);
        c.maxLength('sourceNote', values.sourceNote, 2000);
        if (c.ok) {
          body = {
            code: values.code.trim(),
            title: values.title.trim(),
            validFrom: validFrom as string,
            validTo,
            dutyForms: values.dutyForms as api.SanctionRuleBody['dutyForms'],
            dutyStages,
            appointmentStages,
            repeatWithinMonths: repeat as number,
            appointmentStopAfter: stop,
            legalBasis: values.legalBasis.trim(),
            sourceNote: values.sourceNote.trim(),
          };
        }
        return c.problems;
      },
      async () => {
        const payload = body as api.SanctionRuleBody;
        const res = rule ? await api.updateRule(rule.id, etagFromVersion(values.version), payload) : await api.createRule(payload);
        await reload();
        announce(rule ? t('sanctions.rulesSaved', { title: res.data.title }) : t('sanctions.rulesCreated', { title: res.data.title }));
        onClose(res.data.id);
      },
      {
        onConflict: async () => {
          const now = (await reload())?.find((r) => r.id === rule?.id);
          if (now) form.setValues((v) => rebase(v, fieldsOf(now), now.version));
        },
      },
    );
  };

  const setStage = (list: 'dutyStages' | 'appointmentStages', key: string, change: Partial<StageRow>) =>
    form.setValues((v) => ({ ...v, [list]: v[list].map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  const addStage = (list: 'dutyStages' | 'appointmentStages') => {
    const key = newUuid();
    form.setValues((v) => ({ ...v, [list]: [...v[list], { key, percent: '', months: '' }] }));
    focusWhenReady(`${prefix}-${list}-${key}-percent`);
  };
  const removeStage = (list: 'dutyStages' | 'appointmentStages', key: string) => {
    form.setValues((v) => ({ ...v, [list]: v[list].filter((r) => r.key !== key) }));
    focusWhenReady(`${prefix}-${list}-add`);
  };

  const stagesEditor = (list: 'dutyStages' | 'appointmentStages', legend: string, hint: string) => (
    <fieldset className="fieldset" id={`${prefix}-${list}`}>
      <legend className="field-label">{legend}</legend>
      <p className="field-hint">{hint}</p>
      <ol className="item-rows">
        {values[list].map((row, i) => (
          <li className="item-row" key={row.key}>
            <TextField
              id={`${prefix}-${list}-${row.key}-percent`}
              label={t('sanctions.rulesStagePercent', { n: i + 1 })}
              value={row.percent}
              onChange={(percent) => setStage(list, row.key, { percent })}
              error={err(`${list}.${i}.percent`)}
              width="short"
              inputMode="numeric"
              autoComplete="off"
              required
            />
            <TextField
              id={`${prefix}-${list}-${row.key}-months`}
              label={t('sanctions.rulesStageMonths', { n: i + 1 })}
              value={row.months}
              onChange={(months) => setStage(list, row.key, { months })}
              error={err(`${list}.${i}.months`)}
              width="short"
              inputMode="numeric"
              autoComplete="off"
              required
            />
            {values[list].length > 1 ? (
              <button type="button" className="button button--danger-link" onClick={() => removeStage(list, row.key)}>
                {t('sanctions.rulesStageRemove', { n: i + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {values[list].length < MAX_STAGES ? (
        <button
          type="button"
          id={`${prefix}-${list}-add`}
          className="button button--secondary button--small"
          onClick={() => addStage(list)}
        >
          {t('sanctions.rulesStageAdd')}
        </button>
      ) : null}
    </fieldset>
  );

  return (
    <section className="card" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} tabIndex={-1}>
        {rule ? t('sanctions.rulesEditTitle', { title: rule.title }) : t('sanctions.rulesAdd')}
      </h2>
      <CaseFormFrame
        form={form}
        fields={{
          code: { id: `${prefix}-code`, label: t('sanctions.rulesCode') },
          title: { id: `${prefix}-title`, label: t('sanctions.rulesRule') },
          validFrom: { id: `${prefix}-validFrom`, label: t('sanctions.rulesValidFrom') },
          validTo: { id: `${prefix}-validTo`, label: t('sanctions.rulesValidTo') },
          dutyForms: { id: `${prefix}-forms`, label: t('sanctions.rulesForms') },
          ...stageFields('dutyStages', values.dutyStages),
          ...stageFields('appointmentStages', values.appointmentStages),
          dutyStages: { id: `${prefix}-dutyStages`, label: t('sanctions.rulesDutyStages') },
          appointmentStages: { id: `${prefix}-appointmentStages`, label: t('sanctions.rulesAppointmentStages') },
          repeatWithinMonths: { id: `${prefix}-repeat`, label: t('sanctions.rulesRepeat') },
          appointmentStopAfter: { id: `${prefix}-stop`, label: t('sanctions.rulesStop') },
          legalBasis: { id: `${prefix}-legalBasis`, label: t('sanctions.rulesLegalBasis') },
          sourceNote: { id: `${prefix}-sourceNote`, label: t('sanctions.rulesSource') },
        }}
        onSubmit={save}
        submitLabel={rule ? t('common.save') : t('sanctions.rulesCreate')}
        onCancel={() => onClose(null)}
        labelledBy={`${prefix}-heading`}
        conflictText={t('sanctions.rulesConflict')}
        onConflictReload={() => {
          void reload().then((list) => {
            const now = list?.find((r) => r.id === rule?.id);
            if (now) form.reset(based(fieldsOf(now), now.version));
          });
        }}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <TextField
          id={`${prefix}-title`}
          label={t('sanctions.rulesRule')}
          value={values.title}
          onChange={set('title')}
          error={err('title')}
          required
          width="long"
        />
        <TextField
          id={`${prefix}-code`}
          label={t('sanctions.rulesCode')}
          hint={t('sanctions.rulesCodeHint')}
          value={values.code}
          onChange={set('code')}
          error={err('code')}
          required
          autoComplete="off"
        />
        <DateField
          id={`${prefix}-validFrom`}
          label={t('sanctions.rulesValidFrom')}
          value={values.validFrom}
          onChange={set('validFrom')}
          error={err('validFrom')}
          required
        />
        <DateField
          id={`${prefix}-validTo`}
          label={`${t('sanctions.rulesValidTo')} ${t('common.optional')}`}
          hint={t('sanctions.rulesValidToHint')}
          value={values.validTo}
          onChange={set('validTo')}
          error={err('validTo')}
        />
        <CheckboxGroup
          id={`${prefix}-forms`}
          legend={t('sanctions.rulesForms')}
          hint={t('sanctions.rulesFormsHint')}
          options={RULE_FORMS.map((f) => ({ value: f, label: DUTY_FORM_LABELS_DE[f] }))}
          values={values.dutyForms}
          onChange={set('dutyForms')}
          error={err('dutyForms')}
        />
        {stagesEditor('dutyStages', t('sanctions.rulesDutyStages'), t('sanctions.rulesDutyStagesHint'))}
        {stagesEditor('appointmentStages', t('sanctions.rulesAppointmentStages'), t('sanctions.rulesAppointmentStagesHint'))}
        <TextField
          id={`${prefix}-repeat`}
          label={t('sanctions.rulesRepeat')}
          hint={t('sanctions.rulesRepeatHint')}
          value={values.repeatWithinMonths}
          onChange={set('repeatWithinMonths')}
          error={err('repeatWithinMonths')}
          required
          width="short"
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          id={`${prefix}-stop`}
          label={`${t('sanctions.rulesStop')} ${t('common.optional')}`}
          hint={t('sanctions.rulesStopHint')}
          value={values.stopAfter}
          onChange={set('stopAfter')}
          error={err('appointmentStopAfter')}
          width="short"
          inputMode="numeric"
          autoComplete="off"
        />
        <TextAreaField
          id={`${prefix}-legalBasis`}
          label={t('sanctions.rulesLegalBasis')}
          required
          rows={2}
          maxLength={500}
          value={values.legalBasis}
          onChange={set('legalBasis')}
          error={err('legalBasis')}
        />
        <TextAreaField
          id={`${prefix}-sourceNote`}
          label={t('sanctions.rulesSource')}
          hint={t('sanctions.rulesSourceHint')}
          required
          rows={6}
          maxLength={2000}
          value={values.sourceNote}
          onChange={set('sourceNote')}
          error={err('sourceNote')}
        />
      </CaseFormFrame>
    </section>
  );
}
