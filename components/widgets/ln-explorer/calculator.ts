/** The L(N) explorer's browser half for the kit: its pure `compute` and its lazily loaded figure. */
import type { CalculatorModule } from '../kit/types.ts';
import { compute, type LnExplorerConstants, type LnExplorerState } from './state.ts';

const calculator: CalculatorModule<LnExplorerState, LnExplorerConstants> = {
  compute,
  loadFigure: () => import('./figure.ts'),
};
export const { loadFigure } = calculator;
export { compute };
