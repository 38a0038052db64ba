import { SERVICE_TYPE_LABELS_DE } from '@lotse/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { etagFromVersion } from '../../api/client';
import { TextAreaField, TextField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { type FlashState, useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { based, type FieldProblem, useCaseForm } from '../cases/caseFormKit';
import type { HandbookPage, UpdateHandbookBody } from './api';
import * as api from './api';
import { useHandbookPage } from './HandbookPage';
import { bind, blankToNull, CoopFormFrame, type FieldMap, type FormBinding, focusSoon, newRowKey, useConflict } from './kit';

interface ItemRow {
  key: string;
  text: string;
}

interface ChecklistRow {
  key: string;
  title: string;
  items: ItemRow[];
}

interface HandbookValues {
  title: string;
  summary: string;
  checklists: ChecklistRow[];
  sources: string;
}

const MAX_CHECKLISTS = 10;
const MAX_ITEMS = 30;

/** Keys from the position: two loads of the same page compare equal (for the 412 merge). */
const handbookValues = (p: HandbookPage): HandbookValues => ({
  title: p.title,
  summary: p.summary,
  checklists: p.checklists.map((c, i) => ({
    key: `cl${i}`,
    title: c.title,
    items: c.items.map((text, j) => ({ key: `cl${i}-${j}`, text })),
  })),
  sources: p.sources ?? '',
});

const labels = () => ({
  title: t('cooperation.handbookFieldTitle'),
  summary: t('cooperation.handbookFieldSummary'),
  checklists: t('cooperation.handbookChecklists'),
  sources: t('cooperation.handbookFieldSources'),
});

const checklistId = (c: { key: string }, part: string) => `hb-${c.key}-${part}`;
const itemId = (c: { key: string }, item: { key: string }, part = 'text') => `hb-${c.key}-${item.key}-${part}`;

function fieldMap(values: HandbookValues): FieldMap {
  const l = labels();
  const map: FieldMap = { title: { id: 'hb-title', label: l.title }, summary: { id: 'hb-summary', label: l.summary } };
  map.checklists = { id: 'hb-add-checklist', label: l.checklists };
  values.checklists.forEach((c, i) => {
    map[`checklists.${i}.title`] = { id: checklistId(c, 'title'), label: t('cooperation.checklistTitleN', { n: i + 1 }) };
    map[`checklists.${i}.items`] = { id: checklistId(c, 'add-item'), label: t('cooperation.checklistItemsN', { n: i + 1 }) };
    c.items.forEach((item, j) => {
      map[`checklists.${i}.items.${j}`] = { id: itemId(c, item), label: t('cooperation.checklistItemOf', { n: i + 1, m: j + 1 }) };
    });
  });
  map.sources = { id: 'hb-sources', label: l.sources };
  return map;
}

/** Client checks with the limits of the contract, each problem at its own field. */
function updateBody(v: HandbookValues, base: HandbookValues): { body: UpdateHandbookBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const text = (field: string, value: string, max: number) => {
    if (value.trim() === '') problems.push({ field, message: t('validation.required') });
    else if (value.trim().length > max) problems.push({ field, message: t('validation.tooLong', { max }) });
  };
  text('title', v.title, 200);
  text('summary', v.summary, 8000);
  v.checklists.forEach((c, i) => {
    text(`checklists.${i}.title`, c.title, 200);
    if (c.items.length === 0) problems.push({ field: `checklists.${i}.items`, message: t('cooperation.checklistNoItems') });
    c.items.forEach((item, j) => {
      text(`checklists.${i}.items.${j}`, item.text, 500);
    });
  });
  if (v.sources.trim().length > 1000) problems.push({ field: 'sources', message: t('validation.tooLong', { max: 1000 }) });
  const body: UpdateHandbookBody = {};
  if (v.title.trim() !== base.title.trim()) body.title = v.title.trim();
  if (v.summary.trim() !== base.summary.trim()) body.summary = v.summary.trim();
  if (JSON.stringify(v.checklists) !== JSON.stringify(base.checklists))
    body.checklists = v.checklists.map((c) => ({ title: c.title.trim(), items: c.items.map((item) => item.text.trim()) }));
  if (v.sources.trim() !== base.sources.trim()) body.sources = blankToNull(v.sources);
  return { body, problems };
}

export function HandbookEditPage() {
  const { serviceType } = useParams();
  usePageTitle(t('cooperation.handbookEditTitle'));
  const { loaded, setLoaded, loadError, load } = useHandbookPage(serviceType);
  if (!loaded) {
    return (
      <>
        <PageHeader title={t('cooperation.handbookEditTitle')} />
        {loadError ? <ProblemAlert error={loadError} onRetry={loadError.status === 404 ? undefined : () => void load()} /> : <Loading />}
        <p>
          <Link to="/handbuch">{t('cooperation.toHandbook')}</Link>
        </p>
      </>
    );
  }
  return <HandbookEditForm key={loaded.serviceType} page={loaded} onCurrent={setLoaded} />;
}

function HandbookEditForm({ page, onCurrent }: { page: HandbookPage; onCurrent: (p: HandbookPage) => void }) {
  const navigate = useNavigate();
  const announce = useAnnounce();
  const form = useCaseForm(() => based(handbookValues(page), page.version));
  const conflict = useConflict({
    form,
    fetchCurrent: async () => (await api.getHandbookPage(page.serviceType)).data,
    toValues: handbookValues,
    labels: labels(),
    onCurrent,
  });
  const back = `/handbuch/${page.serviceType}`;

  const save = () => {
    const { body, problems } = updateBody(form.values, form.values.base);
    if (problems.length === 0 && Object.keys(body).length === 0) {
      announce(t('common.noChanges'));
      return;
    }
    void form.submit(
      () => problems,
      async () => {
        await api.updateHandbookPage(page.serviceType, etagFromVersion(form.values.version), body);
        const state: FlashState = { flash: t('cooperation.handbookSaved') };
        navigate(back, { state });
      },
      { onConflict: conflict.onConflict },
    );
  };

  const binding = bind<HandbookValues>(form);
  return (
    <>
      <PageHeader title={t('cooperation.handbookEditHeading', { title: page.title })}>
        <p className="page-subtitle">
          {SERVICE_TYPE_LABELS_DE[page.serviceType]} · <Link to={back}>{t('cooperation.toHandbookPageBack')}</Link>
        </p>
      </PageHeader>
      <CoopFormFrame
        form={form}
        fields={fieldMap(form.values)}
        onSubmit={save}
        submitLabel={t('common.save')}
        onCancel={() => navigate(back)}
        conflictText={t('cooperation.conflictHandbook')}
        changedFields={conflict.changedFields}
        onConflictReload={conflict.onConflictReload}
        onConflictKeepEditing={conflict.onConflictKeepEditing}
      >
        <TextField
          id="hb-title"
          label={labels().title}
          value={form.values.title}
          onChange={binding.set('title')}
          error={form.err('title')}
          required
          width="long"
          maxLength={200}
          autoComplete="off"
        />
        <TextAreaField
          id="hb-summary"
          label={labels().summary}
          hint={t('cooperation.handbookSummaryHint')}
          value={form.values.summary}
          onChange={binding.set('summary')}
          error={form.err('summary')}
          required
          rows={6}
          maxLength={8000}
        />
        <ChecklistsEditor form={binding} />
        <TextAreaField
          id="hb-sources"
          label={`${labels().sources} ${t('common.optional')}`}
          hint={t('cooperation.handbookSourcesHint')}
          value={form.values.sources}
          onChange={binding.set('sources')}
          error={form.err('sources')}
          rows={4}
          maxLength={1000}
        />
      </CoopFormFrame>
    </>
  );
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * Checklists with their items: add, remove and move up/down by buttons (keyboard-usable; no drag
 * and drop). After each step the focus stays on the moved element or goes to the next sensible one.
 */
function ChecklistsEditor({ form }: { form: FormBinding<HandbookValues> }) {
  const announce = useAnnounce();
  const lists = form.values.checklists;
  const setLists = form.set('checklists');
  const { err } = form;
  const updateList = (key: string, update: (c: ChecklistRow) => ChecklistRow) =>
    setLists(lists.map((c) => (c.key === key ? update(c) : c)));

  const addList = () => {
    const row: ChecklistRow = { key: newRowKey(), title: '', items: [{ key: newRowKey(), text: '' }] };
    setLists([...lists, row]);
    announce(t('cooperation.checklistAdded', { n: lists.length + 1 }));
    focusSoon(checklistId(row, 'title'));
  };
  const removeList = (i: number) => {
    const next = lists.filter((_, k) => k !== i);
    setLists(next);
    announce(t('cooperation.checklistRemoved', { n: i + 1 }));
    const neighbour = next[i] ?? next[i - 1];
    focusSoon(neighbour ? checklistId(neighbour, 'title') : 'hb-add-checklist');
  };
  const moveList = (i: number, by: -1 | 1) => {
    const c = lists[i];
    if (!c) return;
    const to = i + by;
    setLists(move(lists, i, to));
    announce(t('cooperation.checklistMoved', { title: c.title || t('cooperation.checklistN', { n: i + 1 }), pos: to + 1 }));
    // At the top (or bottom) the button just used is disabled: the focus goes to the other one.
    const up = to > 0 && (by === -1 || to === lists.length - 1);
    focusSoon(checklistId(c, up ? 'up' : 'down'));
  };

  const addItem = (c: ChecklistRow) => {
    const item = { key: newRowKey(), text: '' };
    updateList(c.key, (x) => ({ ...x, items: [...x.items, item] }));
    announce(t('cooperation.itemAdded', { n: c.items.length + 1 }));
    focusSoon(itemId(c, item));
  };
  const removeItem = (c: ChecklistRow, j: number) => {
    const next = c.items.filter((_, k) => k !== j);
    updateList(c.key, (x) => ({ ...x, items: next }));
    announce(t('cooperation.itemRemoved', { n: j + 1 }));
    const neighbour = next[j] ?? next[j - 1];
    focusSoon(neighbour ? itemId(c, neighbour) : checklistId(c, 'add-item'));
  };
  const moveItem = (c: ChecklistRow, j: number, by: -1 | 1) => {
    const item = c.items[j];
    if (!item) return;
    const to = j + by;
    updateList(c.key, (x) => ({ ...x, items: move(x.items, j, to) }));
    announce(t('cooperation.itemMoved', { n: j + 1, pos: to + 1 }));
    const up = to > 0 && (by === -1 || to === c.items.length - 1);
    focusSoon(itemId(c, item, up ? 'up' : 'down'));
  };

  const listError = err('checklists');
  return (
    <fieldset className="fieldset coop-group" aria-describedby={listError ? 'hb-checklists-error' : undefined}>
      <legend className="coop-group__legend">{t('cooperation.handbookChecklists')}</legend>
      <p className="field-hint">{t('cooperation.handbookChecklistsHint')}</p>
      {listError ? (
        <p className="field-error" id="hb-checklists-error">
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {listError}
        </p>
      ) : null}
      {lists.length === 0 ? <p className="muted">{t('cooperation.checklistsNone')}</p> : null}
      <ol className="coop-rows">
        {lists.map((c, i) => {
          const name = c.title.trim()
            ? t('cooperation.checklistNamed', { n: i + 1, title: c.title.trim() })
            : t('cooperation.checklistN', { n: i + 1 });
          const itemsError = err(`checklists.${i}.items`);
          return (
            <li key={c.key} className="coop-row">
              <fieldset className="fieldset">
                <legend className="coop-row__legend">{name}</legend>
                <TextField
                  id={checklistId(c, 'title')}
                  label={t('cooperation.checklistTitle')}
                  value={c.title}
                  onChange={(title) => updateList(c.key, (x) => ({ ...x, title }))}
                  error={err(`checklists.${i}.title`)}
                  required
                  width="long"
                  maxLength={200}
                  autoComplete="off"
                />
                <p className="field-label" id={checklistId(c, 'items-label')}>
                  {t('cooperation.checklistItems')}
                </p>
                {itemsError ? (
                  <p className="field-error" id={checklistId(c, 'items-error')}>
                    <span className="visually-hidden">{t('common.errorPrefix')} </span>
                    {itemsError}
                  </p>
                ) : null}
                <ol className="coop-items" aria-labelledby={checklistId(c, 'items-label')}>
                  {c.items.map((item, j) => (
                    <li key={item.key} className="coop-item">
                      <TextAreaField
                        id={itemId(c, item)}
                        label={t('cooperation.itemN', { n: j + 1 })}
                        value={item.text}
                        onChange={(text) =>
                          updateList(c.key, (x) => ({ ...x, items: x.items.map((it) => (it.key === item.key ? { ...it, text } : it)) }))
                        }
                        error={err(`checklists.${i}.items.${j}`)}
                        required
                        rows={2}
                        maxLength={500}
                      />
                      <span className="coop-item__buttons">
                        <button
                          type="button"
                          id={itemId(c, item, 'up')}
                          className="button button--secondary button--small"
                          disabled={j === 0}
                          onClick={() => moveItem(c, j, -1)}
                        >
                          {t('cooperation.moveUp')}
                          <span className="visually-hidden">: {t('cooperation.itemOfList', { n: j + 1, list: i + 1 })}</span>
                        </button>
                        <button
                          type="button"
                          id={itemId(c, item, 'down')}
                          className="button button--secondary button--small"
                          disabled={j === c.items.length - 1}
                          onClick={() => moveItem(c, j, 1)}
                        >
                          {t('cooperation.moveDown')}
                          <span className="visually-hidden">: {t('cooperation.itemOfList', { n: j + 1, list: i + 1 })}</span>
                        </button>
                        <button type="button" className="button button--danger-link" onClick={() => removeItem(c, j)}>
                          {t('cooperation.remove')}
                          <span className="visually-hidden">: {t('cooperation.itemOfList', { n: j + 1, list: i + 1 })}</span>
                        </button>
                      </span>
                    </li>
                  ))}
                </ol>
                <div className="button-row coop-row__actions">
                  <button
                    type="button"
                    id={checklistId(c, 'add-item')}
                    className="button button--secondary button--small"
                    onClick={() => addItem(c)}
                    disabled={c.items.length >= MAX_ITEMS}
                    aria-describedby={itemsError ? checklistId(c, 'items-error') : undefined}
                  >
                    {t('cooperation.itemAdd')}
                    <span className="visually-hidden"> {t('cooperation.toChecklistN', { n: i + 1 })}</span>
                  </button>
                  <button
                    type="button"
                    id={checklistId(c, 'up')}
                    className="button button--secondary button--small"
                    disabled={i === 0}
                    onClick={() => moveList(i, -1)}
                  >
                    {t('cooperation.checklistUp')}
                    <span className="visually-hidden">: {t('cooperation.checklistN', { n: i + 1 })}</span>
                  </button>
                  <button
                    type="button"
                    id={checklistId(c, 'down')}
                    className="button button--secondary button--small"
                    disabled={i === lists.length - 1}
                    onClick={() => moveList(i, 1)}
                  >
                    {t('cooperation.checklistDown')}
                    <span className="visually-hidden">: {t('cooperation.checklistN', { n: i + 1 })}</span>
                  </button>
                  <button type="button" className="button button--danger-link" onClick={() => removeList(i)}>
                    {t('cooperation.checklistRemove', { n: i + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id="hb-add-checklist"
        className="button button--secondary button--small"
        onClick={addList}
        disabled={lists.length >= MAX_CHECKLISTS}
      >
        {t('cooperation.checklistAdd')}
      </button>
    </fieldset>
  );
}
