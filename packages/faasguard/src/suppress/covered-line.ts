/**
 * The line an inline directive covers. A comment after something on its line covers that line; a
 * comment alone on its line covers the next line, past other comment lines only, so that
 * directives and explanations can be stacked. A blank line ends the search: the directive then
 * covers that blank line, that is nothing, and is reported as stale. `faasguard-ignore-next-line`
 * always looks at the next line.
 */

/** Where a comment stands. */
export interface CommentPlace {
  /** 0-based index of the comment's line in `lines` */
  index: number;
  /** Something other than white space comes before the comment on its line */
  trailing: boolean;
  nextLine: boolean;
}

/** The 1-based line covered; past the last line when the comment is at the end of the file. */
export function coveredLine(lines: readonly string[], place: CommentPlace, isCommentOnly: (line: string) => boolean): number {
  if (place.trailing && !place.nextLine) return place.index + 1;
  let i = place.index + 1;
  while (i < lines.length && lines[i]!.trim() !== '' && isCommentOnly(lines[i]!)) i++;
  return i + 1;
}
