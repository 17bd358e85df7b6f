/**
 * How a project gets a package: the chain of packages from one the project declares to the
 * package itself. A chain points at the chain of the package that pulls it in, so the chains of a
 * whole graph share their beginnings and take memory linear in its size however deep it goes (a
 * 20,000-deep lockfile is 20,000 links, not 200 million copied labels).
 */
import { createHash } from 'node:crypto';
import { countText } from '../util/count-text.js';

export interface DependencyPath {
  /** This package: `name@version`, or the name alone when the version is unknown */
  readonly label: string;
  /** The chain of the package that pulls this one in; absent for a package the project declares */
  readonly parent?: DependencyPath;
  /** The package the project declares, where the chain starts (this one when direct) */
  readonly root?: DependencyPath;
  /** Number of packages in the chain, this one included */
  readonly length: number;
  /**
   * Identifies the chain among the chains of a lockfile: the labels joined with `>` while that is
   * short (finding fingerprints have always used it), then a digest of the parent's key and the
   * label, so that a key stays small at any depth.
   */
  readonly key: string;
}

/** Longest key kept as joined labels; longer chains are keyed by a digest. */
const MAX_JOINED_KEY = 1024;
/** Packages named in a message before the chain is shortened to its start and its end. */
const MAX_SHOWN = 8;
/** Packages shown before this one when a chain is shortened. */
const SHOWN_END = 3;

/** The chain of a package the project declares. */
export function directPath(label: string): DependencyPath {
  return { label, length: 1, key: label };
}

/** The chain of a package `parent`'s package pulls in. */
export function extendPath(parent: DependencyPath, label: string): DependencyPath {
  const joined = parent.key.length + 1 + label.length <= MAX_JOINED_KEY && !parent.key.startsWith(DIGEST);
  const key = joined ? `${parent.key}>${label}` : digest(parent.key, label);
  return { label, parent, root: parent.root ?? parent, length: parent.length + 1, key };
}

/** A chain from its labels, the declared package first. */
export function pathOf(labels: readonly string[]): DependencyPath {
  const [first, ...rest] = labels;
  let path = directPath(first ?? '');
  for (const label of rest) path = extendPath(path, label);
  return path;
}

/** Every label of the chain, the declared package first. */
export function pathLabels(path: DependencyPath): string[] {
  const labels: string[] = [];
  for (let at: DependencyPath | undefined = path; at !== undefined; at = at.parent) labels.push(at.label);
  return labels.reverse();
}

/**
 * The packages that pull this one in, for a message: `a > b > c`; a long chain is shortened to the
 * package the project declares and the last few (`a > … 19,993 more … > x > y > z`).
 */
export function pulledInBy(path: DependencyPath): string {
  const parent = path.parent;
  if (parent === undefined) return '';
  if (parent.length <= MAX_SHOWN) return pathLabels(parent).join(' > ');
  const end: string[] = [];
  for (let at: DependencyPath | undefined = parent; at !== undefined && end.length < SHOWN_END; at = at.parent) end.unshift(at.label);
  const skipped = parent.length - SHOWN_END - 1;
  return [path.root?.label ?? '', `… ${countText(skipped)} more …`, ...end].join(' > ');
}

const DIGEST = 'sha256:';

function digest(parentKey: string, label: string): string {
  return DIGEST + createHash('sha256').update(parentKey).update('>').update(label).digest('hex');
}
