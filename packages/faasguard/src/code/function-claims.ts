/**
 * Which thread analyzes each function of the second thread's share (see `code-facts-threads.ts`):
 * the second thread claims them from the first on, the main thread, once its own work is done, from
 * the last back; each stops at the first function the other has claimed. The claims live in shared
 * memory, so no function is analyzed twice and neither thread waits for the other, whichever of them
 * turns out faster on a given app and machine.
 */
export class FunctionClaims {
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;

  /** New claims for `count` functions, or the claims another thread made (its `buffer`). */
  constructor(countOrBuffer: number | SharedArrayBuffer) {
    this.buffer = typeof countOrBuffer === 'number' ? new SharedArrayBuffer(countOrBuffer * Int32Array.BYTES_PER_ELEMENT) : countOrBuffer;
    this.cells = new Int32Array(this.buffer);
  }

  /** Claims function `index` for this thread: false when it was claimed already. */
  take(index: number): boolean {
    return Atomics.compareExchange(this.cells, index, 0, 1) === 0;
  }
}
