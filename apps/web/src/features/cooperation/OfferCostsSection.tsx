import type { Offer } from '@lotse/contracts';
import { CHARGE_RECORDERS, hasAnyRole, isPerCaseFinancing, PLAN_EDITORS, PLANNING_READERS, sgb2Share } from '@lotse/domain';
import { useCallback, useState } from 'react';
import { SelectField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import { todayIso } from '../../lib/format';
import { useSession } from '../auth/session';
import { useRemote } from '../referrals/useRemote';
import { ChargesPanel } from './ChargesPanel';
import * as costs from './costsApi';
import { formatEuro, Item } from './kit';
import { formatPercent } from './moneyInput';
import { YearPlanForm } from './YearPlanForm';

/** Who sees the section: the planning readers who also open offers (coordinators, team leads). */
export function useCostRights() {
  const { roles } = useSession();
  return {
    visible: hasAnyRole(roles, PLANNING_READERS),
    editPlan: hasAnyRole(roles, PLAN_EDITORS),
    readCharges: hasAnyRole(roles, [...CHARGE_RECORDERS, 'team_lead']),
    recordCharges: hasAnyRole(roles, CHARGE_RECORDERS),
  };
}

/** The selectable years: three back, the next one, and every year that has a plan. */
function yearOptions(current: number, planned: readonly number[]): number[] {
  const years = new Set<number>(planned);
  for (let y = current - 3; y <= current + 1; y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/**
 * "Jahresplanung und Kosten" of an offer (SPEC C13; 000 §9, §10): the year's plan (capacity, budget,
 * actual cost, SGB II share) and, for per-case financing, the charges recorded for its cases.
 */
export function OfferCostsSection({ offer }: { offer: Offer }) {
  const rights = useCostRights();
  const current = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(current);
  // Bumped after a charge is recorded: the plan's charged total is read again.
  const [chargesVersion, setChargesVersion] = useState(0);
  const fetchYears = useCallback((signal?: AbortSignal) => costs.listYearPlans(offer.id, signal), [offer.id]);
  const years = useRemote(fetchYears, rights.visible);
  const perCase = isPerCaseFinancing(offer.financingModel);

  if (!rights.visible) return null;
  const planned = years.data?.items.map((p) => p.year) ?? [];
  return (
    <section className="card offer-costs" aria-labelledby="offer-costs-heading">
      <h2 id="offer-costs-heading">{t('cooperation.costsHeading')}</h2>
      <p className="muted">{perCase ? t('cooperation.costsIntroPerCase') : t('cooperation.costsIntroInstitutional')}</p>
      <SelectField
        id="offer-costs-year"
        label={t('cooperation.costsYear')}
        hint={t('cooperation.costsYearHint')}
        width="short"
        value={String(year)}
        onChange={(v) => setYear(Number(v))}
        options={yearOptions(current, planned).map((y) => ({
          value: String(y),
          label: planned.includes(y) ? String(y) : t('cooperation.costsYearUnplanned', { year: y }),
        }))}
      />
      <YearPlanPanel
        key={`plan-${year}`}
        offer={offer}
        year={year}
        canEdit={rights.editPlan}
        refresh={chargesVersion}
        onSaved={() => void years.load()}
      />
      {perCase && rights.readCharges ? (
        <ChargesPanel
          key={`charges-${year}`}
          offer={offer}
          year={year}
          canRecord={rights.recordCharges}
          onRecorded={() => setChargesVersion((n) => n + 1)}
        />
      ) : null}
      {!perCase ? <p className="banner banner--info">{t('cooperation.costsInstitutionalNote')}</p> : null}
    </section>
  );
}

/** The plan of one year: its figures, and the form for plan editors. */
function YearPlanPanel(props: { offer: Offer; year: number; canEdit: boolean; refresh: number; onSaved: () => void }) {
  const { offer, year, refresh } = props;
  // Returns `refresh` with the plan, so a new charge (a new `refresh`) reads the charged total again.
  const fetchPlan = useCallback(
    async (signal?: AbortSignal) => ({ plan: await costs.getYearPlan(offer.id, year, signal), refresh }),
    [offer.id, year, refresh],
  );
  const remote = useRemote(fetchPlan);
  const loaded = remote.data !== null;
  const plan = remote.data?.plan ?? null;

  return (
    <div className="offer-costs__plan">
      <h3 id="offer-year-plan-heading">{t('cooperation.yearPlanHeading', { year })}</h3>
      <ProblemAlert error={remote.error} onRetry={() => void remote.load()} />
      {!loaded && !remote.error ? <p className="muted">{t('app.loading')}</p> : null}
      {plan ? <YearPlanFigures offer={offer} plan={plan} /> : null}
      {loaded && !plan ? <p className="muted">{t('cooperation.yearPlanNone', { year })}</p> : null}
      {props.canEdit && loaded ? (
        <YearPlanForm
          offer={offer}
          year={year}
          plan={plan}
          reload={() => costs.getYearPlan(offer.id, year)}
          onSaved={(saved) => {
            remote.setData({ plan: saved, refresh });
            props.onSaved();
          }}
        />
      ) : null}
    </div>
  );
}

/** What the year's plan says, with the cost of the year and its SGB II share. */
function YearPlanFigures({ offer, plan }: { offer: Offer; plan: costs.OfferYearPlan }) {
  const perCase = isPerCaseFinancing(offer.financingModel);
  // The year's actual cost: the booked amount when entered, otherwise (per-case financing) the charges.
  const actual = plan.actualCostCents ?? (perCase ? plan.chargedCostCents : null);
  return (
    <dl className="dl offer-costs__figures">
      <Item label={t('cooperation.yearPlanPlannedCases')}>{plan.plannedCases === null ? null : String(plan.plannedCases)}</Item>
      <Item label={t('cooperation.yearPlanPlannedCost')}>{formatEuro(plan.plannedCostCents)}</Item>
      <Item label={t('cooperation.yearPlanActualCost')}>{plan.actualCostCents === null ? null : formatEuro(plan.actualCostCents)}</Item>
      {perCase ? <Item label={t('cooperation.yearPlanCharged')}>{formatEuro(plan.chargedCostCents)}</Item> : null}
      <Item label={t('cooperation.yearPlanSgb2Share')}>
        {formatPercent(plan.sgb2SharePercent)}
        {actual !== null ? (
          <span className="muted">
            {' '}
            · {t('cooperation.yearPlanSgb2Amount', { amount: formatEuro(sgb2Share(actual, plan.sgb2SharePercent)) })}
          </span>
        ) : null}
      </Item>
      {!perCase ? (
        <Item label={t('cooperation.yearPlanAverage')}>
          {plan.averageCostPerCaseCents === null ? (
            <span className="muted">{t('cooperation.yearPlanAverageNone')}</span>
          ) : (
            formatEuro(plan.averageCostPerCaseCents)
          )}
        </Item>
      ) : null}
      <Item label={t('cooperation.yearPlanNote')}>{plan.note ? <span className="pre-line">{plan.note}</span> : null}</Item>
    </dl>
  );
}
