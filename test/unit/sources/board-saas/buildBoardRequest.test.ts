import { describe, expect, it } from 'vitest';
import { buildBoardRequest } from '../../../../packages/core/src/sources/board-saas/buildBoardRequest';
import { BoardRequestError } from '../../../../packages/core/src/sources/board-saas/errors';
import { KANSAS, LICENSE, licensedSubject } from './factories';

describe('buildBoardRequest', () => {
  it('searches the board host by license number, one page at a time', () => {
    const request = buildBoardRequest(KANSAS, licensedSubject(), {
      skip: 20,
      take: 10,
    });
    const url = new URL(request.url);

    expect(request).toMatchObject({
      source: 'board-ks',
      method: 'GET',
      accept: ['application/json'],
    });
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(
      `https://${KANSAS.host}${KANSAS.searchPath}`,
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      keyword: LICENSE,
      skip: '20',
      take: '10',
    });
  });

  it('sets no user agent of its own: the egress client sends the tier one', () => {
    const request = buildBoardRequest(KANSAS, licensedSubject(), {
      skip: 0,
      take: 10,
    });

    expect(request.headers).toBeUndefined();
  });

  it('refuses a subject without a license number, naming no number', () => {
    const build = () =>
      buildBoardRequest(KANSAS, licensedSubject({ license: undefined }), {
        skip: 0,
        take: 10,
      });

    expect(build).toThrow(BoardRequestError);
    expect(build).toThrow(/sub_0001.*board-ks/);
  });
});
