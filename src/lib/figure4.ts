/**
 * Epoch AI's points read off Hoffmann et al. 2022, Figure 4 (left panel): the in-repository copy
 * `content/data/epoch-figure4/svg_extracted_data.csv`, parsed once. Provenance, checksum and the
 * extraction method: `content/data/epoch-figure4/SOURCE.md`. Credit Hoffmann et al. 2022 (the runs)
 * and Epoch AI (the extraction) wherever these points are used.
 */
import csv from '../../content/data/epoch-figure4/svg_extracted_data.csv?raw';
import { dropHighestLoss, parseFigure4Csv, type Figure4Point } from './fit.ts';

/** Path of the CSV in the repository (named in error messages). */
export const FIGURE4_FILE = 'content/data/epoch-figure4/svg_extracted_data.csv';

/** Epoch AI's repository, where the extraction and its notebooks live. */
export const FIGURE4_REPOSITORY = 'https://github.com/epoch-research/analyzing-chinchilla';

/** The CSV's text, byte for byte as committed. */
export const figure4Csv: string = csv;

/** All 245 points (N parameters, C FLOPs, D = C / 6N tokens, loss in nats/token). */
export const figure4Points: readonly Figure4Point[] = parseFigure4Csv(csv, FIGURE4_FILE);

/** The 240 points of Epoch's main fit: the 5 highest losses dropped (Besiroglu et al. 2024). */
export const figure4FitPoints: readonly Figure4Point[] = dropHighestLoss(figure4Points, 5);
