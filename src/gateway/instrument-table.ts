// The instruments as the gateway checks orders against them: Symbol (55) → instrument, and the
// trading state, which changes during the day (the caller reports SetTradingState results here).
import type { Instrument } from '../config/instrument-config';
import type { TradingState } from '../matcher/types';

export class InstrumentTable {
  private readonly bySymbol = new Map<string, Instrument>();
  private readonly byId = new Map<number, Instrument>();
  private readonly states = new Map<number, TradingState>();

  constructor(instruments: readonly Instrument[]) {
    for (const ins of instruments) {
      this.bySymbol.set(ins.symbol, ins);
      this.byId.set(ins.id, ins);
      this.states.set(ins.id, ins.state);
    }
  }

  symbol(symbol: string): Instrument | undefined {
    return this.bySymbol.get(symbol);
  }

  id(symbolId: number): Instrument | undefined {
    return this.byId.get(symbolId);
  }

  state(symbolId: number): TradingState | undefined {
    return this.states.get(symbolId);
  }

  setState(symbolId: number, state: TradingState): void {
    if (this.byId.has(symbolId)) this.states.set(symbolId, state);
  }
}
