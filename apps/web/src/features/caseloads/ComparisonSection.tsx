import type { CaseloadCareModel, CaseloadComparison, CaseloadReport, PlannedLoadCounts } from '@lotse/contracts';
import {
  AGE_GROUPS,
  type AgeGroup,
  BENEFITS_MODE_LABELS_DE,
  BENEFITS_MODES,
  CASE_MANAGEMENT_APPROACH_LABELS_DE,
  CASE_MANAGEMENT_APPROACHES,
  iawTypeOf,
  PLACEMENT_MODE_LABELS_DE,
  PLACEMENT_MODES,
} from '@lotse/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';
import { CheckboxField, SelectField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { type MessageKey, t } from '../../i18n';
import * as api from './api';
import { formatCount, formatDifference } from './caseloadFigures';

type Models = Record<AgeGroup, CaseloadCareModel>;

const GROUP_LABEL: Record<AgeGroup, MessageKey> = { u25: 'caseloads.age.u25', ue25: 'caseloads.age.ue25' };

const modelsOf = (report: CaseloadReport): Models => ({ u25: { ...report.model.u25.model }, ue25: { ...report.model.ue25.model } });

type Part = 'owner' | 'placement' | 'benefits' | 'handOffs';
const PARTS: { key: Part; label: MessageKey }[] = [
  { key: 'owner', label: 'caseloads.colOwner' },
  { key: 'placement', label: 'caseloads.colPlacement' },
  { key: 'benefits', label: 'caseloads.colBenefits' },
  { key: 'handOffs', label: 'caseloads.colHandOffs' },
];
const partValue = (load: PlannedLoadCounts, part: Part) => (part === 'handOffs' ? load.handOffs : load[part].total);

/** The criteria of one age group's alternative, with the type they give. */
function ModelFieldset({
  group,
  model,
  onChange,
}: {
  group: AgeGroup;
  model: CaseloadCareModel;
  onChange: (m: CaseloadCareModel) => void;
}) {
  const id = (field: string) => `compare-${group}-${field}`;
  const type = iawTypeOf(model);
  return (
    <fieldset className="form-section caseload-model">
      <legend>{t('caseloads.alternativeFor', { group: t(GROUP_LABEL[group]) })}</legend>
      <SelectField
        id={id('caseManagement')}
        label={t('caseloads.fieldCaseManagement')}
        width="long"
        value={model.caseManagement}
        onChange={(v) => onChange({ ...model, caseManagement: v as CaseloadCareModel['caseManagement'] })}
        options={CASE_MANAGEMENT_APPROACHES.map((a) => ({ value: a, label: CASE_MANAGEMENT_APPROACH_LABELS_DE[a] }))}
      />
      <SelectField
        id={id('placement')}
        label={t('caseloads.fieldPlacement')}
        width="long"
        value={model.placement}
        onChange={(v) => onChange({ ...model, placement: v as CaseloadCareModel['placement'] })}
        options={PLACEMENT_MODES.map((a) => ({ value: a, label: PLACEMENT_MODE_LABELS_DE[a] }))}
      />
      <SelectField
        id={id('benefits')}
        label={t('caseloads.fieldBenefits')}
        width="long"
        value={model.benefits}
        onChange={(v) => onChange({ ...model, benefits: v as CaseloadCareModel['benefits'] })}
        options={BENEFITS_MODES.map((a) => ({ value: a, label: BENEFITS_MODE_LABELS_DE[a] }))}
      />
      <CheckboxField
        id={id('mixedTeams')}
        label={t('caseloads.fieldMixedTeams')}
        checked={model.mixedTeams}
        onChange={(mixedTeams) => onChange({ ...model, mixedTeams })}
      />
      <p className="caseload-model__type">
        <strong>{t('caseloads.derivedType', { code: type.code })}</strong>
      </p>
    </fieldset>
  );
}

function ResultTable({ result }: { result: CaseloadComparison }) {
  const which: { key: 'current' | 'alternative' | 'difference'; label: MessageKey }[] = [
    { key: 'current', label: 'caseloads.colCurrent' },
    { key: 'alternative', label: 'caseloads.colAlternative' },
    { key: 'difference', label: 'caseloads.colDifference' },
  ];
  return (
    <section
      className="table-wrap"
      // Thirteen columns: the table may be wider than the screen, so the region scrolls and takes the focus.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
      tabIndex={0}
      aria-labelledby="compare-result-caption"
    >
      <table className="data-table caseload-compare">
        <caption id="compare-result-caption">{t('caseloads.resultCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('caseloads.colPerson')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('caseloads.colTeam')}
            </th>
            {PARTS.map((p) => (
              <th key={p.key} scope="colgroup" colSpan={3} className="caseload-compare__group">
                {t(p.label)}
              </th>
            ))}
          </tr>
          <tr>
            {PARTS.flatMap((p) =>
              which.map((w) => (
                <th key={`${p.key}-${w.key}`} scope="col" className="num">
                  <span aria-hidden="true">{t(w.label)}</span>
                  <span className="visually-hidden">{t('caseloads.cellAria', { what: t(p.label), which: t(w.label) })}</span>
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {result.people.map((person) => (
            <tr key={person.userId}>
              <th scope="row">{person.displayName}</th>
              <td>{person.teamName ?? t('caseloads.noTeam')}</td>
              {PARTS.flatMap((p) => {
                const before = partValue(person.current, p.key);
                const after = partValue(person.alternative, p.key);
                const diff = person.difference[p.key];
                return [
                  <td key={`${p.key}-c`} className="num caseload-compare__group">
                    {formatCount(before)}
                  </td>,
                  <td key={`${p.key}-a`} className="num">
                    {formatCount(after)}
                  </td>,
                  <td key={`${p.key}-d`} className={`num${diff !== 0 ? ' caseload-compare__changed' : ''}`}>
                    {formatDifference(diff)}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function TotalsTable({ result }: { result: CaseloadComparison }) {
  const rows: { key: keyof CaseloadComparison['totals']['current']; label: MessageKey }[] = [
    { key: 'handOffs', label: 'caseloads.totalHandOffs' },
    { key: 'expertConsultations', label: 'caseloads.totalExperts' },
    { key: 'placementUnstaffed', label: 'caseloads.totalPlacementUnstaffed' },
    { key: 'benefitsUnstaffed', label: 'caseloads.totalBenefitsUnstaffed' },
  ];
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t('caseloads.totalsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseloads.colTotal')}</th>
            <th scope="col" className="num">
              {t('caseloads.colCurrent')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colAlternative')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colDifference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const before = result.totals.current[r.key];
            const after = result.totals.alternative[r.key];
            return (
              <tr key={r.key}>
                <th scope="row">{t(r.label)}</th>
                <td className="num">{formatCount(before)}</td>
                <td className="num">{formatCount(after)}</td>
                <td className="num">{formatDifference(after - before)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The comparison view (SPEC C14): choose an alternative model per age group (the criteria of the
 * organisation model) and see, side by side, what each person would carry and how many hand-offs there
 * would be under the current model and under the alternative. Read-only.
 */
export function ComparisonSection({ report }: { report: CaseloadReport }) {
  const announce = useAnnounce();
  const [models, setModels] = useState<Models>(() => modelsOf(report));
  const [result, setResult] = useState<CaseloadComparison | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [focusResult, setFocusResult] = useState(0);

  useEffect(() => {
    if (focusResult > 0) resultRef.current?.focus();
  }, [focusResult]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const compared = await api.compareCaseloads(models);
      setResult(compared);
      setFocusResult((n) => n + 1);
      announce(t('caseloads.compared', { people: compared.people.length, changes: compared.ownerChanges }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const current = report.model;
  const codeOf = (g: AgeGroup) => `${current[g].iawType.code}${current[g].source === 'default' ? ` ${t('caseloads.defaultModel')}` : ''}`;

  return (
    <section className="card caseload-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('caseloads.compareHeading')}</h2>
      <p>{t('caseloads.compareIntro')}</p>
      <p>
        <strong>{t('caseloads.currentModel', { u25: codeOf('u25'), ue25: codeOf('ue25') })}</strong>
      </p>
      <form className="form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <div className="form-grid">
          {AGE_GROUPS.map((g) => (
            <ModelFieldset key={g} group={g} model={models[g]} onChange={(m) => setModels((prev) => ({ ...prev, [g]: m }))} />
          ))}
        </div>
        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('caseloads.comparing') : t('caseloads.compare')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setModels(modelsOf(report));
              announce(t('caseloads.resetDone'));
            }}
          >
            {t('caseloads.resetModel')}
          </button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {result ? (
        <div className="caseload-result">
          <h3 ref={resultRef} tabIndex={-1}>
            {t('caseloads.resultHeading', {
              cu: result.current.u25.iawType.code,
              ce: result.current.ue25.iawType.code,
              au: result.alternative.u25.iawType.code,
              ae: result.alternative.ue25.iawType.code,
            })}
          </h3>
          <p>{t('caseloads.ownerChanges', { count: result.ownerChanges, total: result.openCases })}</p>
          <TotalsTable result={result} />
          {result.people.length > 0 ? <ResultTable result={result} /> : <p className="muted">{t('caseloads.noPeople')}</p>}
          <p className="muted">{t('caseloads.compareDefinition')}</p>
        </div>
      ) : null}
    </section>
  );
}
