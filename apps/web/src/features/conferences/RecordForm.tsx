import { CONFERENCE_STATUS_LABELS_DE, type ConferenceStatus } from '@lotse/domain';
import { etagFromVersion } from '../../api/client';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import type { CaseFileContext } from '../cases/caseFileContext';
import { type Based, based, CaseFormFrame, Checks, RadioGroupField, rebase, TextAreaField, useCaseForm } from '../cases/caseFormKit';
import type * as api from './api';
import { updateConference } from './api';

interface RecordFields {
  status: ConferenceStatus;
  /** 'yes' | 'no', or '' while not answered. */
  present: '' | 'yes' | 'no';
  absenceReason: string;
  minutes: string;
}

const fieldsOf = (c: api.Conference): RecordFields => ({
  status: c.status,
  present: c.personPresent === null ? '' : c.personPresent ? 'yes' : 'no',
  absenceReason: c.absenceReason ?? '',
  minutes: c.minutes ?? '',
});

/**
 * Records how a planned conference went (held – with or without the person, then with the reason –
 * or cancelled) and its minutes; for a held or cancelled one only the minutes can still be added.
 * Presence and reason are checked by the server (conferenceRecordProblems) and its messages shown.
 */
export function RecordForm({
  context,
  conference,
  reload,
  onClose,
}: {
  context: CaseFileContext;
  conference: api.Conference;
  reload: () => Promise<api.Conference[] | null>;
  onClose: (saved: boolean) => void;
}) {
  const announce = useAnnounce();
  const planned = conference.status === 'planned';
  const prefix = `conf-${conference.id}-record`;
  const headingId = `${prefix}-heading`;
  const form = useCaseForm<Based<RecordFields>>(() => based(fieldsOf(conference), conference.version), {
    draft: { store: context.drafts, key: `conference-record:${conference.id}` },
  });
  const { values, err, set } = form;

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        if (planned && values.status === 'planned') c.add('status', t('conferences.resultRequired'));
        c.maxLength('absenceReason', values.absenceReason, 1000);
        c.maxLength('minutes', values.minutes, 20000);
        return c.problems;
      },
      async () => {
        const minutes = values.minutes.trim() || null;
        const body: api.UpdateConferenceBody = planned
          ? values.status === 'held'
            ? {
                status: 'held',
                personPresent: values.present === '' ? null : values.present === 'yes',
                absenceReason: values.present === 'no' ? values.absenceReason.trim() || null : null,
                minutes,
              }
            : { status: values.status, minutes }
          : { minutes };
        const res = await updateConference(conference.id, etagFromVersion(values.version), body);
        await reload();
        announce(
          planned ? t('conferences.recorded', { status: CONFERENCE_STATUS_LABELS_DE[res.data.status] }) : t('conferences.minutesSaved'),
        );
        onClose(true);
      },
      {
        onConflict: async () => {
          const now = (await reload())?.find((c) => c.id === conference.id);
          if (now) form.setValues((v) => rebase(v, fieldsOf(now), now.version));
        },
      },
    );

  return (
    <div className="case-subform" id={prefix}>
      <h4 id={headingId}>{planned ? t('conferences.recordTitle') : t('conferences.minutesTitle')}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          status: { id: `${prefix}-status`, label: t('conferences.result') },
          personPresent: { id: `${prefix}-present`, label: t('conferences.personPresent') },
          absenceReason: { id: `${prefix}-reason`, label: t('conferences.absenceReason') },
          minutes: { id: `${prefix}-minutes`, label: t('conferences.minutes') },
        }}
        onSubmit={save}
        submitLabel={planned ? t('conferences.recordSubmit') : t('conferences.minutesSubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        conflictText={t('caseFile.conflictRecord')}
        onConflictReload={() => {
          void reload().then((list) => {
            const now = list?.find((c) => c.id === conference.id);
            if (now) form.reset(based(fieldsOf(now), now.version));
          });
        }}
      >
        {planned ? (
          <>
            <p className="muted">{t('form.requiredNote')}</p>
            <RadioGroupField
              id={`${prefix}-status`}
              legend={t('conferences.result')}
              required
              inline
              value={values.status === 'planned' ? '' : values.status}
              onChange={(v) => set('status')(v as ConferenceStatus)}
              error={err('status')}
              options={(['held', 'cancelled'] as const).map((s) => ({ value: s, label: CONFERENCE_STATUS_LABELS_DE[s] }))}
            />
            {values.status === 'held' ? (
              <RadioGroupField
                id={`${prefix}-present`}
                legend={t('conferences.personPresent')}
                hint={t('conferences.personPresentHint')}
                required
                inline
                value={values.present}
                onChange={(v) => set('present')(v as RecordFields['present'])}
                error={err('personPresent')}
                options={[
                  { value: 'yes', label: t('common.yes') },
                  { value: 'no', label: t('common.no') },
                ]}
              />
            ) : null}
            {values.status === 'held' && values.present === 'no' ? (
              <TextAreaField
                id={`${prefix}-reason`}
                label={t('conferences.absenceReason')}
                hint={t('conferences.absenceReasonHint')}
                required
                rows={3}
                maxLength={1000}
                value={values.absenceReason}
                onChange={set('absenceReason')}
                error={err('absenceReason')}
              />
            ) : null}
          </>
        ) : null}
        <TextAreaField
          id={`${prefix}-minutes`}
          label={`${t('conferences.minutes')} ${t('common.optional')}`}
          hint={t('conferences.minutesHint')}
          rows={6}
          maxLength={20000}
          value={values.minutes}
          onChange={set('minutes')}
          error={err('minutes')}
        />
      </CaseFormFrame>
    </div>
  );
}
