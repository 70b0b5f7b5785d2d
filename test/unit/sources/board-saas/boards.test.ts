import { describe, expect, it } from 'vitest';
import { ALLOW_LIST } from '../../../../packages/core/src/egress/allowList';
import { DEFAULT_EGRESS_LIMITS } from '../../../../packages/core/src/egress/limits';
import { statusMeaning } from '../../../../packages/core/src/sources/board-saas/boardStatus';
import {
  BOARD_SOURCE_IDS,
  BOARDS,
  boardFor,
  isBoardSource,
} from '../../../../packages/core/src/sources/board-saas/boards';
import {
  SOURCE_IDS,
  SOURCES,
} from '../../../../packages/core/src/topology/sources';

describe('the configured boards', () => {
  it('makes every board a per-subject source with its own queue and function', () => {
    for (const board of BOARDS) {
      expect(SOURCE_IDS).toContain(board.id);
      expect(SOURCES[board.id]).toMatchObject({
        id: board.id,
        kind: 'per-subject',
        title: board.title,
        adapter: {
          id: `${board.id}-adapter`,
          handler: 'packages/functions/src/boardAdapter.handler',
        },
      });
    }
  });

  it('allow-lists each board host exactly, with limits', () => {
    for (const board of BOARDS) {
      expect(ALLOW_LIST[board.id]).toEqual([
        { host: board.host, port: 443, includeSubdomains: false },
      ]);
      expect(DEFAULT_EGRESS_LIMITS[board.id]).toBeDefined();
    }
  });

  it('has unique board ids that say board-', () => {
    expect(new Set(BOARD_SOURCE_IDS).size).toBe(BOARDS.length);
    expect(BOARD_SOURCE_IDS.every((id) => id.startsWith('board-'))).toBe(true);
  });

  it('finds a board by source id and nothing else', () => {
    expect(boardFor('board-ks')?.jurisdiction).toBe('KS');
    expect(boardFor('sam')).toBeUndefined();
    expect(isBoardSource('board-ks')).toBe(true);
    expect(isBoardSource('nppes')).toBe(false);
  });
});

describe('statusMeaning', () => {
  it.each([
    ['Active', 'active'],
    ['Active - Multistate', 'active'],
    ['ACTIVE  SINGLE-STATE', 'active'],
    ['Expired', 'inactive'],
    ['Lapsed', 'inactive'],
    ['Revoked', 'disciplinary'],
    ['Active - Probation', 'disciplinary'],
    ['Active Pending', 'unknown'],
    ['', 'unknown'],
  ])('reads %j as %s', (status, meaning) => {
    expect(statusMeaning(status)).toBe(meaning);
  });
});
