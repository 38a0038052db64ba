import type { Offer } from '@lotse/contracts';
import { CHARGE_UNIT_LABELS_DE, chargeAmountCents, chargeUnitsValid, isPerCaseFinancing, type PerCaseFinancingModel } from '@lotse/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { CaseFormFrame, type FieldProblem, useCaseForm } from '../cases/caseFormKit';
import { useRemote } from '../referrals/useRemote';
import * as costs from './costsApi';
import { formatEuro } from './kit';
import { formatUnits, parseUnits } from './moneyInput';

type ChargeableReferral = costs.ChargeList['chargeableReferrals'][number];

const monthName = new Intl.DateTimeFormat('de-DE', { month: 'long', timeZone: 'UTC' });

/** "2026-03" → "März 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${monthName.format(new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1)))} ${y}`;
}

/**
 * The months of `year` a charge may be for: within the referral's run (start month to end month)
 * and not after the current month; every month of the year up to now without a referral chosen.
 */
export function chargeableMonths(year: number, referral: ChargeableReferral | undefined, today: string): string[] {
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month > today.slice(0, 7)) break;
    if (referral && month < referral.startedOn.slice(0, 7)) continue;
    if (referral?.endedOn && month > referral.endedOn.slice(0, 7)) continue;
    months.push(month);
  }
  return months;
}

function referralLabel(r: ChargeableReferral): string {
  return r.endedOn
    ? t('cooperation.chargeReferralEnded', { ref: r.reference, start: formatDate(r.startedOn), end: formatDate(r.endedOn) })
    : t('cooperation.chargeReferralRunning', { ref: r.reference, start: formatDate(r.startedOn) });
}

/**
 * The charges of a per-case financed offer in a year (no person data: referrals by short reference)
 * and, for the coordination, the form to record one; it shows the amount before saving.
 */
export function ChargesPanel(props: { offer: Offer; year: number; canRecord: boolean; onRecorded: () => void }) {
  const { offer, year } = props;
  const fetchCharges = useCallback((signal?: AbortSignal) => costs.listCharges(offer.id, year, signal), [offer.id, year]);
  const remote = useRemote(fetchCharges);
  const list = remote.data;
  const [reversing, setReversing] = useState<costs.Charge | null>(null);

  const columns: Column<costs.Charge>[] = [
    { key: 'ref', header: t('cooperation.chargeColReferral'), render: (c) => <code>{c.referralReference}</code>, rowHeader: true },
    { key: 'month', header: t('cooperation.chargeColMonth'), render: (c) => monthLabel(c.serviceMonth) },
    { key: 'units', header: t('cooperation.chargeColUnits'), render: (c) => formatUnits(c.units), className: 'num' },
    { key: 'amount', header: t('cooperation.chargeColAmount'), render: (c) => formatEuro(c.amountCents), className: 'num' },
    { key: 'note', header: t('cooperation.chargeColNote'), render: (c) => c.note ?? '' },
    {
      key: 'recorded',
      header: t('cooperation.chargeColRecorded'),
      render: (c) => `${formatDateTime(c.recordedAt)}, ${c.recordedBy.displayName}`,
    },
    {
      key: 'status',
      header: t('cooperation.chargeColStatus'),
      render: (c) =>
        c.reversesChargeId ? (
          t('cooperation.chargeIsReversal', { reason: c.reason ?? '' })
        ) : c.reversedByChargeId ? (
          t('cooperation.chargeReversed')
        ) : props.canRecord ? (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('cooperation.chargeReverseLabel', {
              ref: c.referralReference,
              month: monthLabel(c.serviceMonth),
              amount: formatEuro(c.amountCents),
            })}
            onClick={() => setReversing(c)}
          >
            {t('cooperation.chargeReverse')}
          </button>
        ) : (
          ''
        ),
    },
  ];

  return (
    <div className="offer-costs__charges">
      <h3 id="offer-charges-heading">{t('cooperation.chargesHeading', { year })}</h3>
      <p className="muted">{t('cooperation.chargesIntro')}</p>
      <ProblemAlert error={remote.error} onRetry={() => void remote.load()} />
      {!list && !remote.error ? <p className="muted">{t('app.loading')}</p> : null}
      {list && list.items.length === 0 ? <p className="muted">{t('cooperation.chargesNone', { year })}</p> : null}
      {list && list.items.length > 0 ? (
        <>
          <DataTable caption={t('cooperation.chargesCaption', { year })} columns={columns} rows={list.items} rowKey={(c) => c.id} />
          <p>
            <strong>{t('cooperation.chargesTotal', { year, amount: formatEuro(list.totalCents) })}</strong>
          </p>
        </>
      ) : null}
      {reversing && props.canRecord ? (
        <ReversalForm
          key={reversing.id}
          offerId={offer.id}
          charge={reversing}
          onClose={() => setReversing(null)}
          onReversed={async () => {
            setReversing(null);
            await remote.load();
            props.onRecorded();
          }}
        />
      ) : null}
      {list && props.canRecord ? (
        <ChargeForm
          offer={offer}
          year={year}
          list={list}
          onRecorded={async () => {
            await remote.load();
            props.onRecorded();
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * Cancels a recorded charge: the reason is required; the server books the negated amount in the same
 * service month (docs/api-planning.md). The typed reason stays when the server refuses.
 */
function ReversalForm(props: { offerId: string; charge: costs.Charge; onClose: () => void; onReversed: () => Promise<void> }) {
  const { charge } = props;
  const announce = useAnnounce();
  const keyFor = useIdempotencyKey();
  const form = useCaseForm<{ reason: string }>({ reason: '' });
  const headingId = 'charge-reversal-heading';
  // Opened from a row's button: the focus moves to the form, so keyboard and screen-reader users land in it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const month = monthLabel(charge.serviceMonth);
  const check = (): FieldProblem[] => {
    const reason = form.values.reason.trim();
    if (!reason) return [{ field: 'reason', message: t('validation.required') }];
    if (reason.length > 500) return [{ field: 'reason', message: t('validation.tooLong', { max: 500 }) }];
    return [];
  };
  const save = () =>
    void form.submit(check, async () => {
      const body = { reason: form.values.reason.trim() };
      const res = await costs.reverseCharge(props.offerId, charge.id, body, keyFor({ chargeId: charge.id, ...body }));
      await props.onReversed();
      announce(t('cooperation.chargeReversalDone', { ref: charge.referralReference, month, amount: formatEuro(res.data.amountCents) }));
    });
  return (
    <section className="offer-costs__form" aria-labelledby={headingId}>
      <h4 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('cooperation.chargeReversalHeading')}
      </h4>
      <p>
        {t('cooperation.chargeReversalIntro', {
          ref: charge.referralReference,
          month,
          amount: formatEuro(charge.amountCents),
          negative: formatEuro(-charge.amountCents),
        })}
      </p>
      <CaseFormFrame
        form={form}
        fields={{ reason: { id: 'charge-reversal-reason', label: t('cooperation.chargeReversalReason') } }}
        onSubmit={save}
        submitLabel={t('cooperation.chargeReversalSave')}
        onCancel={props.onClose}
        labelledBy={headingId}
      >
        <TextField
          id="charge-reversal-reason"
          label={t('cooperation.chargeReversalReason')}
          hint={t('cooperation.chargeReversalReasonHint')}
          required
          width="long"
          maxLength={500}
          autoComplete="off"
          value={form.values.reason}
          onChange={form.set('reason')}
          error={form.err('reason')}
        />
      </CaseFormFrame>
    </section>
  );
}

interface ChargeValues {
  referralId: string;
  serviceMonth: string;
  units: string;
  note: string;
}

const FIELD_IDS = { referralId: 'charge-referral', serviceMonth: 'charge-month', units: 'charge-units', note: 'charge-note' } as const;

function ChargeForm(props: { offer: Offer; year: number; list: costs.ChargeList; onRecorded: () => Promise<void> }) {
  const { offer, year, list } = props;
  const announce = useAnnounce();
  const keyFor = useIdempotencyKey();
  const form = useCaseForm<ChargeValues>({ referralId: '', serviceMonth: '', units: '', note: '' });
  const model = offer.financingModel;
  const today = todayIso();

  if (!isPerCaseFinancing(model)) return null;
  const headingId = 'charge-form-heading';
  if (list.priceCents === null) {
    return (
      <div className="banner banner--warning" role="note">
        <p className="banner__title">{t('cooperation.chargePriceMissingTitle')}</p>
        <p>
          {t('cooperation.chargePriceMissing')} <Link to={`/angebote/${offer.id}/bearbeiten`}>{t('cooperation.offerEdit')}</Link>
        </p>
      </div>
    );
  }
  if (list.chargeableReferrals.length === 0) return <p className="muted">{t('cooperation.chargeNoReferrals', { year })}</p>;

  const price = list.priceCents;
  const referral = list.chargeableReferrals.find((r) => r.id === form.values.referralId);
  const months = chargeableMonths(year, referral, today);
  const units = parseUnits(form.values.units);
  const unitsOk = typeof units === 'number' && chargeUnitsValid(model as PerCaseFinancingModel, units);
  const unitLabel = CHARGE_UNIT_LABELS_DE[model as PerCaseFinancingModel];

  const check = (): FieldProblem[] => {
    const problems: FieldProblem[] = [];
    if (!form.values.referralId) problems.push({ field: 'referralId', message: t('validation.choose') });
    if (!form.values.serviceMonth) problems.push({ field: 'serviceMonth', message: t('validation.choose') });
    else if (!months.includes(form.values.serviceMonth))
      problems.push({ field: 'serviceMonth', message: t('cooperation.chargeMonthOutside') });
    if (units === undefined) problems.push({ field: 'units', message: t('validation.required') });
    else if (!unitsOk)
      problems.push({
        field: 'units',
        message:
          model === 'specialist_hours'
            ? t('cooperation.chargeUnitsHours')
            : t(model === 'tiered_case_flat_rate' ? 'cooperation.chargeUnitsHalf' : 'cooperation.chargeUnitsWhole', { unit: unitLabel }),
      });
    if (form.values.note.trim().length > 500) problems.push({ field: 'note', message: t('validation.tooLong', { max: 500 }) });
    return problems;
  };

  const save = () =>
    void form.submit(check, async () => {
      const body: costs.CreateChargeBody = {
        referralId: form.values.referralId,
        serviceMonth: form.values.serviceMonth,
        units: units as number,
        note: form.values.note.trim() || null,
      };
      const res = await costs.createCharge(offer.id, body, keyFor(body));
      form.reset({ referralId: form.values.referralId, serviceMonth: '', units: '', note: '' });
      await props.onRecorded();
      announce(
        t('cooperation.chargeRecorded', {
          amount: formatEuro(res.data.amountCents),
          ref: res.data.referralReference,
          month: monthLabel(res.data.serviceMonth),
        }),
      );
    });

  return (
    <div className="offer-costs__form">
      <h4 id={headingId}>{t('cooperation.chargeFormHeading')}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          referralId: { id: FIELD_IDS.referralId, label: t('cooperation.chargeReferral') },
          serviceMonth: { id: FIELD_IDS.serviceMonth, label: t('cooperation.chargeMonth') },
          units: { id: FIELD_IDS.units, label: t('cooperation.chargeUnits', { unit: unitLabel }) },
          note: { id: FIELD_IDS.note, label: t('cooperation.chargeNote') },
        }}
        onSubmit={save}
        submitLabel={t('cooperation.chargeSave')}
        labelledBy={headingId}
      >
        <SelectField
          id={FIELD_IDS.referralId}
          label={t('cooperation.chargeReferral')}
          hint={t('cooperation.chargeReferralHint')}
          required
          width="long"
          value={form.values.referralId}
          onChange={(referralId) =>
            form.setValues((v) => {
              const chosen = list.chargeableReferrals.find((r) => r.id === referralId);
              // A month outside the newly chosen referral's run is cleared.
              const keep = chargeableMonths(year, chosen, today).includes(v.serviceMonth);
              return { ...v, referralId, serviceMonth: keep ? v.serviceMonth : '' };
            })
          }
          error={form.err('referralId')}
          options={[
            { value: '', label: t('form.choose') },
            ...list.chargeableReferrals.map((r) => ({ value: r.id, label: referralLabel(r) })),
          ]}
        />
        <div className="field-row">
          <SelectField
            id={FIELD_IDS.serviceMonth}
            label={t('cooperation.chargeMonth')}
            hint={t('cooperation.chargeMonthHint')}
            required
            value={form.values.serviceMonth}
            onChange={form.set('serviceMonth')}
            error={form.err('serviceMonth')}
            options={[{ value: '', label: t('form.choose') }, ...months.map((m) => ({ value: m, label: monthLabel(m) }))]}
          />
          <TextField
            id={FIELD_IDS.units}
            label={t('cooperation.chargeUnits', { unit: unitLabel })}
            hint={
              model === 'specialist_hours'
                ? t('cooperation.chargeUnitsHoursHint')
                : t(model === 'tiered_case_flat_rate' ? 'cooperation.chargeUnitsHalfHint' : 'cooperation.chargeUnitsWholeHint')
            }
            required
            width="short"
            inputMode="text"
            autoComplete="off"
            value={form.values.units}
            onChange={form.set('units')}
            error={form.err('units')}
          />
        </div>
        <p className="offer-costs__amount" aria-live="polite" id="charge-amount">
          {unitsOk
            ? t('cooperation.chargeAmountPreview', {
                amount: formatEuro(chargeAmountCents(model as PerCaseFinancingModel, price, units as number)),
                units: formatUnits(units as number),
                unit: unitLabel,
                price: formatEuro(price),
              })
            : t('cooperation.chargeAmountPending', { price: formatEuro(price) })}
        </p>
        <TextField
          id={FIELD_IDS.note}
          label={`${t('cooperation.chargeNote')} ${t('common.optional')}`}
          hint={t('cooperation.chargeNoteHint')}
          width="long"
          maxLength={500}
          autoComplete="off"
          value={form.values.note}
          onChange={form.set('note')}
          error={form.err('note')}
        />
      </CaseFormFrame>
    </div>
  );
}
