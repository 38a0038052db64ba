import type { ReferralStatus } from '@lotse/domain';
import { useCallback } from 'react';
import { type Column, DataTable } from '../../components/DataTable';
import { TextField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useDraftState } from '../cases/caseFileContext';
import { CaseFormFrame, Checks, DateField, focusWhenReady, RadioGroupField, todayGerman, useCaseForm } from '../cases/caseFormKit';
import type * as api from './api';
import { topLevelProblems } from './ConsentsSection';
import * as childcare from './childcareApi';
import type { ReferralsTabState } from './tabState';
import { useRemote } from './useRemote';

/** Statuses in which the provider has taken (or took) the child into care: arrangements can be recorded. */
const RECORDABLE: readonly ReferralStatus[] = ['accepted', 'started', 'completed', 'dropped_out'];
const OTHER_CHILD = 'other';

/**
 * "Betreuungsarrangements" of a childcare referral (000 §9: "Für jede Kinderbetreuung ist jeweils eine
 * Maßnahme zu erfassen"): one arrangement per child with begin and end; the responsible case manager
 * adds them (children of the household to choose from) and enters their end.
 */
export function ChildcareArrangements({ tab, referral: r }: { tab: ReferralsTabState; referral: api.Referral }) {
  const fetchList = useCallback((signal?: AbortSignal) => childcare.listChildcareArrangements(r.id, signal), [r.id]);
  const remote = useRemote(fetchList);
  const [adding, setAdding] = useDraftState<boolean>(tab.context.drafts, `childcare-add:${r.id}`, false);
  const [ending, setEnding] = useDraftState<string | null>(tab.context.drafts, `childcare-end:${r.id}`, null);
  const headingId = `referral-${r.id}-childcare`;
  const addToggleId = `referral-${r.id}-childcare-add`;
  const canAdd = tab.canEdit && RECORDABLE.includes(r.status);
  const list = remote.data;

  const columns: Column<childcare.ChildcareArrangement>[] = [
    { key: 'child', header: t('referrals.childcareColChild'), render: (a) => a.child.label, rowHeader: true },
    { key: 'begins', header: t('referrals.childcareColBegins'), render: (a) => formatDate(a.beginsOn) },
    {
      key: 'ends',
      header: t('referrals.childcareColEnds'),
      render: (a) => (a.endsOn ? formatDate(a.endsOn) : <span className="muted">{t('referrals.childcareOpen')}</span>),
    },
  ];
  if (tab.canEdit) {
    columns.push({
      key: 'action',
      header: <span className="visually-hidden">{t('referrals.childcareColAction')}</span>,
      render: (a) => (
        <button
          type="button"
          id={`childcare-${a.id}-end-toggle`}
          className="button button--secondary button--small"
          aria-expanded={ending === a.id}
          onClick={() => {
            setEnding(ending === a.id ? null : a.id);
            if (ending !== a.id) focusWhenReady(`childcare-${a.id}-ends`);
          }}
        >
          {a.endsOn ? t('referrals.childcareEndCorrect') : t('referrals.childcareEnd')}
          <span className="visually-hidden"> {t('referrals.childcareFor', { child: a.child.label })}</span>
        </button>
      ),
    });
  }
  const endingArrangement = list?.items.find((a) => a.id === ending) ?? null;

  return (
    <section className="ref-childcare" aria-labelledby={headingId}>
      <h5 id={headingId} tabIndex={-1}>
        {t('referrals.childcareTitle')}
      </h5>
      <p className="muted">{t('referrals.childcareIntro')}</p>
      <ProblemAlert error={remote.error} onRetry={() => void remote.load()} />
      {!list && !remote.error ? <p className="muted">{t('referrals.childcareLoading')}</p> : null}
      {list && list.items.length === 0 ? <p className="muted">{t('referrals.childcareNone')}</p> : null}
      {list && list.items.length > 0 ? (
        <DataTable
          caption={t('referrals.childcareCaption', { offer: r.offer.name })}
          captionHidden
          columns={columns}
          rows={list.items}
          rowKey={(a) => a.id}
        />
      ) : null}
      {endingArrangement && tab.canEdit ? (
        <EndForm
          tab={tab}
          arrangement={endingArrangement}
          onClose={async (done) => {
            setEnding(null);
            if (done) await remote.load();
            focusWhenReady(done ? headingId : `childcare-${endingArrangement.id}-end-toggle`);
          }}
        />
      ) : null}
      {tab.canEdit && !RECORDABLE.includes(r.status) ? <p className="muted">{t('referrals.childcareNotYet')}</p> : null}
      {canAdd && list && !adding ? (
        <button
          type="button"
          id={addToggleId}
          className="button button--secondary button--small"
          aria-expanded={false}
          onClick={() => {
            setAdding(true);
            focusWhenReady(`referral-${r.id}-childcare-form-heading`);
          }}
        >
          {t('referrals.childcareAdd')}
        </button>
      ) : null}
      {canAdd && list && adding ? (
        <AddForm
          tab={tab}
          referral={r}
          householdChildren={list.householdChildren}
          onClose={async (done) => {
            setAdding(false);
            if (done) await remote.load();
            focusWhenReady(done ? headingId : addToggleId);
          }}
        />
      ) : null}
    </section>
  );
}

interface AddValues {
  child: string;
  childLabel: string;
  beginsOn: string;
  endsOn: string;
}

function AddForm({
  tab,
  referral: r,
  householdChildren,
  onClose,
}: {
  tab: ReferralsTabState;
  referral: api.Referral;
  householdChildren: childcare.ChildcareArrangementList['householdChildren'];
  onClose: (done: boolean) => Promise<void>;
}) {
  const announce = useAnnounce();
  const keyFor = useIdempotencyKey();
  const initial = (): AddValues => ({
    child: householdChildren.length === 0 ? OTHER_CHILD : '',
    childLabel: '',
    beginsOn: todayGerman(),
    endsOn: '',
  });
  const form = useCaseForm<AddValues>(initial, { draft: { store: tab.context.drafts, key: `childcare-add:${r.id}` } });
  const headingId = `referral-${r.id}-childcare-form-heading`;
  const ids = {
    child: `referral-${r.id}-childcare-child`,
    childLabel: `referral-${r.id}-childcare-label`,
    beginsOn: `referral-${r.id}-childcare-begins`,
    endsOn: `referral-${r.id}-childcare-ends`,
  };
  const other = form.values.child === OTHER_CHILD;
  let beginsOn: string | null = null;
  let endsOn: string | null = null;

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        if (!form.values.child) c.add('childPersonId', t('referrals.childcareChooseChild'));
        if (other) {
          c.required('childLabel', form.values.childLabel);
          c.maxLength('childLabel', form.values.childLabel, 200);
        }
        beginsOn = c.date('beginsOn', form.values.beginsOn, true);
        endsOn = c.date('endsOn', form.values.endsOn, false);
        if (beginsOn && endsOn && endsOn < beginsOn) c.add('endsOn', t('referrals.childcareEndBeforeBegin'));
        return c.problems;
      },
      async () => {
        const body: childcare.CreateChildcareArrangementBody = other
          ? { childLabel: form.values.childLabel.trim(), beginsOn: beginsOn as string, endsOn }
          : { childPersonId: form.values.child, beginsOn: beginsOn as string, endsOn };
        const res = await childcare.createChildcareArrangement(r.id, body, keyFor(body));
        announce(t('referrals.childcareAdded', { child: res.data.child.label }));
        await onClose(true);
      },
      {
        // Without household children the label is the only child field: the server's child problems go there.
        mapError: (e) =>
          topLevelProblems(e).map((p) =>
            p.field === 'childPersonId' && householdChildren.length === 0 ? { ...p, field: 'childLabel' } : p,
          ),
      },
    );

  const options = [
    ...householdChildren.map((c) => ({
      value: c.personId,
      label: t('referrals.childcareChildOption', { name: c.label, born: formatDate(c.birthDate) }),
    })),
    { value: OTHER_CHILD, label: t('referrals.childcareOtherChild') },
  ];
  return (
    <div className="ref-subform">
      <h6 id={headingId} tabIndex={-1}>
        {t('referrals.childcareFormTitle')}
      </h6>
      <CaseFormFrame
        form={form}
        fields={{
          childPersonId: { id: ids.child, label: t('referrals.childcareChild') },
          childLabel: { id: ids.childLabel, label: t('referrals.childcareChildLabel') },
          beginsOn: { id: ids.beginsOn, label: t('referrals.childcareBegins') },
          endsOn: { id: ids.endsOn, label: t('referrals.childcareEnds') },
        }}
        onSubmit={save}
        submitLabel={t('referrals.childcareSave')}
        onCancel={() => void onClose(false)}
        labelledBy={headingId}
      >
        {householdChildren.length > 0 ? (
          <RadioGroupField
            id={ids.child}
            legend={t('referrals.childcareChild')}
            hint={t('referrals.childcareChildHint')}
            required
            options={options}
            value={form.values.child}
            onChange={form.set('child')}
            error={form.err('childPersonId')}
          />
        ) : (
          <p className="field-hint">{t('referrals.childcareNoHouseholdChildren')}</p>
        )}
        {other ? (
          <TextField
            id={ids.childLabel}
            label={t('referrals.childcareChildLabel')}
            hint={t('referrals.childcareChildLabelHint')}
            required
            width="long"
            maxLength={200}
            autoComplete="off"
            value={form.values.childLabel}
            onChange={form.set('childLabel')}
            error={form.err('childLabel')}
          />
        ) : null}
        <div className="field-row">
          <DateField
            id={ids.beginsOn}
            label={t('referrals.childcareBegins')}
            required
            value={form.values.beginsOn}
            onChange={form.set('beginsOn')}
            error={form.err('beginsOn')}
          />
          <DateField
            id={ids.endsOn}
            label={`${t('referrals.childcareEnds')} ${t('common.optional')}`}
            hint={t('referrals.childcareEndsHint')}
            value={form.values.endsOn}
            onChange={form.set('endsOn')}
            error={form.err('endsOn')}
          />
        </div>
      </CaseFormFrame>
    </div>
  );
}

function EndForm({
  tab,
  arrangement: a,
  onClose,
}: {
  tab: ReferralsTabState;
  arrangement: childcare.ChildcareArrangement;
  onClose: (done: boolean) => Promise<void>;
}) {
  const announce = useAnnounce();
  const form = useCaseForm(
    { endsOn: a.endsOn ? formatDate(a.endsOn) : todayGerman() },
    {
      draft: { store: tab.context.drafts, key: `childcare-end:${a.referralId}` },
    },
  );
  const headingId = `childcare-${a.id}-end-heading`;
  let endsOn: string | null = null;
  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        endsOn = c.date('endsOn', form.values.endsOn, true);
        if (endsOn && endsOn < a.beginsOn) c.add('endsOn', t('referrals.childcareEndBeforeBegin'));
        return c.problems;
      },
      async () => {
        await childcare.endChildcareArrangement(a.id, endsOn as string);
        announce(t('referrals.childcareEnded', { child: a.child.label, date: formatDate(endsOn) }));
        await onClose(true);
      },
      { mapError: topLevelProblems },
    );
  return (
    <div className="ref-subform">
      <h6 id={headingId}>{t('referrals.childcareEndTitle', { child: a.child.label })}</h6>
      <CaseFormFrame
        form={form}
        fields={{ endsOn: { id: `childcare-${a.id}-ends`, label: t('referrals.childcareEnds') } }}
        onSubmit={save}
        submitLabel={t('referrals.childcareEndSave')}
        onCancel={() => void onClose(false)}
        labelledBy={headingId}
      >
        <DateField
          id={`childcare-${a.id}-ends`}
          label={t('referrals.childcareEnds')}
          hint={t('referrals.childcareBeganOn', { date: formatDate(a.beginsOn) })}
          required
          value={form.values.endsOn}
          onChange={form.set('endsOn')}
          error={form.err('endsOn')}
        />
      </CaseFormFrame>
    </div>
  );
}
