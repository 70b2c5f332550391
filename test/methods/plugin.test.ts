import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Viewer } from '../../src/domain/model.js';
import { LOCAL_AWS } from '../../src/local/dynamoLocal.js';
import { METHODS } from '../../src/methods/registry.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createDynamo, createStore } from '../../src/store/index.js';
import { tableNamesFor } from '../../src/store/tables.js';
import { TEST_CURSOR_KEY } from '../support/api.js';
import { fastestMethod } from './fastest/index.js';
import { announced } from '../../src/methods/announced.js';

const organizer: Viewer = { id: 'plugin-organizer', name: '组织者', roles: ['organizer'], kind: 'user' };

let services: Services;
beforeAll(() => {
  const store = createStore(createDynamo({ ...LOCAL_AWS, endpoint: inject('dynamoEndpoint') }), tableNamesFor(inject('tablePrefix')));
  // The one registry line: the throw-away method takes the place of a kind the registry only announces.
  services = createServices(store, { cursorKey: TEST_CURSOR_KEY, methods: { ...METHODS, INDICATORS: fastestMethod } });
});

describe('an assessment method plugged in with one folder and one registry line', () => {
  it('runs a whole round through the core: enrolment, opening, finalisation at close, leaderboard, verification and export columns', async () => {
    const towns = await Promise.all(['瓜沥镇', '河上镇', '戴村镇', '义桥镇'].map((name) => services.directory.createUnit(organizer, { name, kind: 'TOWN' })));
    const [guali, heshang, daicun] = towns.map((t) => t.id) as [string, string, string, string];
    const competition = await services.competitions.createCompetition(organizer, { name: '办事效率比拼' });
    const round = await services.rounds.createRound({
      competitionId: competition.id,
      name: '2026-Q4 办结时长',
      method: { kind: 'INDICATORS', hours: { [guali]: 3, [heshang]: 5, [daicun]: 3 } },
    });
    expect(round.method.kind).toBe('INDICATORS');
    await services.rounds.addEntries(
      round.id,
      towns.map((t, i) => ({ unitId: t.id, title: t.name, order: i + 1 })),
    );

    // No judges: the method says its rounds need none.
    await services.lifecycle.openRound(round.id);
    const closed = await services.lifecycle.closeRound(round.id);

    const page = await services.leaderboard.leaderboard(closed, { first: 10 });
    expect(page.rows.map((r) => [r.node.entry.title, r.node.rank, r.node.total, r.node.sheetCount])).toEqual([
      ['瓜沥镇', 1, '100', 1],
      ['戴村镇', 1, '100', 1],
      ['河上镇', 3, '80', 1],
      ['义桥镇', null, null, 0],
    ]);
    const verification = await services.results.verifyRound(round.id);
    expect(verification.mismatches).toEqual([]);
    expect(verification.checkedSheets).toBe(3);
    expect(services.methods.forRound(closed).scoring.breakdownColumns()).toEqual([{ key: 'hours', header: { en: 'hours', 'zh-CN': '办理时长（小时）' } }]);
  });

  it('refuses a kind the registry only announces, with a coded issue and nothing written', async () => {
    const plain = createServices(createStore(createDynamo({ ...LOCAL_AWS, endpoint: inject('dynamoEndpoint') }), tableNamesFor(inject('tablePrefix'))), {
      cursorKey: TEST_CURSOR_KEY,
      // A kind named before it is built: announced, and refused until its method is there.
      methods: { ...METHODS, PUBLIC_RATING: announced('PUBLIC_RATING', 'RatingsMethod') },
    });
    const competition = await plain.competitions.createCompetition(organizer, { name: '群众评议' });
    await expect(plain.rounds.createRound({ competitionId: competition.id, name: '2026-12', method: { kind: 'PUBLIC_RATING' } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'input.method.kind', code: 'METHOD_NOT_AVAILABLE', params: { value: 'PUBLIC_RATING' } }],
    });
    expect(await plain.rounds.ofCompetition(competition.id)).toEqual([]);
  });
});
