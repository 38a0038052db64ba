import { PLANNING_TARGET_GROUPS, SERVICE_TYPE_LABELS_DE, SERVICE_TYPES, TARGET_GROUP_LABELS_DE } from '@lotse/domain';
import { SelectField } from '../../components/FormField';
import { t } from '../../i18n';
import type { PlanningDimensions } from './api';
import { YearField } from './parts';
import type { PlanningSelection } from './query';

/** Which filters are set, in words (for captions and the status line). */
export function filterDescription(s: PlanningSelection, dims: PlanningDimensions | null): string {
  const parts: string[] = [];
  if (s.serviceType) parts.push(SERVICE_TYPE_LABELS_DE[s.serviceType]);
  if (s.regionId) parts.push(dims?.regions.find((r) => r.id === s.regionId)?.name ?? t('planning.filterChosen'));
  if (s.teamId) parts.push(dims?.teams.find((r) => r.id === s.teamId)?.name ?? t('planning.filterChosen'));
  if (s.targetGroup) parts.push(TARGET_GROUP_LABELS_DE[s.targetGroup]);
  return parts.length === 0 ? t('planning.filterNone') : parts.join(' · ');
}

/** A region or team as a filter choice; a deactivated one stays (figures of past years refer to it), marked. */
const dimensionOption = (d: { name: string; active: boolean }) => (d.active ? d.name : t('organisation.inactiveOption', { name: d.name }));

export const hasFilters = (s: PlanningSelection) => Boolean(s.serviceType || s.regionId || s.teamId || s.targetGroup);

/** Year and filters of the dashboard; every change updates the address and reloads the figures. */
export function FilterBar(props: {
  selection: PlanningSelection;
  year: number;
  dimensions: PlanningDimensions;
  onChange: (change: Partial<PlanningSelection>) => void;
  status: string;
}) {
  const { selection: s, dimensions: dims, onChange } = props;
  const all = (label: string) => ({ value: '', label });
  return (
    <form className="card filter-form planning-filters" aria-labelledby="planning-filter-heading" onSubmit={(e) => e.preventDefault()}>
      <h2 id="planning-filter-heading" className="h3">
        {t('planning.filterHeading')}
      </h2>
      <div className="filter-form__row">
        <YearField id="planning-year" years={dims.years} value={props.year} onChange={(year) => onChange({ year })} />
        <SelectField
          id="planning-filter-serviceType"
          label={t('planning.serviceType')}
          value={s.serviceType ?? ''}
          onChange={(v) => onChange({ serviceType: (v || null) as PlanningSelection['serviceType'] })}
          width="long"
          options={[all(t('planning.allServiceTypes')), ...SERVICE_TYPES.map((st) => ({ value: st, label: SERVICE_TYPE_LABELS_DE[st] }))]}
        />
        <SelectField
          id="planning-filter-region"
          label={t('planning.region')}
          sharedHintId="planning-unit-hint"
          value={s.regionId ?? ''}
          onChange={(v) => onChange({ regionId: v || null })}
          options={[all(t('planning.allRegions')), ...dims.regions.map((r) => ({ value: r.id, label: dimensionOption(r) }))]}
        />
        <SelectField
          id="planning-filter-team"
          label={t('planning.team')}
          sharedHintId="planning-unit-hint"
          value={s.teamId ?? ''}
          onChange={(v) => onChange({ teamId: v || null })}
          options={[all(t('planning.allTeams')), ...dims.teams.map((r) => ({ value: r.id, label: dimensionOption(r) }))]}
        />
        <SelectField
          id="planning-filter-targetGroup"
          label={t('planning.targetGroup')}
          value={s.targetGroup ?? ''}
          onChange={(v) => onChange({ targetGroup: (v || null) as PlanningSelection['targetGroup'] })}
          options={[
            all(t('planning.allTargetGroups')),
            ...PLANNING_TARGET_GROUPS.map((g) => ({ value: g, label: TARGET_GROUP_LABELS_DE[g] })),
          ]}
        />
        {hasFilters(s) ? (
          <div className="filter-form__buttons">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                onChange({ serviceType: null, regionId: null, teamId: null, targetGroup: null });
                // The button goes away with the filters: the focus moves to the first filter instead of the page body.
                document.getElementById('planning-filter-serviceType')?.focus();
              }}
            >
              {t('planning.resetFilters')}
            </button>
          </div>
        ) : null}
      </div>
      <p id="planning-unit-hint" className="muted">
        {t('planning.unitHint')}
      </p>
      <p role="status" className="muted">
        {props.status}
      </p>
    </form>
  );
}
