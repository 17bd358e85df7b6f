/**
 * Thrown when code facts are asked for while another thread is still computing them (see
 * `startCodeAnalysis` in `code-facts.ts`): the rule that asked runs again once they are complete
 * (see `startRules` in `rules/engine.ts`), and what it found before asking is dropped.
 */
export class CodeFactsPending extends Error {
  constructor() {
    super('the code facts are not complete yet');
  }
}
