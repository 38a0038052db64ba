import {
  AGE_GROUP_LABELS_DE,
  type AgeGroup,
  BENEFITS_MODE_LABELS_DE,
  BENEFITS_MODES,
  CASE_MANAGEMENT_APPROACH_LABELS_DE,
  CASE_MANAGEMENT_APPROACHES,
  type CareModel,
  iawTypeOf,
  PLACEMENT_MODE_LABELS_DE,
  PLACEMENT_MODES,
} from '@lotse/domain';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, etagFromVersion, toApiError } from '../../api/client';
import { CheckboxField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { type MessageKey, t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { RadioGroupField } from '../cases/caseFormKit';
import * as api from './api';
import { ReassignmentSection } from './ReassignmentSection';
import './organisation-model.css';

const careModelOf = (m: api.OrganisationModel): CareModel => ({
  caseManagement: m.caseManagement,
  placement: m.placement,
  benefits: m.benefits,
  mixedTeams: m.mixedTeams,
});

const sameModel = (a: CareModel, b: CareModel) =>
  a.caseManagement === b.caseManagement && a.placement === b.placement && a.benefits === b.benefits && a.mixedTeams === b.mixedTeams;

/**
 * The organisation model of customer care (SPEC C14): per age group the three criteria of the IAW
 * typology (seed 004 §3–4) and the mixed-team variant, the type derived live, and the bulk reassignment
 * of open cases below. Each age group saves on its own (its own version, If-Match).
 */
export function OrganisationModelPage() {
  usePageTitle(t('orgModel.title'));
  const fetchModels = useCallback((signal?: AbortSignal) => api.listModels(signal), []);
  const { loaded, setLoaded, loadError, load } = useLoadedResource(fetchModels);
  // Bumped by each save: the reassignment section loads a fresh preview.
  const [savedTick, setSavedTick] = useState(0);

  if (!loaded) {
    return (
      <>
        <PageHeader title={t('orgModel.title')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : <Loading />}
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('orgModel.title')}>
        <p className="page-subtitle">{t('orgModel.intro')}</p>
      </PageHeader>
      <p className="banner banner--info">{t('orgModel.newWorkOnly')}</p>
      {loaded.map((m) => (
        <AgeGroupModel
          key={m.ageGroup}
          model={m}
          onSaved={(saved) => {
            setLoaded((list) => (list ?? []).map((x) => (x.ageGroup === saved.ageGroup ? saved : x)));
            setSavedTick((n) => n + 1);
          }}
          reload={load}
        />
      ))}
      <ReassignmentSection refreshTick={savedTick} />
    </>
  );
}

function AgeGroupModel({
  model,
  onSaved,
  reload,
}: {
  model: api.OrganisationModel;
  onSaved: (saved: api.OrganisationModel) => void;
  reload: () => Promise<unknown>;
}) {
  const announce = useAnnounce();
  const group = model.ageGroup as AgeGroup;
  const prefix = `model-${group}`;
  const [values, setValues] = useState<CareModel>(careModelOf(model));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const type = iawTypeOf(values);
  const changed = !sameModel(values, careModelOf(model));
  const groupShort = t(`orgModel.ageGroup.${group}` as MessageKey);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  // A saved or reloaded version replaces the form's values (after a save they are the same anyway);
  // the form stays mounted, so focus stays where it was.
  useEffect(() => {
    setValues(careModelOf(model));
    setConflict(false);
  }, [model]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (!changed) {
      announce(t('common.noChanges'));
      return;
    }
    setBusy(true);
    try {
      const res = await api.updateModel(group, etagFromVersion(model.version), values);
      announce(t('orgModel.saved', { group: groupShort, code: res.data.type.code }));
      onSaved(res.data);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 412) setConflict(true);
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const headingId = `${prefix}-heading`;
  return (
    <section className="card org-model" aria-labelledby={headingId}>
      <h2 id={headingId}>{AGE_GROUP_LABELS_DE[group]}</h2>
      <p className="muted">
        {model.updatedBy && model.updatedAt
          ? t('orgModel.lastChange', { date: formatDate(model.updatedAt.slice(0, 10)), name: model.updatedBy.displayName })
          : t('orgModel.neverChanged')}
      </p>
      {conflict ? (
        <div className="banner banner--warning" role="alert" tabIndex={-1} ref={conflictRef}>
          <p>{t('orgModel.conflict')}</p>
          <button type="button" className="button button--secondary" onClick={() => void reload()}>
            {t('conflict.reload')}
          </button>
        </div>
      ) : null}
      <ProblemAlert error={error} />
      <div className="org-model__layout">
        <form onSubmit={save} noValidate className="form org-model__form" aria-busy={busy || undefined}>
          <RadioGroupField
            id={`${prefix}-caseManagement`}
            legend={t('orgModel.caseManagement')}
            hint={t('orgModel.caseManagementHint')}
            options={CASE_MANAGEMENT_APPROACHES.map((v) => ({ value: v, label: CASE_MANAGEMENT_APPROACH_LABELS_DE[v] }))}
            value={values.caseManagement}
            onChange={(v) => setValues((x) => ({ ...x, caseManagement: v as CareModel['caseManagement'] }))}
          />
          <RadioGroupField
            id={`${prefix}-placement`}
            legend={t('orgModel.placement')}
            options={PLACEMENT_MODES.map((v) => ({ value: v, label: PLACEMENT_MODE_LABELS_DE[v] }))}
            value={values.placement}
            onChange={(v) => setValues((x) => ({ ...x, placement: v as CareModel['placement'] }))}
          />
          <RadioGroupField
            id={`${prefix}-benefits`}
            legend={t('orgModel.benefits')}
            options={BENEFITS_MODES.map((v) => ({ value: v, label: BENEFITS_MODE_LABELS_DE[v] }))}
            value={values.benefits}
            onChange={(v) => setValues((x) => ({ ...x, benefits: v as CareModel['benefits'] }))}
          />
          <CheckboxField
            id={`${prefix}-mixedTeams`}
            label={t('orgModel.mixedTeams')}
            hint={t('orgModel.mixedTeamsHint')}
            checked={values.mixedTeams}
            onChange={(mixedTeams) => setValues((x) => ({ ...x, mixedTeams }))}
          />
          <div className="button-row form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('common.saving') : t('orgModel.save', { group: groupShort })}
            </button>
          </div>
        </form>
        <TypePanel id={`${prefix}-type`} type={type} savedCode={changed ? model.type.code : null} />
      </div>
    </section>
  );
}

/** The type the chosen criteria make, announced politely as it changes. */
function TypePanel({ id, type, savedCode }: { id: string; type: ReturnType<typeof iawTypeOf>; savedCode: string | null }) {
  return (
    <aside className="org-model__type" aria-labelledby={`${id}-heading`}>
      <div aria-live="polite" aria-atomic="true">
        <h3 id={`${id}-heading`} className="org-model__code">
          {t('orgModel.typeHeading', { code: type.code })}
        </h3>
        {savedCode && savedCode !== type.code ? <p className="muted">{t('orgModel.typeChanged', { code: savedCode })}</p> : null}
      </div>
      <h4>{t('orgModel.typeMeaning')}</h4>
      <ul>
        {type.meaningDe.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {type.notesDe.length > 0 ? (
        <>
          <h4>{t('orgModel.typeNotes')}</h4>
          <ul>
            {type.notesDe.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
