import { etagFromVersion } from '../../api/client';
import type { StaffOption } from '../../api/endpoints';
import { CheckboxGroup, SelectField, TextField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { newUuid } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import type { CaseFileContext } from '../cases/caseFileContext';
import {
  type Based,
  based,
  CaseFormFrame,
  Checks,
  DateField,
  focusWhenReady,
  rebase,
  TextAreaField,
  useCaseForm,
} from '../cases/caseFormKit';
import * as api from './api';
import { parseTime, splitWhen, topicsOf, toTimestamp } from './conferenceFormat';

/** Participants from a provider: which provider, who comes, in which function. */
export interface ProviderRow {
  key: string;
  providerId: string;
  name: string;
  fn: string;
}

/** Further participants (e.g. a legal guardian, the landlord's social worker). */
export interface OtherRow {
  key: string;
  name: string;
  organisation: string;
  fn: string;
}

export interface ConferenceFields {
  date: string;
  time: string;
  location: string;
  topics: string;
  /** User ids of the Jobcenter's participants. */
  internal: string[];
  providers: ProviderRow[];
  others: OtherRow[];
}

export function fieldsOfConference(conference: api.Conference): ConferenceFields {
  const { date, time } = splitWhen(conference.scheduledAt);
  return {
    date,
    time,
    location: conference.location ?? '',
    topics: conference.topics.join('\n'),
    internal: conference.participants.flatMap((p) => (p.kind === 'internal' && p.userId ? [p.userId] : [])),
    providers: conference.participants.flatMap((p) =>
      p.kind === 'provider' && p.providerId ? [{ key: p.id, providerId: p.providerId, name: p.name, fn: p.function ?? '' }] : [],
    ),
    others: conference.participants.flatMap((p) =>
      p.kind === 'other' ? [{ key: p.id, name: p.name, organisation: p.organisation ?? '', fn: p.function ?? '' }] : [],
    ),
  };
}

/** Where a participant of the request (by index) sits in the form. */
interface ParticipantSlot {
  kind: 'internal' | 'provider' | 'other';
  ids: Record<string, string>;
  label: string;
}

export interface ConferenceFormProps {
  context: CaseFileContext;
  staff: StaffOption[];
  staffFailed: boolean;
  providers: api.ProviderOption[] | null;
  /** Editing a planned conference (PATCH with If-Match); without it a new one is planned. */
  conference?: api.Conference;
  /** Reloads the conference list; returns the current list (null when that failed). */
  reload: () => Promise<api.Conference[] | null>;
  onClose: (savedId: string | null) => void;
}

/** Plans a conference, or changes a planned one: date, place, topics and who takes part. */
export function ConferenceForm({ context, staff, staffFailed, providers, conference, reload, onClose }: ConferenceFormProps) {
  const { overview } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const editing = conference !== undefined;
  const prefix = editing ? `conf-${conference.id}-edit` : 'conf-new';
  const headingId = `${prefix}-heading`;
  const draftKey = editing ? `conference-edit:${conference.id}` : 'conference-new';
  const form = useCaseForm<Based<ConferenceFields>>(
    () =>
      editing
        ? based(fieldsOfConference(conference), conference.version)
        : based({ date: '', time: '', location: '', topics: '', internal: [overview.caseManager.id], providers: [], others: [] }, 0),
    { draft: { store: context.drafts, key: draftKey } },
  );
  const { values, err, set } = form;

  const staffOptions = [...staff];
  for (const id of values.internal) {
    if (staffOptions.some((s) => s.id === id)) continue;
    const known = conference?.participants.find((p) => p.userId === id);
    if (id === overview.caseManager.id) staffOptions.unshift(overview.caseManager);
    else if (known) staffOptions.push({ id, displayName: known.name });
  }
  const providerOptions = (chosen: string) => [
    { value: '', label: t('form.choose') },
    ...(providers ?? [])
      .filter((p) => p.active || p.id === chosen)
      .map((p) => ({ value: p.id, label: p.name }))
      .sort((a, b) => a.label.localeCompare(b.label, 'de')),
    // A provider the list does not have (list not available): keep it selectable under its known name.
    ...(chosen && !(providers ?? []).some((p) => p.id === chosen)
      ? [{ value: chosen, label: conference?.participants.find((p) => p.providerId === chosen)?.organisation ?? chosen }]
      : []),
  ];

  const setProvider = (key: string, change: Partial<ProviderRow>) =>
    form.setValues((v) => ({ ...v, providers: v.providers.map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  const setOther = (key: string, change: Partial<OtherRow>) =>
    form.setValues((v) => ({ ...v, others: v.others.map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  const addProvider = () => {
    const key = newUuid();
    form.setValues((v) => ({ ...v, providers: [...v.providers, { key, providerId: '', name: '', fn: '' }] }));
    focusWhenReady(`${prefix}-provider-${key}-provider`);
  };
  const addOther = () => {
    const key = newUuid();
    form.setValues((v) => ({ ...v, others: [...v.others, { key, name: '', organisation: '', fn: '' }] }));
    focusWhenReady(`${prefix}-other-${key}-name`);
  };

  // The request lists the participants in this order: Jobcenter, providers, others.
  const internalChosen = staffOptions.filter((s) => values.internal.includes(s.id)).map((s) => s.id);
  const slots: ParticipantSlot[] = [
    ...internalChosen.map((id) => ({
      kind: 'internal' as const,
      ids: { userId: `${prefix}-internal-${id}` },
      label: staffOptions.find((s) => s.id === id)?.displayName ?? '',
    })),
    ...values.providers.map((r, i) => ({
      kind: 'provider' as const,
      ids: {
        providerId: `${prefix}-provider-${r.key}-provider`,
        name: `${prefix}-provider-${r.key}-name`,
        function: `${prefix}-provider-${r.key}-function`,
      },
      label: t('conferences.providerRowN', { n: i + 1 }),
    })),
    ...values.others.map((r, i) => ({
      kind: 'other' as const,
      ids: {
        name: `${prefix}-other-${r.key}-name`,
        organisation: `${prefix}-other-${r.key}-organisation`,
        function: `${prefix}-other-${r.key}-function`,
      },
      label: t('conferences.otherRowN', { n: i + 1 }),
    })),
  ];
  const fields: Record<string, { id: string; label: string }> = {
    scheduledAt: { id: `${prefix}-date`, label: t('conferences.date') },
    date: { id: `${prefix}-date`, label: t('conferences.date') },
    time: { id: `${prefix}-time`, label: t('conferences.time') },
    location: { id: `${prefix}-location`, label: t('conferences.location') },
    topics: { id: `${prefix}-topics`, label: t('conferences.topics') },
    participants: { id: `${prefix}-internal`, label: t('conferences.participants') },
  };
  for (let i = 0; i < 20; i++) fields[`topics.${i}`] = { id: `${prefix}-topics`, label: t('conferences.topics') };
  slots.forEach((slot, i) => {
    for (const [name, id] of Object.entries(slot.ids)) fields[`participants.${i}.${name}`] = { id, label: slot.label };
  });
  const slotError = (kind: ParticipantSlot['kind'], n: number, name: string) => {
    const offset = kind === 'internal' ? 0 : kind === 'provider' ? internalChosen.length : internalChosen.length + values.providers.length;
    return err(`participants.${offset + n}.${name}`);
  };
  const internalError =
    err('participants') ?? internalChosen.map((_, i) => err(`participants.${i}.userId`)).find((message) => message !== undefined);

  let scheduledAt = '';
  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        const date = c.date('date', values.date, true);
        let time: string | null = null;
        if (values.time.trim() === '') c.add('time', t('validation.required'));
        else {
          time = parseTime(values.time);
          if (!time) c.add('time', t('conferences.timeInvalid'));
        }
        c.maxLength('location', values.location, 300);
        const topics = topicsOf(values.topics);
        if (topics.length === 0) c.add('topics', t('conferences.topicsRequired'));
        else if (topics.length > 20) c.add('topics', t('conferences.topicsTooMany'));
        else if (topics.some((line) => line.length > 500)) c.add('topics', t('validation.tooLong', { max: 500 }));
        if (internalChosen.length + values.providers.length + values.others.length === 0) {
          c.add('participants', t('conferences.participantsRequired'));
        }
        let index = internalChosen.length;
        for (const row of values.providers) {
          if (!row.providerId) c.add(`participants.${index}.providerId`, t('validation.choose'));
          c.required(`participants.${index}.name`, row.name);
          index++;
        }
        for (const row of values.others) {
          c.required(`participants.${index}.name`, row.name);
          index++;
        }
        if (date && time) scheduledAt = toTimestamp(date, time);
        return c.problems;
      },
      async () => {
        const participants: api.CreateConferenceBody['participants'] = [
          ...internalChosen.map((userId) => ({ kind: 'internal' as const, userId })),
          ...values.providers.map((r) => ({
            kind: 'provider' as const,
            providerId: r.providerId,
            name: r.name.trim(),
            function: r.fn.trim() || null,
          })),
          ...values.others.map((r) => ({
            kind: 'other' as const,
            name: r.name.trim(),
            organisation: r.organisation.trim() || null,
            function: r.fn.trim() || null,
          })),
        ];
        const body: api.CreateConferenceBody = {
          scheduledAt,
          location: values.location.trim() || null,
          topics: topicsOf(values.topics),
          participants,
        };
        if (editing) {
          const res = await api.updateConference(conference.id, etagFromVersion(values.version), body);
          await reload();
          announce(t('conferences.saved'));
          onClose(res.data.id);
        } else {
          const res = await api.createConference(overview.id, body, idempotencyKey(body));
          await reload();
          announce(t('conferences.created'));
          onClose(res.data.id);
        }
      },
      {
        onConflict: async () => {
          const now = (await reload())?.find((c) => c.id === conference?.id);
          if (now) form.setValues((v) => rebase(v, fieldsOfConference(now), now.version));
        },
      },
    );

  return (
    <div className={editing ? 'case-subform' : 'card'}>
      {editing ? <h4 id={headingId}>{t('conferences.editTitle')}</h4> : <h3 id={headingId}>{t('conferences.planTitle')}</h3>}
      <CaseFormFrame
        form={form}
        fields={fields}
        onSubmit={save}
        submitLabel={editing ? t('common.save') : t('conferences.planSubmit')}
        onCancel={() => onClose(null)}
        labelledBy={headingId}
        conflictText={t('caseFile.conflictRecord')}
        onConflictReload={() => {
          void reload().then((list) => {
            const now = list?.find((c) => c.id === conference?.id);
            if (now) form.reset(based(fieldsOfConference(now), now.version));
          });
        }}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <div className="field-row">
          <DateField
            id={`${prefix}-date`}
            label={t('conferences.date')}
            required
            value={values.date}
            onChange={set('date')}
            error={err('date') ?? err('scheduledAt')}
          />
          <TextField
            id={`${prefix}-time`}
            label={t('conferences.time')}
            hint={t('conferences.timeHint')}
            required
            width="short"
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            value={values.time}
            onChange={set('time')}
            error={err('time')}
          />
        </div>
        <TextField
          id={`${prefix}-location`}
          label={`${t('conferences.location')} ${t('common.optional')}`}
          width="long"
          maxLength={300}
          autoComplete="off"
          value={values.location}
          onChange={set('location')}
          error={err('location')}
        />
        <TextAreaField
          id={`${prefix}-topics`}
          label={t('conferences.topics')}
          hint={t('conferences.topicsHint')}
          required
          rows={4}
          value={values.topics}
          onChange={set('topics')}
          error={err('topics') ?? Array.from({ length: 20 }, (_, i) => err(`topics.${i}`)).find(Boolean)}
        />

        <fieldset className="fieldset form-section">
          <legend>{t('conferences.participants')}</legend>
          <p className="field-hint">{t('conferences.participantsHint')}</p>
          <CheckboxGroup
            id={`${prefix}-internal`}
            legend={t('conferences.internalParticipants')}
            hint={staffFailed ? t('caseFile.staffLoadFailed') : undefined}
            options={staffOptions.map((s) => ({ value: s.id, label: s.displayName }))}
            values={values.internal}
            onChange={set('internal')}
            error={internalError}
          />

          <fieldset className="fieldset item-list" id={`${prefix}-providers`}>
            <legend className="field-label">{t('conferences.providerParticipants')}</legend>
            {providers === null ? <p className="field-hint">{t('conferences.providersUnavailable')}</p> : null}
            {values.providers.length === 0 ? <p className="muted">{t('conferences.noProviderParticipants')}</p> : null}
            <ol className="item-rows">
              {values.providers.map((row, n) => {
                const rowId = `${prefix}-provider-${row.key}`;
                return (
                  <li key={row.key} className="item-row">
                    <SelectField
                      id={`${rowId}-provider`}
                      label={t('conferences.providerN', { n: n + 1 })}
                      required
                      value={row.providerId}
                      onChange={(v) => setProvider(row.key, { providerId: v })}
                      error={slotError('provider', n, 'providerId')}
                      options={providerOptions(row.providerId)}
                    />
                    <TextField
                      id={`${rowId}-name`}
                      label={t('conferences.providerPersonN', { n: n + 1 })}
                      required
                      maxLength={200}
                      autoComplete="off"
                      value={row.name}
                      onChange={(v) => setProvider(row.key, { name: v })}
                      error={slotError('provider', n, 'name')}
                    />
                    <TextField
                      id={`${rowId}-function`}
                      label={`${t('conferences.functionN', { n: n + 1 })} ${t('common.optional')}`}
                      maxLength={200}
                      autoComplete="off"
                      value={row.fn}
                      onChange={(v) => setProvider(row.key, { fn: v })}
                      error={slotError('provider', n, 'function')}
                    />
                    <button
                      type="button"
                      className="button button--danger-link"
                      onClick={() => {
                        form.setValues((v) => ({ ...v, providers: v.providers.filter((r) => r.key !== row.key) }));
                        focusWhenReady(`${prefix}-add-provider`);
                      }}
                    >
                      {t('conferences.providerRemove', { n: n + 1 })}
                    </button>
                  </li>
                );
              })}
            </ol>
            <button type="button" id={`${prefix}-add-provider`} className="button button--secondary button--small" onClick={addProvider}>
              {t('conferences.providerAdd')}
            </button>
          </fieldset>

          <fieldset className="fieldset item-list" id={`${prefix}-others`}>
            <legend className="field-label">{t('conferences.otherParticipants')}</legend>
            {values.others.length === 0 ? <p className="muted">{t('conferences.noOtherParticipants')}</p> : null}
            <ol className="item-rows">
              {values.others.map((row, n) => {
                const rowId = `${prefix}-other-${row.key}`;
                return (
                  <li key={row.key} className="item-row">
                    <TextField
                      id={`${rowId}-name`}
                      label={t('conferences.otherNameN', { n: n + 1 })}
                      required
                      maxLength={200}
                      autoComplete="off"
                      value={row.name}
                      onChange={(v) => setOther(row.key, { name: v })}
                      error={slotError('other', n, 'name')}
                    />
                    <TextField
                      id={`${rowId}-organisation`}
                      label={`${t('conferences.organisationN', { n: n + 1 })} ${t('common.optional')}`}
                      maxLength={200}
                      autoComplete="off"
                      value={row.organisation}
                      onChange={(v) => setOther(row.key, { organisation: v })}
                      error={slotError('other', n, 'organisation')}
                    />
                    <TextField
                      id={`${rowId}-function`}
                      label={`${t('conferences.otherFunctionN', { n: n + 1 })} ${t('common.optional')}`}
                      maxLength={200}
                      autoComplete="off"
                      value={row.fn}
                      onChange={(v) => setOther(row.key, { fn: v })}
                      error={slotError('other', n, 'function')}
                    />
                    <button
                      type="button"
                      className="button button--danger-link"
                      onClick={() => {
                        form.setValues((v) => ({ ...v, others: v.others.filter((r) => r.key !== row.key) }));
                        focusWhenReady(`${prefix}-add-other`);
                      }}
                    >
                      {t('conferences.otherRemove', { n: n + 1 })}
                    </button>
                  </li>
                );
              })}
            </ol>
            <button type="button" id={`${prefix}-add-other`} className="button button--secondary button--small" onClick={addOther}>
              {t('conferences.otherAdd')}
            </button>
          </fieldset>
        </fieldset>
      </CaseFormFrame>
    </div>
  );
}
