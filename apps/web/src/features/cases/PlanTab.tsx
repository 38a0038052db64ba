import type { Goal, SubGoal } from '@lotse/contracts';
import {
  GOAL_STATUS_LABELS_DE,
  GOAL_STATUSES,
  type GoalStatus,
  SUBGOAL_OWNER_KINDS,
  SUBGOAL_OWNER_LABELS_DE,
  SUBGOAL_STATUS_LABELS_DE,
  SUBGOAL_STATUSES,
  type SubGoalOwnerKind,
  type SubGoalStatus,
} from '@lotse/domain';
import { etagFromVersion } from '../../api/client';
import * as api from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { CheckboxGroup, SelectField, TextField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { type CaseFileContext, TAB_HEADING_ID, useCaseFile, useDraftState } from './caseFileContext';
import { barriersInOrder } from './caseFileData';
import {
  type Based,
  based,
  CaseFormFrame,
  Checks,
  changedKeys,
  DateField,
  focusWhenReady,
  orNull,
  RadioGroupField,
  rebase,
  TextAreaField,
  useCaseForm,
} from './caseFormKit';

/** Hilfeplan: goals with their sub-goals (owner, due date, status, review note). */
export function PlanTab() {
  const context = useCaseFile();
  const { overview, can } = context;
  const [adding, setAdding] = useDraftState(context.drafts, 'goal-new', false);

  return (
    <>
      <div className="section-header">
        <h2 id={TAB_HEADING_ID} tabIndex={-1}>
          {t('caseFile.tab.plan')}
        </h2>
        {can.plan && !adding ? (
          <button
            type="button"
            id="goal-add-toggle"
            className="button button--primary"
            onClick={() => {
              setAdding(true);
              focusWhenReady('goal-new-title');
            }}
          >
            {t('caseFile.goalAdd')}
          </button>
        ) : null}
      </div>
      {!can.plan && overview.responsible ? <p className="muted">{t('caseFile.planReadOnly')}</p> : null}
      {adding && can.plan ? (
        <GoalForm
          context={context}
          onClose={(savedId) => {
            setAdding(false);
            focusWhenReady(savedId ? `goal-${savedId}` : 'goal-add-toggle');
          }}
        />
      ) : null}
      {overview.goals.length === 0 ? <p className="empty-state">{t('caseFile.noGoals')}</p> : null}
      {overview.goals.map((goal) => (
        <GoalCard key={goal.id} goal={goal} context={context} />
      ))}
    </>
  );
}

function GoalForm({ context, onClose }: { context: CaseFileContext; onClose: (savedId: string | null) => void }) {
  const { overview, refresh } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const form = useCaseForm(
    { title: '', description: '', barrierIds: [] as string[] },
    { draft: { store: context.drafts, key: 'goal-new' } },
  );
  const active = barriersInOrder(overview.barriers);

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        c.required('title', form.values.title);
        c.maxLength('title', form.values.title, 300);
        c.maxLength('description', form.values.description, 2000);
        return c.problems;
      },
      async () => {
        const body: api.CreateGoalBody = {
          title: form.values.title.trim(),
          description: orNull(form.values.description),
          barrierIds: form.values.barrierIds,
        };
        const res = await api.createGoal(overview.id, body, idempotencyKey(body));
        await refresh();
        announce(t('caseFile.goalAdded', { title: res.data.title }));
        onClose(res.data.id);
      },
    );

  return (
    <div className="card">
      <h3 id="goal-new-heading">{t('caseFile.goalAdd')}</h3>
      <CaseFormFrame
        form={form}
        fields={{
          title: { id: 'goal-new-title', label: t('caseFile.goalTitle') },
          description: { id: 'goal-new-description', label: t('caseFile.goalDescription') },
          barrierIds: { id: 'goal-new-barriers', label: t('caseFile.goalBarriers') },
        }}
        onSubmit={save}
        submitLabel={t('caseFile.goalAddSubmit')}
        onCancel={() => onClose(null)}
        labelledBy="goal-new-heading"
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <TextField
          id="goal-new-title"
          label={t('caseFile.goalTitle')}
          hint={t('caseFile.goalTitleHint')}
          required
          width="long"
          maxLength={300}
          value={form.values.title}
          onChange={form.set('title')}
          error={form.err('title')}
          autoComplete="off"
        />
        <TextAreaField
          id="goal-new-description"
          label={`${t('caseFile.goalDescription')} ${t('common.optional')}`}
          maxLength={2000}
          value={form.values.description}
          onChange={form.set('description')}
          error={form.err('description')}
        />
        {active.length > 0 ? (
          <CheckboxGroup
            id="goal-new-barriers"
            legend={`${t('caseFile.goalBarriers')} ${t('common.optional')}`}
            hint={t('caseFile.goalBarriersHint')}
            options={active.map((b) => ({ value: b.id, label: b.barrierType.label }))}
            values={form.values.barrierIds}
            onChange={form.set('barrierIds')}
            error={form.err('barrierIds')}
          />
        ) : (
          <p className="muted">{t('caseFile.goalNoBarriers')}</p>
        )}
      </CaseFormFrame>
    </div>
  );
}

function GoalCard({ goal, context }: { goal: Goal; context: CaseFileContext }) {
  const { overview, can, drafts } = context;
  const [addingSub, setAddingSub] = useDraftState(drafts, `subgoal-new:${goal.id}`, false);
  const [editingSub, setEditingSub] = useDraftState<string | null>(drafts, `subgoal-edit:${goal.id}`, null);
  const [editingGoal, setEditingGoal] = useDraftState(drafts, `goal-edit:${goal.id}`, false);
  // Sub-goals are also reviewed while the case is being closed (the server allows it then too).
  const mayReview = can.plan || (context.responsible && overview.status === 'closing');
  // In the order of treatment (resolved ones last).
  const known = [...barriersInOrder(overview.barriers), ...overview.barriers.filter((b) => b.status === 'resolved')].filter((b) =>
    goal.barrierIds.includes(b.id),
  );
  const hidden = goal.barrierIds.length - known.length;
  const subGoals = [...goal.subGoals].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const editing = subGoals.find((s) => s.id === editingSub) ?? null;
  const headingId = `goal-${goal.id}`;

  return (
    <section className="card goal" aria-labelledby={headingId}>
      <div className="barrier__head">
        <h3 id={headingId} tabIndex={-1} className="goal__title">
          {goal.title}
        </h3>
        <Badge tone={goal.status === 'reached' ? 'success' : 'neutral'}>
          {t('caseFile.goalStatus', { status: GOAL_STATUS_LABELS_DE[goal.status] })}
        </Badge>
      </div>
      {goal.description ? <p className="pre-line">{goal.description}</p> : null}
      <p>
        <span className="muted">{t('caseFile.goalBarriers')}:</span>{' '}
        {known.length ? known.map((b) => b.barrierType.label).join(', ') : hidden === 0 ? t('common.none') : ''}
        {hidden > 0 ? <span className="muted"> {t('caseFile.goalHiddenBarriers', { count: hidden })}</span> : null}
      </p>
      {can.plan && !editingGoal ? (
        <p>
          <button
            type="button"
            id={`goal-edit-btn-${goal.id}`}
            className="button button--secondary button--small"
            onClick={() => {
              setEditingGoal(true);
              focusWhenReady(`goal-edit-${goal.id}-title`);
            }}
          >
            {t('caseFile.goalEdit')}
            <span className="visually-hidden">: {goal.title}</span>
          </button>
        </p>
      ) : null}
      {can.plan && editingGoal ? (
        <GoalEditForm
          goal={goal}
          context={context}
          onClose={() => {
            setEditingGoal(false);
            focusWhenReady(`goal-edit-btn-${goal.id}`);
          }}
        />
      ) : null}

      {subGoals.length === 0 ? (
        <p className="muted">{t('caseFile.noSubGoals')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('caseFile.subGoalsOf', { title: goal.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseFile.subGoal')}</th>
                <th scope="col">{t('caseFile.owner')}</th>
                <th scope="col">{t('caseFile.dueOn')}</th>
                <th scope="col">{t('caseFile.subGoalStatus')}</th>
                <th scope="col">{t('caseFile.reviewNote')}</th>
                {mayReview ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('caseFile.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {subGoals.map((s) => (
                <tr key={s.id}>
                  <th scope="row" id={`subgoal-${s.id}`} tabIndex={-1}>
                    {s.title}
                  </th>
                  <td>
                    {SUBGOAL_OWNER_LABELS_DE[s.ownerKind]}
                    {s.ownerNote ? <span className="muted"> ({s.ownerNote})</span> : null}
                  </td>
                  <td className="nowrap">
                    {formatDate(s.dueOn)}
                    {s.overdue ? (
                      <>
                        {' '}
                        <Badge tone="danger">{t('caseFile.overdue')}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td>{SUBGOAL_STATUS_LABELS_DE[s.status]}</td>
                  <td className="pre-line">{s.reviewNote ?? ''}</td>
                  {mayReview ? (
                    <td>
                      <button
                        type="button"
                        id={`subgoal-edit-btn-${s.id}`}
                        className="button button--secondary button--small"
                        aria-expanded={editingSub === s.id}
                        aria-controls={editingSub === s.id ? `subgoal-edit-${s.id}` : undefined}
                        onClick={() => {
                          setEditingSub(editingSub === s.id ? null : s.id);
                          if (editingSub !== s.id) focusWhenReady(`subgoal-edit-${s.id}-status`);
                        }}
                      >
                        {t('caseFile.subGoalReview')}
                        <span className="visually-hidden">: {s.title}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && mayReview ? (
        <SubGoalEditForm
          key={editing.id}
          subGoal={editing}
          context={context}
          onClose={() => {
            setEditingSub(null);
            focusWhenReady(`subgoal-edit-btn-${editing.id}`);
          }}
        />
      ) : null}
      {can.plan ? (
        addingSub ? (
          <SubGoalForm
            goal={goal}
            context={context}
            onClose={(savedId) => {
              setAddingSub(false);
              focusWhenReady(savedId ? `subgoal-${savedId}` : `subgoal-add-${goal.id}`);
            }}
          />
        ) : (
          <button
            type="button"
            id={`subgoal-add-${goal.id}`}
            className="button button--secondary"
            onClick={() => {
              setAddingSub(true);
              focusWhenReady(`subgoal-new-${goal.id}-title`);
            }}
          >
            {t('caseFile.subGoalAdd')}
            <span className="visually-hidden">: {goal.title}</span>
          </button>
        )
      ) : null}
    </section>
  );
}

interface GoalFields {
  title: string;
  description: string;
  status: GoalStatus;
  barrierIds: string[];
}

const goalFieldsOf = (goal: Goal): GoalFields => ({
  title: goal.title,
  description: goal.description ?? '',
  status: goal.status,
  barrierIds: [...goal.barrierIds].sort(),
});

/** Changes a goal's title, description, status and the barriers it addresses (If-Match of the goal's version). */
function GoalEditForm({ goal, context, onClose }: { goal: Goal; context: CaseFileContext; onClose: () => void }) {
  const { overview, refresh } = context;
  const announce = useAnnounce();
  const form = useCaseForm<Based<GoalFields>>(() => based(goalFieldsOf(goal), goal.version), {
    draft: { store: context.drafts, key: `goal-edit:${goal.id}` },
  });
  const { values, err } = form;
  const prefix = `goal-edit-${goal.id}`;
  const headingId = `${prefix}-heading`;
  const visible = new Set(overview.barriers.map((b) => b.id));
  // Active barriers, and resolved ones the goal still names.
  const options = [
    ...barriersInOrder(overview.barriers),
    ...overview.barriers.filter((b) => b.status === 'resolved' && goal.barrierIds.includes(b.id)),
  ].map((b) => ({
    value: b.id,
    label: b.status === 'resolved' ? `${b.barrierType.label} (${t('caseFile.barrierStatusResolved')})` : b.barrierType.label,
  }));
  // Barriers the viewer cannot see stay linked.
  const hiddenIds = values.barrierIds.filter((id) => !visible.has(id));
  const latest = () => overview.goals.find((g) => g.id === goal.id) ?? goal;

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        c.required('title', values.title);
        c.maxLength('title', values.title, 300);
        c.maxLength('description', values.description, 2000);
        return c.problems;
      },
      async () => {
        const body: api.UpdateGoalBody = {};
        for (const key of changedKeys(values)) {
          if (key === 'title') body.title = values.title.trim();
          if (key === 'description') body.description = orNull(values.description);
          if (key === 'status') body.status = values.status;
          if (key === 'barrierIds') body.barrierIds = values.barrierIds;
        }
        if (Object.keys(body).length === 0) {
          announce(t('common.noChanges'));
          onClose();
          return;
        }
        const res = await api.updateGoal(overview.id, goal.id, etagFromVersion(values.version), body);
        await refresh();
        announce(t('caseFile.goalSaved', { title: res.data.title }));
        onClose();
      },
      {
        // The current version is loaded: untouched fields take it, "Weiter bearbeiten" saves the input on top.
        onConflict: async () => {
          const now = (await refresh())?.goals.find((g) => g.id === goal.id);
          if (now) form.setValues((v) => rebase(v, goalFieldsOf(now), now.version));
        },
      },
    );

  return (
    <div className="case-subform" id={prefix}>
      <h4 id={headingId}>{t('caseFile.goalEditTitle', { title: goal.title })}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          title: { id: `${prefix}-title`, label: t('caseFile.goalTitle') },
          description: { id: `${prefix}-description`, label: t('caseFile.goalDescription') },
          status: { id: `${prefix}-status`, label: t('caseFile.goalStatusLabel') },
          barrierIds: { id: `${prefix}-barriers`, label: t('caseFile.goalBarriers') },
        }}
        onSubmit={save}
        submitLabel={t('common.save')}
        onCancel={onClose}
        labelledBy={headingId}
        conflictText={t('caseFile.conflictRecord')}
        onConflictReload={() => {
          const now = latest();
          form.reset(based(goalFieldsOf(now), now.version));
        }}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <TextField
          id={`${prefix}-title`}
          label={t('caseFile.goalTitle')}
          required
          width="long"
          maxLength={300}
          value={values.title}
          onChange={form.set('title')}
          error={err('title')}
          autoComplete="off"
        />
        <TextAreaField
          id={`${prefix}-description`}
          label={`${t('caseFile.goalDescription')} ${t('common.optional')}`}
          maxLength={2000}
          value={values.description}
          onChange={form.set('description')}
          error={err('description')}
        />
        <RadioGroupField
          id={`${prefix}-status`}
          legend={t('caseFile.goalStatusLabel')}
          required
          inline
          value={values.status}
          onChange={(v) => form.set('status')(v as GoalStatus)}
          error={err('status')}
          options={GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS_DE[s] }))}
        />
        {options.length > 0 ? (
          <CheckboxGroup
            id={`${prefix}-barriers`}
            legend={`${t('caseFile.goalBarriers')} ${t('common.optional')}`}
            hint={t('caseFile.goalBarriersHint')}
            options={options}
            values={values.barrierIds.filter((id) => visible.has(id))}
            onChange={(ids) => form.set('barrierIds')([...ids, ...hiddenIds].sort())}
            error={err('barrierIds')}
          />
        ) : (
          <p className="muted">{t('caseFile.goalNoBarriers')}</p>
        )}
      </CaseFormFrame>
    </div>
  );
}

function SubGoalForm({ goal, context, onClose }: { goal: Goal; context: CaseFileContext; onClose: (savedId: string | null) => void }) {
  const { overview, refresh } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const form = useCaseForm(
    { title: '', ownerKind: 'person' as SubGoalOwnerKind, ownerNote: '', dueOn: '' },
    { draft: { store: context.drafts, key: `subgoal-new:${goal.id}` } },
  );
  const prefix = `subgoal-new-${goal.id}`;
  const headingId = `${prefix}-heading`;

  const save = () => {
    let dueOn: string | null = null;
    void form.submit(
      () => {
        const c = new Checks();
        c.required('title', form.values.title);
        c.maxLength('title', form.values.title, 300);
        c.maxLength('ownerNote', form.values.ownerNote, 200);
        dueOn = c.date('dueOn', form.values.dueOn, true);
        return c.problems;
      },
      async () => {
        const body: api.CreateSubGoalBody = {
          title: form.values.title.trim(),
          ownerKind: form.values.ownerKind,
          ownerNote: orNull(form.values.ownerNote),
          dueOn: dueOn ?? '',
        };
        const res = await api.createSubGoal(overview.id, goal.id, body, idempotencyKey(body));
        await refresh();
        announce(t('caseFile.subGoalAdded', { title: res.data.title }));
        onClose(res.data.id);
      },
    );
  };

  return (
    <div className="case-subform">
      <h4 id={headingId}>{t('caseFile.subGoalAddFor', { title: goal.title })}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          title: { id: `${prefix}-title`, label: t('caseFile.subGoal') },
          ownerKind: { id: `${prefix}-owner`, label: t('caseFile.owner') },
          ownerNote: { id: `${prefix}-owner-note`, label: t('caseFile.ownerNote') },
          dueOn: { id: `${prefix}-due`, label: t('caseFile.dueOn') },
        }}
        onSubmit={save}
        submitLabel={t('caseFile.subGoalAddSubmit')}
        onCancel={() => onClose(null)}
        labelledBy={headingId}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <TextField
          id={`${prefix}-title`}
          label={t('caseFile.subGoal')}
          hint={t('caseFile.subGoalHint')}
          required
          width="long"
          maxLength={300}
          value={form.values.title}
          onChange={form.set('title')}
          error={form.err('title')}
          autoComplete="off"
        />
        <div className="field-row">
          <SelectField
            id={`${prefix}-owner`}
            label={t('caseFile.owner')}
            required
            value={form.values.ownerKind}
            onChange={(v) => form.set('ownerKind')(v as SubGoalOwnerKind)}
            error={form.err('ownerKind')}
            options={SUBGOAL_OWNER_KINDS.map((k) => ({ value: k, label: SUBGOAL_OWNER_LABELS_DE[k] }))}
          />
          <TextField
            id={`${prefix}-owner-note`}
            label={`${t('caseFile.ownerNote')} ${t('common.optional')}`}
            hint={t('caseFile.ownerNoteHint')}
            maxLength={200}
            value={form.values.ownerNote}
            onChange={form.set('ownerNote')}
            error={form.err('ownerNote')}
            autoComplete="off"
          />
        </div>
        <DateField
          id={`${prefix}-due`}
          label={t('caseFile.dueOn')}
          required
          value={form.values.dueOn}
          onChange={form.set('dueOn')}
          error={form.err('dueOn')}
        />
      </CaseFormFrame>
    </div>
  );
}

function SubGoalEditForm({ subGoal, context, onClose }: { subGoal: SubGoal; context: CaseFileContext; onClose: () => void }) {
  const { overview, refresh } = context;
  const announce = useAnnounce();
  const fieldsOf = (s: SubGoal) => ({ status: s.status as SubGoalStatus, reviewNote: s.reviewNote ?? '' });
  const form = useCaseForm(() => based(fieldsOf(subGoal), subGoal.version), {
    draft: { store: context.drafts, key: `subgoal-edit:${subGoal.goalId}` },
  });
  const prefix = `subgoal-edit-${subGoal.id}`;
  const headingId = `${prefix}-heading`;

  const current = () => overview.goals.flatMap((g) => g.subGoals).find((s) => s.id === subGoal.id) ?? subGoal;

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        c.maxLength('reviewNote', form.values.reviewNote, 2000);
        return c.problems;
      },
      async () => {
        const body: api.UpdateSubGoalBody = {};
        for (const key of changedKeys(form.values)) {
          if (key === 'status') body.status = form.values.status;
          if (key === 'reviewNote') body.reviewNote = orNull(form.values.reviewNote);
        }
        if (Object.keys(body).length === 0) {
          announce(t('common.noChanges'));
          onClose();
          return;
        }
        await api.updateSubGoal(overview.id, subGoal.id, etagFromVersion(form.values.version), body);
        await refresh();
        announce(t('caseFile.subGoalSaved', { title: subGoal.title }));
        onClose();
      },
      {
        onConflict: async () => {
          const now = (await refresh())?.goals.flatMap((g) => g.subGoals).find((s) => s.id === subGoal.id);
          if (now) form.setValues((v) => rebase(v, fieldsOf(now), now.version));
        },
      },
    );

  return (
    <div className="case-subform" id={prefix}>
      <h4 id={headingId}>{t('caseFile.subGoalReviewTitle', { title: subGoal.title })}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          status: { id: `${prefix}-status`, label: t('caseFile.subGoalStatus') },
          reviewNote: { id: `${prefix}-note`, label: t('caseFile.reviewNote') },
        }}
        onSubmit={save}
        submitLabel={t('common.save')}
        onCancel={onClose}
        labelledBy={headingId}
        conflictText={t('caseFile.conflictRecord')}
        onConflictReload={() => {
          const now = current();
          form.reset(based(fieldsOf(now), now.version));
        }}
      >
        <SelectField
          id={`${prefix}-status`}
          label={t('caseFile.subGoalStatus')}
          value={form.values.status}
          onChange={(v) => form.set('status')(v as SubGoalStatus)}
          error={form.err('status')}
          options={SUBGOAL_STATUSES.map((s) => ({ value: s, label: SUBGOAL_STATUS_LABELS_DE[s] }))}
        />
        <TextAreaField
          id={`${prefix}-note`}
          label={`${t('caseFile.reviewNote')} ${t('common.optional')}`}
          hint={t('caseFile.reviewNoteHint')}
          maxLength={2000}
          value={form.values.reviewNote}
          onChange={form.set('reviewNote')}
          error={form.err('reviewNote')}
        />
      </CaseFormFrame>
    </div>
  );
}
