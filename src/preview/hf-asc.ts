// ASC() for HyperFormula, which lacks it: full-width ASCII (U+FF01–U+FF5E) and U+3000 to half-width, as Excel,
// WPS and LibreOffice do (https://support.microsoft.com/office/asc-function-0b6abf1c-c663-4004-a964-ebc00b723266).
// Development only, like recalc.ts: registered once for the preview and the parity tests.
import { FunctionArgumentType, FunctionPlugin, HyperFormula, type ImplementedFunctions } from 'hyperformula';

type Args = Parameters<FunctionPlugin['runFunction']>;

export class AscPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ASC: { method: 'asc', parameters: [{ argumentType: FunctionArgumentType.STRING }] },
  };

  asc(ast: { args: Args[0] }, state: Args[1]): ReturnType<FunctionPlugin['runFunction']> {
    return this.runFunction(ast.args, state, this.metadata('ASC'), (s: string) =>
      s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' '),
    );
  }
}

let registered = false;
/** Registers ASC once per process (HyperFormula's function registry is global). */
export function registerAsc(): void {
  if (registered || HyperFormula.getRegisteredFunctionNames('enGB').includes('ASC')) return;
  HyperFormula.registerFunctionPlugin(AscPlugin, { enGB: { ASC: 'ASC' }, enUS: { ASC: 'ASC' } });
  registered = true;
}
