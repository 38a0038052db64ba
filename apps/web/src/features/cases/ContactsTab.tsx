import type { FollowUp } from '@lotse/contracts';
import { CASE_PRIORITY_LABELS_DE, CONTACT_KIND_LABELS_DE, CONTACT_KINDS, type ContactKind } from '@lotse/domain';
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, etagFromVersion, toApiError } from '../../api/client';
import type { CaseContact, StaffOption } from '../../api/endpoints';
import * as api from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { SelectField, TextField } from '../../components/FormField';
import { Loading, ProblemAlert } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useRequiredSession } from '../auth/session';
import { FollowUpKindBadge } from '../organisation-model/CareContacts';
import { type CaseFileContext, TAB_HEADING_ID, useCaseFile, useDraftState } from './caseFileContext';
import { CaseFormFrame, Checks, DateField, focusWhenReady, orNull, TextAreaField, todayGerman, useCaseForm } from './caseFormKit';

const PAGE_SIZE = 20;

/** Kontakte: the contact log (paged, newest first) and the follow-ups (Wiedervorlagen). */
export function ContactsTab() {
  const context = useCaseFile();
  const { overview } = context;
  return (
    <>
      <h2 id={TAB_HEADING_ID} tabIndex={-1}>
        {t('caseFile.tab.contacts')}
      </h2>
      <p>
        {t('caseFile.densityText', {
          days: overview.contactDensityDays,
          source: overview.contactDensityIsDefault
            ? t('caseFile.densityDefault', { priority: CASE_PRIORITY_LABELS_DE[overview.priority] })
            : t('caseFile.densityCase'),
        })}{' '}
        {t('caseFile.nextContactDueText', { date: formatDate(overview.nextContactDue) })}{' '}
        {overview.contactOverdue ? <Badge tone="danger">{t('caseFile.overdue')}</Badge> : null}
      </p>
      <FollowUpsSection context={context} />
      <ContactLog context={context} />
    </>
  );
}

// ——— contact log ———

function ContactLog({ context }: { context: CaseFileContext }) {
  const { overview, can, refresh } = context;
  const [items, setItems] = useState<CaseContact[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [adding, setAdding] = useDraftState(context.drafts, 'contact', false);
  const announce = useAnnounce();

  const loadFirst = useCallback(
    async (signal?: AbortSignal) => {
      setError(null);
      try {
        const page = await api.listContacts(overview.id, { limit: PAGE_SIZE }, signal);
        setItems(page.items);
        setNextCursor(page.page.nextCursor);
      } catch (e) {
        if (!signal?.aborted) setError(toApiError(e));
      }
    },
    [overview.id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void loadFirst(controller.signal);
    return () => controller.abort();
  }, [loadFirst]);

  const loadMore = async () => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await api.listContacts(overview.id, { cursor: nextCursor, limit: PAGE_SIZE });
      const firstNew = page.items[0];
      setItems((list) => [...(list ?? []), ...page.items]);
      setNextCursor(page.page.nextCursor);
      announce(t('caseFile.contactsMoreLoaded', { count: page.items.length }));
      if (firstNew) focusWhenReady(`contact-${firstNew.id}`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section className="case-section" aria-labelledby="contacts-heading">
      <div className="section-header">
        <h3 id="contacts-heading" tabIndex={-1}>
          {t('caseFile.contactsTitle', { count: overview.contactCount })}
        </h3>
        {can.work && !adding ? (
          <button
            type="button"
            id="contact-add-toggle"
            className="button button--primary"
            onClick={() => {
              setAdding(true);
              focusWhenReady('contact-kind');
            }}
          >
            {t('caseFile.contactAdd')}
          </button>
        ) : null}
      </div>
      {adding && can.work ? (
        <ContactForm
          context={context}
          onClose={async (savedId) => {
            setAdding(false);
            if (savedId) {
              await Promise.all([loadFirst(), refresh()]);
              focusWhenReady(`contact-${savedId}`);
            } else focusWhenReady('contact-add-toggle');
          }}
        />
      ) : null}
      {error ? <ProblemAlert error={error} onRetry={() => void (items ? loadMore() : loadFirst())} /> : null}
      {!items && !error ? <Loading text={t('caseFile.contactsLoading')} /> : null}
      {items && items.length === 0 ? <p className="muted">{t('caseFile.noContacts')}</p> : null}
      {items && items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('caseFile.contactsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseFile.contactDate')}</th>
                <th scope="col">{t('caseFile.contactKind')}</th>
                <th scope="col">{t('caseFile.contactSummary')}</th>
                <th scope="col">{t('caseFile.note')}</th>
                <th scope="col">{t('caseFile.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">{formatDate(c.occurredOn)}</td>
                  <td>{CONTACT_KIND_LABELS_DE[c.kind]}</td>
                  <th scope="row" id={`contact-${c.id}`} tabIndex={-1}>
                    {c.summary}
                  </th>
                  <td className="pre-line">{c.note ?? ''}</td>
                  <td>{c.createdBy.displayName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {nextCursor ? (
        <button type="button" className="button button--secondary" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t('app.loading') : t('caseFile.contactsMore')}
        </button>
      ) : null}
    </section>
  );
}

function ContactForm({ context, onClose }: { context: CaseFileContext; onClose: (savedId: string | null) => void }) {
  const { overview } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const form = useCaseForm(
    { kind: 'meeting' as ContactKind, occurredOn: todayGerman(), summary: '', note: '' },
    { draft: { store: context.drafts, key: 'contact' } },
  );
  let occurredOn = '';

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        occurredOn = c.date('occurredOn', form.values.occurredOn, true) ?? '';
        c.required('summary', form.values.summary);
        c.maxLength('summary', form.values.summary, 300);
        c.maxLength('note', form.values.note, 4000);
        return c.problems;
      },
      async () => {
        const body: api.CreateContactBody = {
          kind: form.values.kind,
          occurredOn,
          summary: form.values.summary.trim(),
          note: orNull(form.values.note),
        };
        const res = await api.createContact(overview.id, body, idempotencyKey(body));
        announce(t('caseFile.contactAdded'));
        onClose(res.data.id);
      },
    );

  return (
    <div className="card">
      <h4 id="contact-form-heading">{t('caseFile.contactAdd')}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          kind: { id: 'contact-kind', label: t('caseFile.contactKind') },
          occurredOn: { id: 'contact-date', label: t('caseFile.contactDate') },
          summary: { id: 'contact-summary', label: t('caseFile.contactSummary') },
          note: { id: 'contact-note', label: t('caseFile.note') },
        }}
        onSubmit={save}
        submitLabel={t('caseFile.contactAddSubmit')}
        onCancel={() => onClose(null)}
        labelledBy="contact-form-heading"
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <div className="field-row">
          <SelectField
            id="contact-kind"
            label={t('caseFile.contactKind')}
            required
            value={form.values.kind}
            onChange={(v) => form.set('kind')(v as ContactKind)}
            error={form.err('kind')}
            options={CONTACT_KINDS.map((k) => ({ value: k, label: CONTACT_KIND_LABELS_DE[k] }))}
          />
          <DateField
            id="contact-date"
            label={t('caseFile.contactDate')}
            required
            value={form.values.occurredOn}
            onChange={form.set('occurredOn')}
            error={form.err('occurredOn')}
          />
        </div>
        <TextField
          id="contact-summary"
          label={t('caseFile.contactSummary')}
          required
          width="long"
          maxLength={300}
          value={form.values.summary}
          onChange={form.set('summary')}
          error={form.err('summary')}
          autoComplete="off"
        />
        <TextAreaField
          id="contact-note"
          label={`${t('caseFile.note')} ${t('common.optional')}`}
          rows={4}
          maxLength={4000}
          value={form.values.note}
          onChange={form.set('note')}
          error={form.err('note')}
        />
      </CaseFormFrame>
    </div>
  );
}

// ——— follow-ups ———

function FollowUpsSection({ context }: { context: CaseFileContext }) {
  const { overview, can, refresh } = context;
  const session = useRequiredSession();
  const announce = useAnnounce();
  const [adding, setAdding] = useDraftState(context.drafts, 'followup', false);
  const [showDone, setShowDone] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: string; message: string } | null>(null);
  const open = overview.followUps.filter((f) => f.doneOn === null).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const done = overview.followUps.filter((f) => f.doneOn !== null).sort((a, b) => (b.doneOn ?? '').localeCompare(a.doneOn ?? ''));
  const mayComplete = (f: FollowUp) => can.work || (f.owner.id === session.user.id && f.doneOn === null);

  const complete = async (f: FollowUp) => {
    if (busyId) return;
    setBusyId(f.id);
    setRowError(null);
    try {
      await api.updateFollowUp(overview.id, f.id, etagFromVersion(f.version), { done: true });
      await refresh();
      announce(t('caseFile.followUpDone', { title: f.title }));
      focusWhenReady('followups-heading');
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 412) {
        await refresh();
        setRowError({ id: f.id, message: t('caseFile.conflictQuick') });
      } else setRowError({ id: f.id, message: error.userMessage });
    } finally {
      setBusyId(null);
    }
  };

  const rows = showDone ? [...open, ...done] : open;

  return (
    <section className="case-section" aria-labelledby="followups-heading">
      <div className="section-header">
        <h3 id="followups-heading" tabIndex={-1}>
          {t('caseFile.followUpsTitle', { count: open.length })}
        </h3>
        {can.work && !adding ? (
          <button
            type="button"
            id="followup-add-toggle"
            className="button button--secondary"
            onClick={() => {
              setAdding(true);
              focusWhenReady('followup-title');
            }}
          >
            {t('caseFile.followUpAdd')}
          </button>
        ) : null}
      </div>
      {adding && can.work ? (
        <FollowUpForm
          context={context}
          onClose={(saved) => {
            setAdding(false);
            focusWhenReady(saved ? 'followups-heading' : 'followup-add-toggle');
          }}
        />
      ) : null}
      {rowError ? (
        <p className="banner banner--error" role="alert">
          {rowError.message}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">{t('caseFile.noFollowUps')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('caseFile.followUpsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseFile.followUpTitle')}</th>
                <th scope="col">{t('caseFile.dueOn')}</th>
                <th scope="col">{t('caseFile.followUpOwner')}</th>
                <th scope="col">{t('caseFile.followUpState')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('caseFile.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    {f.title}
                    <FollowUpKindBadge kind={f.kind} />
                  </th>
                  <td className="nowrap">
                    {formatDate(f.dueOn)}
                    {f.overdue && f.doneOn === null ? (
                      <>
                        {' '}
                        <Badge tone="danger">{t('caseFile.overdue')}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td>{f.owner.displayName}</td>
                  <td>{f.doneOn ? t('caseFile.doneOn', { date: formatDate(f.doneOn) }) : t('caseFile.followUpOpen')}</td>
                  <td>
                    {f.doneOn === null && mayComplete(f) ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={busyId === f.id}
                        onClick={() => void complete(f)}
                      >
                        {t('caseFile.markDone')}
                        <span className="visually-hidden">: {f.title}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {done.length > 0 ? (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={showDone}
          onClick={() => setShowDone((v) => !v)}
        >
          {t('caseFile.showDone', { count: done.length })}
        </button>
      ) : null}
    </section>
  );
}

function useStaff(enabled: boolean): { staff: StaffOption[]; failed: boolean } {
  const [staff, setStaff] = useState<StaffOption[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    api
      .listStaff(controller.signal)
      .then((list) => setStaff(list.items))
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true);
      });
    return () => controller.abort();
  }, [enabled]);
  return { staff, failed };
}

function FollowUpForm({ context, onClose }: { context: CaseFileContext; onClose: (saved: boolean) => void }) {
  const { overview, refresh } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const { staff, failed } = useStaff(true);
  const form = useCaseForm(
    { title: '', dueOn: '', ownerId: overview.caseManager.id, kind: 'general' },
    { draft: { store: context.drafts, key: 'followup' } },
  );
  const options = [...staff];
  if (!options.some((s) => s.id === overview.caseManager.id)) options.unshift(overview.caseManager);
  let dueOn = '';

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        c.required('title', form.values.title);
        c.maxLength('title', form.values.title, 300);
        dueOn = c.date('dueOn', form.values.dueOn, true) ?? '';
        return c.problems;
      },
      async () => {
        // Placement tasks and benefits notices go where the organisation model sends them (the API decides).
        const body: api.CreateFollowUpBody =
          form.values.kind === 'placement' || form.values.kind === 'benefits_notice'
            ? { title: form.values.title.trim(), dueOn, kind: form.values.kind }
            : { title: form.values.title.trim(), dueOn, ownerId: form.values.ownerId || undefined };
        await api.createFollowUp(overview.id, body, idempotencyKey(body));
        await refresh();
        announce(t('caseFile.followUpAdded', { title: body.title }));
        onClose(true);
      },
    );

  return (
    <div className="card">
      <h4 id="followup-form-heading">{t('caseFile.followUpAdd')}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          title: { id: 'followup-title', label: t('caseFile.followUpTitle') },
          dueOn: { id: 'followup-due', label: t('caseFile.dueOn') },
          ownerId: { id: 'followup-owner', label: t('caseFile.followUpOwner') },
        }}
        onSubmit={save}
        submitLabel={t('caseFile.followUpAddSubmit')}
        onCancel={() => onClose(false)}
        labelledBy="followup-form-heading"
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <TextField
          id="followup-title"
          label={t('caseFile.followUpTitle')}
          required
          width="long"
          maxLength={300}
          value={form.values.title}
          onChange={form.set('title')}
          error={form.err('title')}
          autoComplete="off"
        />
        <div className="field-row">
          <DateField
            id="followup-due"
            label={t('caseFile.dueOn')}
            required
            value={form.values.dueOn}
            onChange={form.set('dueOn')}
            error={form.err('dueOn')}
          />
          <SelectField
            id="followup-kind"
            label={t('orgModel.followUpKind')}
            width="long"
            value={form.values.kind}
            onChange={form.set('kind')}
            options={(['general', 'placement', 'benefits_notice'] as const).map((k) => ({
              value: k,
              label: t(`orgModel.followUpKind.${k}`),
            }))}
          />
          {form.values.kind !== 'general' ? null : (
            <SelectField
              id="followup-owner"
              label={t('caseFile.followUpOwner')}
              hint={failed ? t('caseFile.staffLoadFailed') : undefined}
              required
              width="long"
              value={form.values.ownerId}
              onChange={form.set('ownerId')}
              error={form.err('ownerId')}
              options={options.map((s) => ({ value: s.id, label: s.displayName }))}
            />
          )}
        </div>
        {form.values.kind === 'placement' ? (
          <p className="field-hint" aria-live="polite">
            {overview.careContacts.placement
              ? t('orgModel.followUpRouted', { name: overview.careContacts.placement.displayName })
              : t('orgModel.followUpRoutedUnknown')}
          </p>
        ) : form.values.kind === 'benefits_notice' ? (
          <p className="field-hint" aria-live="polite">
            {t('orgModel.followUpRoutedBenefits')}
          </p>
        ) : null}
      </CaseFormFrame>
    </div>
  );
}
