import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType, isObjectType } from 'graphql';
import { describe, expect, it, vi } from 'vitest';

// The client's modules expect a browser; these tests need only the wording, so a bare stand-in will do.
vi.hoisted(() => {
  const memory = new Map<string, string>();
  const storage = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  };
  Object.assign(globalThis, {
    window: Object.assign(new EventTarget(), { location: new URL('http://localhost/'), localStorage: storage }),
    localStorage: storage,
    document: new EventTarget(),
  });
});
import { ApiError } from '../../web/src/api/client.js';
import { describeError, describeIssue } from '../../web/src/api/errors.js';
import { translate, type MessageKey, type Params } from '../../web/src/i18n.js';
import { CATALOGS } from '../../web/src/locales/index.js';

/** API errors in words: issue codes with field names and 1-based positions, reasons, never the API's English. */
const zh = (key: MessageKey, params?: Params) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Params) => translate('en', key, params);

const invalid = (issues: unknown[]) =>
  new ApiError('BAD_USER_INPUT', 'input.criteria.2.maxScore: must be >= 0', {
    errors: [{ message: 'input.criteria.2.maxScore: must be >= 0', extensions: { code: 'BAD_USER_INPUT', field: 'input.criteria.2.maxScore', issues } }],
  });
const refused = (code: string, reason: string) =>
  new ApiError(code, 'Scoring has ended for this round', { errors: [{ message: 'Scoring has ended for this round', extensions: { code, reason } }] });

/** The whole contract: the core and every method's extension. */
const SCHEMA = buildSchema(
  ['schema/schema.graphql', ...readdirSync('schema/methods').map((f) => `schema/methods/${f}`)].map((f) => readFileSync(f, 'utf8')).join('\n'),
);
const enumValues = (name: string) => (SCHEMA.getType(name) as unknown as { getValues(): { name: string }[] }).getValues().map((v) => v.name);

describe('describeIssue', () => {
  it('names the field and turns 0-based list positions into 1-based ordinals', () => {
    expect(describeIssue(zh, { path: 'input.criteria.2.maxScore', code: 'TOO_SMALL', params: { minimum: 0 } })).toBe('第 3 个评分项的「满分」不能小于 0');
    expect(describeIssue(zh, { path: 'scores.1.score', code: 'NOT_MULTIPLE_OF_STEP', params: { step: '0.5' } })).toBe('第 2 项评分应为 0.5 的整数倍');
    expect(describeIssue(zh, { path: 'input.scores.1.score', code: 'ABOVE_MAX_SCORE', params: { maximum: '20' } })).toBe('第 2 项评分不能超过满分 20');
    expect(describeIssue(zh, { path: 'entries.4.cadreId', code: 'DUPLICATE', params: { value: 'XS0001' } })).toBe('第 5 个参赛者重复');
    expect(describeIssue(zh, { path: 'input.name', code: 'TOO_SHORT', params: { minimum: 1 } })).toBe('「名称」不能为空');
    expect(describeIssue(zh, { path: 'input.name', code: 'TOO_LONG', params: { maximum: 80 } })).toBe('「名称」最多 80 个字');
    expect(describeIssue(zh, { path: 'judges.0.name', code: 'REQUIRED' })).toBe('请填写第 1 位评委的「姓名」');
    expect(describeIssue(zh, { path: 'input.criteria.0.step', code: 'STEP_DOES_NOT_DIVIDE_MAX', params: { step: '0.3', maximum: '20' } })).toBe(
      '第 1 个评分项的「步长」：满分 20 应为步长 0.3 的整数倍',
    );
    expect(describeIssue(zh, { path: 'input.standingsRule.roundWeights.1.weight', code: 'NOT_POSITIVE' })).toBe('第 2 个轮次权重的「权重」应大于 0');
    expect(describeIssue(zh, { path: 'entries.0', code: 'ONE_OF_REQUIRED', params: { options: ['cadreId', 'unitId'] } })).toBe(
      '第 1 个参赛者：「干部」或「单位」须填写且只填写一项',
    );
    expect(describeIssue(zh, { path: 'entryIds', code: 'INCOMPLETE_ORDER', params: { missing: 2 } })).toBe(
      '出场名单须列出本轮每位选手各一次（还有 2 位未列出）',
    );
    expect(describeIssue(zh, { path: 'top', code: 'TOO_SMALL', params: { minimum: 1 } })).toBe('「前 N 名」不能小于 1');
  });

  it('words a criterion by its label when the page knows it', () => {
    expect(
      describeIssue(zh, { path: 'scores', code: 'MISSING_CRITERION', params: { criterion: 'innovation' } }, { criterionLabels: { innovation: '创新性' } }),
    ).toBe('「评分」缺少“创新性”的分数');
  });

  it('reads spreadsheet rows when an importer maps list positions to rows', () => {
    expect(describeIssue(zh, { path: 'input.3.name', code: 'TOO_SHORT', params: { minimum: 1 } }, { rowOffset: 2 })).toBe('第 5 行的「姓名」不能为空');
    expect(describeIssue(zh, { path: 'input.3.birthYear', code: 'NOT_INTEGER' }, { rowOffset: (i) => [2, 3, 5, 9][i] ?? null })).toBe(
      '第 9 行的「出生年份」应为整数',
    );
    expect(describeIssue(zh, { path: 'input.3.name', code: 'TOO_SHORT', params: { minimum: 1 } })).toBe('第 4 位干部的「姓名」不能为空');
  });

  it('speaks English when English is chosen', () => {
    expect(describeIssue(en, { path: 'input.criteria.2.maxScore', code: 'TOO_SMALL', params: { minimum: 0 } })).toBe(
      'Maximum of criterion 3 must not be less than 0',
    );
    expect(describeIssue(en, { path: 'entries.4.cadreId', code: 'DUPLICATE' })).toBe('Entry 5 is listed twice');
  });

  it('has a message for every IssueCode of the schema, and a name for every input field and argument', () => {
    for (const code of enumValues('IssueCode')) {
      const text = describeIssue(zh, {
        path: 'input.criteria.0.maxScore',
        code,
        params: {
          minimum: 1,
          maximum: 2,
          step: '0.5',
          value: 'x',
          criterion: 'c',
          options: ['a'],
          missing: 1,
          expected: '100',
          actual: '90',
          parameter: 'target',
          method: 'EFFICACY',
        },
      });
      expect(text, code).not.toMatch(/[{}]|issue\./);
    }
    const names = new Set<string>();
    for (const type of Object.values(SCHEMA.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isInputObjectType(type)) for (const field of Object.keys(type.getFields())) names.add(field);
      if (isObjectType(type) && (type.name === 'Query' || type.name === 'Mutation'))
        for (const field of Object.values(type.getFields())) for (const arg of field.args) names.add(arg.name);
    }
    const missing = [...names].filter((name) => !(`field.${name}` in CATALOGS['zh-CN']));
    expect(missing).toEqual([]);
  });
});

describe('describeError', () => {
  it('joins every issue of a BAD_USER_INPUT error in Chinese, without the API’s English', () => {
    const error = invalid([
      { path: 'input.criteria.2.maxScore', code: 'TOO_SMALL', params: { minimum: 0 }, message: 'must be >= 0' },
      { path: 'input.criteria.3.label', code: 'TOO_SHORT', params: { minimum: 1 }, message: 'must not be empty' },
    ]);
    const text = describeError(zh, error);
    expect(text).toBe('输入有误：第 3 个评分项的「满分」不能小于 0；第 4 个评分项的「名称」不能为空');
    expect(text).not.toMatch(/[a-z]{3,}/i);
  });

  it('names the field of an issue that has no code yet, and never shows the API’s message', () => {
    expect(describeError(zh, invalid([{ path: 'input.criteria.2.maxScore', message: 'must be >= 0' }]))).toBe('输入有误：第 3 个评分项的「满分」格式不对');
    expect(describeError(zh, invalid([]))).toBe('输入有误：第 3 个评分项的「满分」格式不对');
    expect(describeError(zh, new ApiError('BAD_USER_INPUT', 'Variable "$input" got invalid value'))).toBe('输入有误，请检查后重试。');
  });

  it('words every ErrorReason of the schema, the new ones included', () => {
    for (const reason of enumValues('ErrorReason')) {
      const text = describeError(zh, refused('FORBIDDEN', reason));
      expect(text, reason).not.toMatch(/Scoring has ended|error\./);
      expect(text, reason).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(describeError(zh, refused('CONFLICT', 'REJECTED_AFTER_CLOSE'))).toBe('评分已结束，未计入成绩（已记录）。');
    expect(describeError(zh, refused('CONFLICT', 'PANEL_FIXED'))).toContain('评委名单不能再调整');
    expect(describeError(zh, refused('CONFLICT', 'HAS_RESULTS'))).toContain('请改为归档');
  });

  it('keeps the fallbacks: unknown reasons by code, internal faults with their request id, lost connections', () => {
    expect(describeError(zh, refused('FORBIDDEN', 'SOMETHING_NEW'))).toBe('没有权限执行此操作。');
    const notFound = new ApiError('NOT_FOUND', 'Round r1 not found', {
      errors: [{ message: 'Round r1 not found', extensions: { code: 'NOT_FOUND', kind: 'Round', id: 'r1' } }],
    });
    expect(describeError(zh, notFound)).toBe('未找到轮次，可能已被删除，请刷新后重试。');
    const internal = new ApiError('INTERNAL_SERVER_ERROR', 'Internal server error', {
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' } }],
    });
    expect(describeError(zh, internal)).toBe('服务器内部错误（请求编号 req-42）。');
    expect(describeError(zh, new ApiError('NETWORK', 'Failed to fetch'))).toBe('网络连接失败，请检查网络后重试。');
    expect(describeError(zh, new TypeError('x is undefined'))).toBe('出错了，请刷新页面后重试（TypeError）。');
    expect(describeError(en, internal)).toBe('Internal server error (request req-42).');
  });
});
