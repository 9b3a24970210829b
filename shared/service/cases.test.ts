import { afterEach, describe, expect, it } from 'vitest';
import { makeTestService } from './testing.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
async function unlockedService() {
  const t = makeTestService({ now: () => new Date(2026, 5, 15, 12) });
  cleanups.push(t.cleanup);
  await t.createVault('Aset');
  return t;
}

describe('vault service: cases', () => {
  it('filters, sorts and pages rows', async () => {
    const t = await unlockedService();
    for (const [alias, risk] of [
      ['Bela', 'low'],
      ['Adam', 'critical'],
      ['Chingiz', 'high'],
    ] as const)
      await t.call('createCase', { input: { alias, risk } });
    const byRisk = await t.call('queryCases', { filter: {}, sort: { key: 'risk', direction: 'asc' } });
    expect(byRisk.rows.map((r) => r.alias)).toEqual(['Adam', 'Chingiz', 'Bela']);
    const page = await t.call('queryCases', {
      filter: {},
      sort: { key: 'alias', direction: 'desc' },
      offset: 1,
      limit: 1,
    });
    expect(page).toMatchObject({ total: 3, rows: [{ alias: 'Bela' }] });
    const filtered = await t.call('queryCases', { filter: { risk: ['high', 'low'] } });
    expect(filtered.total).toBe(2);
  });

  it('counts overdue tasks against today', async () => {
    const t = await unlockedService();
    await t.call('createCase', {
      input: {
        alias: 'Dzhokhar',
        tasks: [
          { text: 'call the lawyer', due: '2026-06-14' },
          { text: 'book the bus', due: '2026-06-15' },
          { text: 'done already', due: '2026-01-01', done: true },
        ],
      },
    });
    const { rows } = await t.call('queryCases', { filter: {} });
    expect(rows[0]?.overdueTasks).toBe(1);
  });

  it('returns a case with its history, and closes it with a reason', async () => {
    const t = await unlockedService();
    const { id } = await t.call('createCase', { input: { alias: 'Eli', stage: 'shelter' } });
    await t.call('updateCase', { id, patch: { stage: 'documents' } });
    await t.call('addNote', { id, text: 'arrived at the shelter' });
    const closed = await t.call('closeCase', { id, reason: 'duplicate' });
    expect(closed.case.fields).toMatchObject({ stage: 'closed', closedReason: 'duplicate' });
    const { case: found, history } = await t.call('getCase', { id });
    expect(found.notes.map((n) => n.text)).toEqual(['arrived at the shelter']);
    expect(history.map((h) => h.type)).toEqual(['create', 'set', 'note', 'set']);
    expect(history[0]).toMatchObject({
      authorName: 'Aset',
      changes: expect.arrayContaining([{ key: 'alias', to: 'Eli' }]),
    });
    expect(history[1]?.changes).toEqual([{ key: 'stage', from: ['shelter'], to: 'documents' }]);
  });

  it('refuses an unknown case id as a usage error', async () => {
    const t = await unlockedService();
    const response = await t.service.handle('getCase', { id: 'no-such-case' });
    expect(response).toEqual({
      ok: false,
      error: { code: 'usage', message: 'there is no case no-such-case in this vault', reason: 'noSuchCase' },
    });
  });

  it('refuses an invalid case with a message naming the field', async () => {
    const t = await unlockedService();
    const response = await t.service.handle('createCase', { input: { alias: 'F', stage: 'closed' } });
    expect(response).toMatchObject({
      ok: false,
      error: { code: 'usage', message: expect.stringContaining('closedReason') },
    });
  });
});
