/**
 * Maps character offsets of a text to lines and columns, by binary search over line starts built
 * in one pass. Shared by the template parsers, the secret detectors and the lockfile parsers.
 */
export class LineIndex {
  /** Offset of the first character of each line */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing `offset` */
  lineIndex(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line containing `offset` */
  lineNumber(offset: number): number {
    return this.lineIndex(offset) + 1;
  }

  /** Offset where 0-based `line` starts; clamped to the text */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)]!;
  }

  /** 1-based line and column of `offset` */
  position(offset: number): { line: number; column: number } {
    const line = this.lineIndex(offset);
    return { line: line + 1, column: offset - this.starts[line]! + 1 };
  }
}
