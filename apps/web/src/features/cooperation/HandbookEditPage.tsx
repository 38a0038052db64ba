import { SERVICE_TYPE_LABELS_DE } from '@lotse/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { FieldError, TextAreaField, TextField } from '../../components/FormField';
import { PageHeader, usePageTitle } from '../../components/Page';
import { type FlashState, useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import type { FieldProblem } from '../cases/caseFormKit';
import type { HandbookPage, UpdateHandbookBody } from './api';
import * as api from './api';
import { useHandbookPage } from './HandbookPage';
import { bind, blankToNull, CoopFormFrame, type FieldMap, type FormBinding, newRowKey, notLoaded, useEditForm } from './kit';
import { MoveButtons, RowsFieldset, rowActions } from './rows';

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
    return notLoaded({
      title: t('cooperation.handbookEditTitle'),
      error: loadError,
      onRetry: load,
      backTo: '/handbuch',
      backLabel: t('cooperation.toHandbook'),
    });
  }
  return <HandbookEditForm key={loaded.serviceType} page={loaded} onCurrent={setLoaded} />;
}

function HandbookEditForm({ page, onCurrent }: { page: HandbookPage; onCurrent: (p: HandbookPage) => void }) {
  const navigate = useNavigate();
  const back = `/handbuch/${page.serviceType}`;
  const { form, frame } = useEditForm({
    record: page,
    toValues: handbookValues,
    labels: labels(),
    fetchCurrent: async () => (await api.getHandbookPage(page.serviceType)).data,
    onCurrent,
    updateBody,
    save: async (body, ifMatch) => {
      await api.updateHandbookPage(page.serviceType, ifMatch, body);
      const state: FlashState = { flash: t('cooperation.handbookSaved') };
      navigate(back, { state });
    },
    conflictText: t('cooperation.conflictHandbook'),
  });

  const binding = bind<HandbookValues>(form);
  return (
    <>
      <PageHeader title={t('cooperation.handbookEditHeading', { title: page.title })}>
        <p className="page-subtitle">
          {SERVICE_TYPE_LABELS_DE[page.serviceType]} · <Link to={back}>{t('cooperation.toHandbookPageBack')}</Link>
        </p>
      </PageHeader>
      <CoopFormFrame {...frame} fields={fieldMap(form.values)} onCancel={() => navigate(back)}>
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

/**
 * Checklists with their items: add, remove and move up/down by buttons (keyboard-usable; no drag
 * and drop). After each step the focus stays on the moved element or goes to the next sensible one.
 */
function ChecklistsEditor({ form }: { form: FormBinding<HandbookValues> }) {
  const announce = useAnnounce();
  const lists = form.values.checklists;
  const { err } = form;
  const listName = (c: ChecklistRow, i: number) => c.title || t('cooperation.checklistN', { n: i + 1 });
  const listActions = rowActions({
    rows: lists,
    setRows: form.set('checklists'),
    announce,
    firstId: (c) => checklistId(c, 'title'),
    addId: 'hb-add-checklist',
    added: (n) => t('cooperation.checklistAdded', { n }),
    removed: (n) => t('cooperation.checklistRemoved', { n }),
    moving: {
      moved: (c, i, to) => t('cooperation.checklistMoved', { title: listName(c, i), pos: to + 1 }),
      buttonId: (c, direction) => checklistId(c, direction),
    },
  });
  const itemActions = (c: ChecklistRow) =>
    rowActions({
      rows: c.items,
      setRows: (items) => listActions.update(c.key, { items }),
      announce,
      firstId: (item) => itemId(c, item),
      addId: checklistId(c, 'add-item'),
      added: (n) => t('cooperation.itemAdded', { n }),
      removed: (n) => t('cooperation.itemRemoved', { n }),
      moving: {
        moved: (_item, j, to) => t('cooperation.itemMoved', { n: j + 1, pos: to + 1 }),
        buttonId: (item, direction) => itemId(c, item, direction),
      },
    });

  return (
    <RowsFieldset
      id="hb-checklists"
      legend={t('cooperation.handbookChecklists')}
      hint={t('cooperation.handbookChecklistsHint')}
      error={err('checklists')}
      empty={t('cooperation.checklistsNone')}
      rows={lists}
      rowLegend={(c, i) =>
        c.title.trim() ? t('cooperation.checklistNamed', { n: i + 1, title: c.title.trim() }) : t('cooperation.checklistN', { n: i + 1 })
      }
      add={{
        id: 'hb-add-checklist',
        label: t('cooperation.checklistAdd'),
        onClick: () => listActions.add({ key: newRowKey(), title: '', items: [{ key: newRowKey(), text: '' }] }),
        disabled: lists.length >= MAX_CHECKLISTS,
      }}
    >
      {(c, i) => {
        const items = itemActions(c);
        const itemsError = err(`checklists.${i}.items`);
        return (
          <>
            <TextField
              id={checklistId(c, 'title')}
              label={t('cooperation.checklistTitle')}
              value={c.title}
              onChange={(title) => listActions.update(c.key, { title })}
              error={err(`checklists.${i}.title`)}
              required
              width="long"
              maxLength={200}
              autoComplete="off"
            />
            <p className="field-label" id={checklistId(c, 'items-label')}>
              {t('cooperation.checklistItems')}
            </p>
            <FieldError id={checklistId(c, 'items')} error={itemsError} />
            <ol className="coop-items" aria-labelledby={checklistId(c, 'items-label')}>
              {c.items.map((item, j) => (
                <li key={item.key} className="coop-item">
                  <TextAreaField
                    id={itemId(c, item)}
                    label={t('cooperation.itemN', { n: j + 1 })}
                    value={item.text}
                    onChange={(text) => items.update(item.key, { text })}
                    error={err(`checklists.${i}.items.${j}`)}
                    required
                    rows={2}
                    maxLength={500}
                  />
                  <span className="coop-item__buttons">
                    <MoveButtons
                      ids={{ up: itemId(c, item, 'up'), down: itemId(c, item, 'down') }}
                      labels={{ up: t('cooperation.moveUp'), down: t('cooperation.moveDown') }}
                      context={t('cooperation.itemOfList', { n: j + 1, list: i + 1 })}
                      index={j}
                      count={c.items.length}
                      onMove={(by) => items.move(j, by)}
                    />
                    <button type="button" className="button button--danger-link" onClick={() => items.remove(j)}>
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
                onClick={() => items.add({ key: newRowKey(), text: '' })}
                disabled={c.items.length >= MAX_ITEMS}
                aria-describedby={itemsError ? checklistId(c, 'items-error') : undefined}
              >
                {t('cooperation.itemAdd')}
                <span className="visually-hidden"> {t('cooperation.toChecklistN', { n: i + 1 })}</span>
              </button>
              <MoveButtons
                ids={{ up: checklistId(c, 'up'), down: checklistId(c, 'down') }}
                labels={{ up: t('cooperation.checklistUp'), down: t('cooperation.checklistDown') }}
                context={t('cooperation.checklistN', { n: i + 1 })}
                index={i}
                count={lists.length}
                onMove={(by) => listActions.move(i, by)}
              />
              <button type="button" className="button button--danger-link" onClick={() => listActions.remove(i)}>
                {t('cooperation.checklistRemove', { n: i + 1 })}
              </button>
            </div>
          </>
        );
      }}
    </RowsFieldset>
  );
}
