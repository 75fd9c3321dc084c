import { describe, expect, it } from 'vitest';
import { isFigureCell, parseFigure, readCell } from './numbers.js';

describe('parseFigure', () => {
  it.each([
    ['9', 9],
    ['0', 0],
    ['1809.71', 1809.71],
    ['１２３', 123],
    ['１８０９．７１', 1809.71],
    ['1,234', 1234],
    ['1，234', 1234],
    ['12,345,678', 12345678],
    [' 1 234 ', 1234],
    ['\u00a042\u3000', 42],
    ['+17', 17],
    ['-3', -3],
    ['－3', -3],
    ['15件', 15],
    ['4068.208万元', 4068.208],
  ])('reads %j as %j', (cell, expected) => {
    expect(parseFigure(cell)).toBe(expected);
  });

  it.each(['', '   ', '—', '——', '-', '--', '/', '／', '无', '－'])('reads %j as blank (null)', (cell) => {
    expect(parseFigure(cell)).toBeNull();
  });

  it.each(['予以公开', '1.属于国家秘密', '1,23', '2024-01-17', '014314799/2024-00002', '元', '数据1'])(
    'reads %j as text, not a figure',
    (cell) => {
      expect(parseFigure(cell)).toBeUndefined();
      expect(isFigureCell(cell)).toBe(false);
    },
  );

  it('tells number, blank and text apart', () => {
    expect(readCell('7')).toEqual({ kind: 'number', value: 7 });
    expect(readCell('—')).toEqual({ kind: 'blank' });
    expect(readCell('总计')).toEqual({ kind: 'text' });
  });
});
