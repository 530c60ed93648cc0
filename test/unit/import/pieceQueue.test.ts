// Searching and taking bytes that arrive in pieces: the same answers as one joined buffer, whatever the pieces.
import { describe, expect, it } from 'vitest';
import { PieceQueue } from '../../../src/main/core/import/pieceQueue';

const text = '<row r="1"><c><v>1</v></c></row><row r="2"/><row r="3"><c><v>3</v></c></row></sheetData>';

/** The text cut into pieces of the given sizes, in turn. */
function queueOf(sizes: number[]): PieceQueue {
  const q = new PieceQueue();
  for (let at = 0, k = 0; at < text.length; k++) {
    const n = sizes[k % sizes.length]!;
    q.push(Buffer.from(text.slice(at, at + n), 'latin1'));
    at += n;
  }
  return q;
}

describe('bytes held in pieces', () => {
  it('finds a pattern where one buffer would, across as many pieces as it spans, from any offset', () => {
    const whole = Buffer.from(text, 'latin1');
    for (const sizes of [[1], [2, 1], [3], [5, 1, 1], [7], [1000]]) {
      const q = queueOf(sizes);
      expect(q.size).toBe(whole.length);
      for (const pattern of ['</row>', '</sheetData>', '<row', 'nowhere']) {
        for (let from = 0; from <= whole.length; from += 3) expect(q.indexOf(Buffer.from(pattern), from)).toBe(whole.indexOf(pattern, from));
      }
    }
  });

  it('takes bytes from the front as the pieces that hold them, and peeks without taking', () => {
    const q = queueOf([4, 9]);
    expect(q.peek(10).toString()).toBe(text.slice(0, 10));
    expect(Buffer.concat(q.take(11)).toString()).toBe(text.slice(0, 11));
    expect(q.size).toBe(text.length - 11);
    expect(q.indexOf(Buffer.from('</row>'))).toBe(text.indexOf('</row>') - 11);
    expect(Buffer.concat(q.take(1000)).toString()).toBe(text.slice(11));
    expect(q.size).toBe(0);
    expect(q.take(5)).toEqual([]);
  });
});
