/**
 * The in-repository copy of Epoch AI's Figure-4 extraction: byte for byte the file SOURCE.md
 * names (sha256 from Epoch's repository at commit 9225883), and parsed with file, line and column
 * in every error.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { figure4Csv, figure4Points, figure4FitPoints, FIGURE4_FILE } from '../../src/lib/figure4.ts';
import { parseFigure4Csv } from '../../src/lib/fit.ts';

// sha256 of Epoch's data/svg_extracted_data.csv at 92258837 (content/data/epoch-figure4/SOURCE.md).
const EPOCH_SHA256 = '193478df4e90f040016431996c45682659306840ecdadf83cfb9cd5ca0aa1b30';

describe('Epoch AI Figure-4 data in the repository', () => {
  it('is byte for byte the file Epoch published', () => {
    expect(createHash('sha256').update(figure4Csv, 'utf8').digest('hex')).toBe(EPOCH_SHA256);
    expect(Buffer.byteLength(figure4Csv, 'utf8')).toBe(23224);
  });

  it('parses to 245 points, 240 after dropping the 5 highest losses', () => {
    expect(figure4Points).toHaveLength(245);
    expect(figure4FitPoints).toHaveLength(240);
  });

  it('a bad row fails with the file, the line and the column', () => {
    const lines = figure4Csv.split('\n');
    lines[12] = lines[12]!.replace(/,[^,]*$/, ',not-a-loss');
    expect(() => parseFigure4Csv(lines.join('\n'), FIGURE4_FILE)).toThrow(
      'content/data/epoch-figure4/svg_extracted_data.csv: line 13, column 7 (loss): expected a positive number, received "not-a-loss"',
    );
  });
});
