import {
  OFFER_TARGET_GROUP_LABELS_DE,
  REFERRAL_STATUS_LABELS_DE,
  SERVICE_TYPE_LABELS_DE,
  SERVICE_TYPES,
  type ServiceType,
  TARGET_GROUP_LABELS_DE,
} from '@lotse/domain';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import { Badge } from '../../components/Badge';
import { CheckboxField, SelectField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { useDraftState } from '../cases/caseFileContext';
import { barriersInOrder } from '../cases/caseFileData';
import { focusWhenReady, GroupedSelectField } from '../cases/caseFormKit';
import { suggestUnmetNeedReason } from '../organisation/planningInputs';
import * as api from './api';
import { addressLine, capacityText, formatKm, waitingText } from './referralFormat';
import { SECTION_IDS } from './sectionIds';
import { OPEN_REFERRAL_STATUSES, type ReferralsTabState } from './tabState';
import { UNMET_FORM_KEY, UNMET_OPEN_ID, UnmetNeedForm, type UnmetNeedPrefill, type UnmetNeedsState } from './UnmetNeedsSection';

interface SearchParams {
  serviceType: string;
  matchTargetGroup: boolean;
  freeCapacityOnly: boolean;
  maxDistanceKm: string;
}

interface SearchRun {
  params: SearchParams;
  result: api.OfferSearchResult;
}

const DISTANCES = ['2', '5', '10', '25', '50', '100'];
const PARAMS_KEY = 'offer-search:params';
const RESULT_KEY = 'offer-search:result';
export const SEARCH_FIRST_FIELD = 'offer-service-type';

/** Service types of the case's active barriers, in their order of treatment (for the preselection). */
function serviceTypesOfBarriers(tab: ReferralsTabState): { type: ServiceType; barrier: string }[] {
  const seen = new Set<ServiceType>();
  const list: { type: ServiceType; barrier: string }[] = [];
  for (const b of barriersInOrder(tab.context.overview.barriers)) {
    for (const s of b.serviceTypes) {
      if (!seen.has(s)) {
        seen.add(s);
        list.push({ type: s, barrier: b.barrierType.label });
      }
    }
  }
  return list;
}

/**
 * "Angebot finden": offers near the person's home, with distance, capacity, waiting time and consent.
 * After a search the case manager can record an unmet need when no offer fits (SPEC C12).
 */
export function OfferSearchSection({ tab, unmet }: { tab: ReferralsTabState; unmet: UnmetNeedsState }) {
  const { context } = tab;
  const { drafts, overview } = context;
  const announce = useAnnounce();
  const fromBarriers = serviceTypesOfBarriers(tab);
  const [params, setParamsState] = useState<SearchParams>(
    () =>
      (drafts.get(PARAMS_KEY) as SearchParams | undefined) ?? {
        serviceType: fromBarriers[0]?.type ?? '',
        matchTargetGroup: true,
        freeCapacityOnly: false,
        maxDistanceKm: '',
      },
  );
  const [run, setRunState] = useState<SearchRun | null>(() => (drafts.get(RESULT_KEY) as SearchRun | undefined) ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [unmetPrefill, setUnmetPrefill] = useDraftState<UnmetNeedPrefill | null>(drafts, UNMET_FORM_KEY, null);
  const [checking, setChecking] = useState(false);

  const setParams = (next: Partial<SearchParams>) => {
    const merged = { ...params, ...next };
    drafts.set(PARAMS_KEY, merged);
    setParamsState(merged);
  };

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.searchOffers({
        caseId: overview.id,
        serviceType: params.serviceType || undefined,
        matchTargetGroup: params.matchTargetGroup,
        freeCapacityOnly: params.freeCapacityOnly,
        maxDistanceKm: params.maxDistanceKm ? Number(params.maxDistanceKm) : undefined,
        limit: 50,
      });
      const next = { params, result };
      drafts.set(RESULT_KEY, next);
      setRunState(next);
      announce(result.items.length === 1 ? t('referrals.searchFoundOne') : t('referrals.searchFound', { count: result.items.length }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  /**
   * Opens the unmet-need form with the searched service type and a reason derived from the offers of
   * that type. The search's own filters (free places, distance, target group) hide exactly the offers
   * that tell the reason, so they are looked up once more without them.
   */
  const openUnmetForm = async (done: SearchRun) => {
    if (checking) return;
    const { params: p, result } = done;
    let offers = result.items;
    if (p.serviceType && (p.freeCapacityOnly || p.maxDistanceKm || p.matchTargetGroup)) {
      setChecking(true);
      try {
        offers = (
          await api.searchOffers({
            caseId: overview.id,
            serviceType: p.serviceType,
            matchTargetGroup: false,
            freeCapacityOnly: false,
            limit: 50,
          })
        ).items;
      } catch {
        // The suggestion then rests on the search's own hits; the case manager checks it anyway.
      } finally {
        setChecking(false);
      }
    }
    const reason = p.serviceType
      ? suggestUnmetNeedReason(
          offers.map((h) => ({ distanceKm: h.distanceKm, freeCapacity: h.offer.freeCapacity, targetGroups: h.offer.targetGroups })),
          {
            maxDistanceKm: p.maxDistanceKm ? Number(p.maxDistanceKm) : null,
            matchTargetGroup: p.matchTargetGroup,
            personTargetGroups: result.personTargetGroups,
          },
        )
      : '';
    setUnmetPrefill({ serviceType: p.serviceType, reason });
    focusWhenReady('unmet-form-heading');
  };

  const barrierTypes = new Set(fromBarriers.map((f) => f.type));
  const groups = [
    ...(fromBarriers.length
      ? [
          {
            label: t('referrals.serviceTypesOfBarriers'),
            options: fromBarriers.map((f) => ({ value: f.type, label: SERVICE_TYPE_LABELS_DE[f.type] })),
          },
        ]
      : []),
    {
      label: fromBarriers.length ? t('referrals.serviceTypesOther') : t('referrals.serviceTypesAll'),
      options: SERVICE_TYPES.filter((s) => !barrierTypes.has(s)).map((s) => ({ value: s, label: SERVICE_TYPE_LABELS_DE[s] })),
    },
  ];
  const preselectHint = fromBarriers.length > 0 ? t('referrals.serviceTypeHintBarriers') : t('referrals.serviceTypeHintNone');
  const personGroups = overview.person.targetGroups.map((g) => TARGET_GROUP_LABELS_DE[g]).join(', ');

  return (
    <section className="case-section ref-section" aria-labelledby={SECTION_IDS.search}>
      <h3 id={SECTION_IDS.search} tabIndex={-1}>
        {t('referrals.searchTitle')}
      </h3>
      <p className="field-hint">{t('referrals.searchIntro')}</p>
      <form className="card ref-search" onSubmit={(e) => void search(e)} aria-labelledby={SECTION_IDS.search} noValidate>
        <div className="ref-search__row">
          <GroupedSelectField
            id={SEARCH_FIRST_FIELD}
            label={t('referrals.serviceType')}
            hint={preselectHint}
            value={params.serviceType}
            onChange={(v) => setParams({ serviceType: v })}
            groups={groups}
            placeholder={t('referrals.serviceTypeAny')}
          />
          <SelectField
            id="offer-max-distance"
            label={t('referrals.maxDistance')}
            width="short"
            value={params.maxDistanceKm}
            onChange={(v) => setParams({ maxDistanceKm: v })}
            options={[
              { value: '', label: t('referrals.maxDistanceAny') },
              ...DISTANCES.map((d) => ({ value: d, label: t('referrals.maxDistanceKm', { km: d }) })),
            ]}
          />
        </div>
        <div className="ref-search__row">
          <CheckboxField
            id="offer-match-group"
            label={t('referrals.matchTargetGroup')}
            hint={personGroups ? t('referrals.matchTargetGroupHint', { groups: personGroups }) : t('referrals.matchTargetGroupNone')}
            checked={params.matchTargetGroup}
            onChange={(v) => setParams({ matchTargetGroup: v })}
          />
          <CheckboxField
            id="offer-free-only"
            label={t('referrals.freeOnly')}
            hint={t('referrals.freeOnlyHint')}
            checked={params.freeCapacityOnly}
            onChange={(v) => setParams({ freeCapacityOnly: v })}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {t('referrals.searchSubmit')}
          </button>
          {busy ? (
            <span className="muted" role="status">
              {t('referrals.searching')}
            </span>
          ) : null}
        </div>
      </form>
      <ProblemAlert error={error} />
      {run ? <SearchResults tab={tab} run={run} /> : null}
      {run && tab.canEdit && !unmetPrefill ? (
        <UnmetNeedAction run={run} checking={checking} onOpen={() => void openUnmetForm(run)} />
      ) : null}
      {tab.canEdit && unmetPrefill ? (
        <UnmetNeedForm
          tab={tab}
          unmet={unmet}
          prefill={unmetPrefill}
          onClose={(saved) => {
            setUnmetPrefill(null);
            focusWhenReady(saved ? `unmet-${saved.id}` : UNMET_OPEN_ID);
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * "Kein passendes Angebot – ungedeckten Bedarf erfassen": always offered after a search, and stressed
 * when the search found nothing or nothing with a free place.
 */
function UnmetNeedAction({ run, checking, onOpen }: { run: SearchRun; checking: boolean; onOpen: () => void }) {
  const items = run.result.items;
  const nothingFits = items.length === 0 || items.every((h) => h.offer.freeCapacity === 0);
  return (
    <div className={nothingFits ? 'banner banner--info ref-unmet-action' : 'ref-unmet-action'}>
      <p className="field-hint">{t('organisation.unmetActionHint')}</p>
      <div className="button-row">
        <button
          type="button"
          id={UNMET_OPEN_ID}
          className={nothingFits ? 'button button--primary' : 'button button--secondary'}
          aria-disabled={checking || undefined}
          onClick={onOpen}
        >
          {t('organisation.unmetAction')}
        </button>
        {checking ? (
          <span className="muted" role="status">
            {t('organisation.unmetChecking')}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function SearchResults({ tab, run }: { tab: ReferralsTabState; run: SearchRun }) {
  const { result, params } = run;
  const openByOffer = new Map<string, string>();
  for (const r of tab.referrals ?? []) {
    if ((OPEN_REFERRAL_STATUSES as readonly string[]).includes(r.status)) openByOffer.set(r.offer.id, REFERRAL_STATUS_LABELS_DE[r.status]);
  }
  const serviceType = params.serviceType ? (params.serviceType as ServiceType) : null;

  const choose = (hit: api.OfferSearchHit) => {
    tab.choose({
      offerId: hit.offer.id,
      offerName: hit.offer.name,
      serviceType: hit.offer.serviceType,
      providerId: hit.offer.provider.id,
      providerName: hit.offer.provider.name,
    });
    focusWhenReady('referral-form-heading');
  };

  if (result.items.length === 0) {
    return (
      <div className="empty-state" role="status">
        <p className="empty-state__title">{t('referrals.noOffersTitle')}</p>
        <p>{serviceType ? t('referrals.noOffersFor', { type: SERVICE_TYPE_LABELS_DE[serviceType] }) : t('referrals.noOffersAny')}</p>
        <ul>
          {params.freeCapacityOnly ? <li>{t('referrals.noOffersTryFree')}</li> : null}
          {params.maxDistanceKm ? <li>{t('referrals.noOffersTryDistance')}</li> : null}
          {params.matchTargetGroup ? <li>{t('referrals.noOffersTryGroup')}</li> : null}
          {serviceType ? <li>{t('referrals.noOffersTryType')}</li> : null}
        </ul>
        {serviceType ? (
          <p>
            <Link to={`/handbuch/${serviceType}`}>{t('referrals.handbookLink', { type: SERVICE_TYPE_LABELS_DE[serviceType] })}</Link>
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="ref-results">
      {/* Announced once through the shell's live region (announce above); a second live region would repeat it. */}
      <p className="ref-results__count">
        {result.items.length === 1 ? t('referrals.searchFoundOne') : t('referrals.searchFound', { count: result.items.length })}
        {result.personLocated ? ` ${t('referrals.sortedByDistance')}` : ''}
      </p>
      {!result.personLocated ? <p className="banner banner--info">{t('referrals.personNotLocated')}</p> : null}
      {serviceType ? (
        <p>
          <Link to={`/handbuch/${serviceType}`}>{t('referrals.handbookLink', { type: SERVICE_TYPE_LABELS_DE[serviceType] })}</Link>
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data-table ref-results__table">
          <caption className="visually-hidden">{t('referrals.resultsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referrals.colDistance')}</th>
              <th scope="col">{t('referrals.colOffer')}</th>
              <th scope="col">{t('referrals.colProvider')}</th>
              <th scope="col">{t('referrals.colLocation')}</th>
              <th scope="col">{t('referrals.colCapacity')}</th>
              <th scope="col">{t('referrals.colWaiting')}</th>
              <th scope="col">{t('referrals.colConsent')}</th>
              {tab.canEdit ? (
                <th scope="col">
                  <span className="visually-hidden">{t('referrals.colAction')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {result.items.map((hit) => {
              const { offer, nearestLocation: loc } = hit;
              const open = openByOffer.get(offer.id);
              return (
                <tr key={offer.id}>
                  <td className="nowrap num">{hit.distanceKm === null ? t('common.none') : formatKm(hit.distanceKm)}</td>
                  <th scope="row">
                    <span className="ref-results__offer">{offer.name}</span>
                    <span className="muted ref-results__sub">{SERVICE_TYPE_LABELS_DE[offer.serviceType]}</span>
                    {offer.targetGroups.includes('all') ? null : (
                      <span className="muted ref-results__sub">
                        {t('referrals.forGroups', { groups: offer.targetGroups.map((g) => OFFER_TARGET_GROUP_LABELS_DE[g]).join(', ') })}
                      </span>
                    )}
                    {open ? (
                      <span className="ref-results__sub">
                        <Badge tone="neutral">{t('referrals.alreadyOpen', { status: open })}</Badge>
                      </span>
                    ) : null}
                    {serviceType ? null : (
                      <span className="ref-results__sub">
                        <Link to={`/handbuch/${offer.serviceType}`}>
                          {t('referrals.handbookShort')}
                          <span className="visually-hidden">: {SERVICE_TYPE_LABELS_DE[offer.serviceType]}</span>
                        </Link>
                      </span>
                    )}
                  </th>
                  <td>{offer.provider.name}</td>
                  <td>
                    {loc ? (
                      <>
                        {loc.label}
                        <br />
                        <span className="muted">{addressLine(loc)}</span>
                        {loc.accessible ? (
                          <>
                            <br />
                            <span className="muted">{t('referrals.accessible')}</span>
                          </>
                        ) : null}
                      </>
                    ) : (
                      (offer.locations[0]?.label ?? '')
                    )}
                  </td>
                  <td>
                    {capacityText(offer)}
                    {offer.freeCapacity === 0 ? (
                      <>
                        {' '}
                        <Badge tone="danger">{t('referrals.full')}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td>{waitingText(offer.waitingDays)}</td>
                  <td>
                    {hit.consentValid ? (
                      <Badge tone="success">{t('referrals.consentValid')}</Badge>
                    ) : (
                      <Badge tone="neutral">{t('referrals.consentNone')}</Badge>
                    )}
                  </td>
                  {tab.canEdit ? (
                    <td>
                      <button type="button" className="button button--secondary button--small" onClick={() => choose(hit)}>
                        {t('referrals.assign')}
                        <span className="visually-hidden">
                          {' '}
                          {t('referrals.assignHidden', { offer: offer.name, provider: offer.provider.name })}
                        </span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
