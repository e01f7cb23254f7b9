// Unit tests for reading one physical line of an uploaded file (CRLF, LF, BOM, out of range).
import { describe, expect, it } from 'vitest';
import { physicalLine } from '../../renderer/src/features/validate/physicalLine';

describe('physicalLine', () => {
  const text = '\uFEFFhead,er\r\nrow,one\r\n\r\nrow,"three"\nlast';

  it('returns the line without its line ending, the first without the BOM', () => {
    expect(physicalLine(text, 1)).toBe('head,er');
    expect(physicalLine(text, 2)).toBe('row,one');
    expect(physicalLine(text, 4)).toBe('row,"three"');
    expect(physicalLine(text, 5)).toBe('last');
  });

  it('returns an empty string for a blank line', () => {
    expect(physicalLine(text, 3)).toBe('');
  });

  it('returns undefined beyond the end or for line 0', () => {
    expect(physicalLine(text, 6)).toBeUndefined();
    expect(physicalLine('a\n', 2)).toBeUndefined();
    expect(physicalLine(text, 0)).toBeUndefined();
  });
});
