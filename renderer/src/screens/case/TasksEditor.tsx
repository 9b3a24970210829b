import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/model/case';
import { markUnreadable, unreadableAfterRemove, type Draft, type Errors } from '../../caseForm';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { formatDay, today } from '../../format';
import { ListSection, removeAt, replaceAt } from './ListSection';

type Props = { draft: Draft; setDraft: Dispatch<SetStateAction<Draft | null>>; errors: Errors };

/** Tasks with due dates; an open task past its date is marked overdue in words and colour. */
export function TasksEditor({ draft, setDraft, errors }: Props) {
  const { t } = useTranslation();
  const day = today();
  const update = (list: Draft['tasks']) => setDraft((d) => (d ? { ...d, tasks: list } : d));
  const edit = (i: number, patch: Partial<Task>) => {
    const item = draft.tasks[i];
    if (item) update(replaceAt(draft.tasks, i, { ...item, ...patch }));
  };
  const err = (key: string) => (errors[key] ? t(`validation.${errors[key]}`) : null);
  return (
    <ListSection
      id="sec-tasks"
      title={t('case.tasks')}
      addLabel={t('case.addTask')}
      empty={t('case.noTasks')}
      count={draft.tasks.length}
      onAdd={() => update([...draft.tasks, { text: '', due: null, done: false }])}
    >
      {draft.tasks.map((task, i) => {
        const overdue = !task.done && task.due !== null && task.due < day;
        return (
          <li
            key={task.id ?? `new-${i}`}
            className={`item item-task ${overdue ? 'task-overdue' : ''} ${task.done ? 'task-done' : ''}`}
          >
            <label className="checkbox task-check">
              <input type="checkbox" checked={task.done} onChange={(e) => edit(i, { done: e.target.checked })} />
              <span className="sr-only">{t('case.taskDone')}</span>
            </label>
            <Field label={t('case.taskText')} error={err(`tasks.${i}.text`)} className="grow">
              {(p) => <input {...p} value={task.text} onChange={(e) => edit(i, { text: e.target.value })} />}
            </Field>
            <Field label={t('case.taskDue')} error={err(`tasks.${i}.due`)}>
              {(p) => (
                <DateInput
                  {...p}
                  value={task.due}
                  onChange={(iso) => edit(i, { due: iso })}
                  typed={draft.unreadable[`tasks.${i}.due`]}
                  onUnreadable={(typed) => setDraft((x) => (x ? markUnreadable(x, `tasks.${i}.due`, typed) : x))}
                />
              )}
            </Field>
            {overdue && task.due ? (
              <span className="overdue-label">{t('case.overdueSince', { date: formatDay(task.due) })}</span>
            ) : null}
            <button
              type="button"
              className="btn btn-ghost btn-small item-remove"
              onClick={() =>
                setDraft((x) =>
                  x
                    ? { ...x, tasks: removeAt(x.tasks, i), unreadable: unreadableAfterRemove(x.unreadable, 'tasks', i) }
                    : x,
                )
              }
            >
              {t('case.remove')}
            </button>
          </li>
        );
      })}
    </ListSection>
  );
}
