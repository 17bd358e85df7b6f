/**
 * Files of installed third-party packages that sit in the scanned tree: a committed
 * `vendor/` or `site-packages/` folder, a virtual environment, the `python/` folder of a layer
 * built with `pip install -t`, the `package/` folder of a zip build. They are code the project
 * deploys but did not write: their test keys and documentation examples (botocore's
 * `data/**\/examples-1.json` is full of them) are not the project's secrets, and their imports
 * are not the project's dependencies. Their own vulnerabilities are the lockfile's business.
 *
 * `node_modules` is never walked at all (see discover.ts).
 */
/** Directories where Python installs packages, and nothing else. */
const PYTHON_PACKAGE_DIRS = new Set(['site-packages', 'dist-packages', '.venv', 'venv', '__pypackages__']);

/** Directory names that hold only installed packages. */
const VENDOR_DIRS = new Set(['vendor', 'vendored', ...PYTHON_PACKAGE_DIRS, 'bower_components', 'jspm_packages']);

/** Metadata directories pip writes beside each installed distribution. */
const INSTALL_METADATA = /\.(?:dist-info|egg-info)$/i;

/**
 * A predicate telling whether a file (relative path, forward slashes) belongs to an installed
 * package. A directory holding a `*.dist-info` or `*.egg-info` directory is a pip install target:
 * its subdirectories are installed packages. Its own top-level files stay the project's, because
 * a handler is often written beside packages installed into the function folder.
 */
export function vendoredFileTest(files: Iterable<{ rel: string }>): (rel: string) => boolean {
  const installTargets = installTargetsOf(files);
  return (rel) => isVendoredPath(rel) || insideInstallTarget(rel, installTargets);
}

/**
 * A predicate telling whether a file belongs to a package pip installed: inside a virtual
 * environment, `site-packages`, a distribution's metadata, or a subdirectory of an install target
 * (see `vendoredFileTest`). Such a folder holds only what pip put there, never a template of the
 * project; `vendor/` is left out, since a project may keep its own files there.
 */
export function pythonPackageFileTest(files: Iterable<{ rel: string }>): (rel: string) => boolean {
  const installTargets = installTargetsOf(files);
  return (rel) => inPackageDir(rel, PYTHON_PACKAGE_DIRS) || insideInstallTarget(rel, installTargets);
}

/** Directories holding a `*.dist-info` or `*.egg-info` directory: pip install targets. */
function installTargetsOf(files: Iterable<{ rel: string }>): Set<string> {
  const installTargets = new Set<string>();
  for (const f of files) {
    const parts = f.rel.split('/');
    const i = parts.findIndex((p) => INSTALL_METADATA.test(p));
    if (i >= 0) installTargets.add(parts.slice(0, i).join('/'));
  }
  return installTargets;
}

/** A path with a vendor directory or an installed distribution's metadata among its directories. */
export function isVendoredPath(rel: string): boolean {
  return inPackageDir(rel, VENDOR_DIRS);
}

/** A path with one of `dirNames` or an installed distribution's metadata among its directories. */
function inPackageDir(rel: string, dirNames: ReadonlySet<string>): boolean {
  const dirs = rel.split('/').slice(0, -1);
  return dirs.some((d) => dirNames.has(d.toLowerCase()) || INSTALL_METADATA.test(d));
}

function insideInstallTarget(rel: string, targets: ReadonlySet<string>): boolean {
  if (targets.size === 0) return false;
  const dirs = rel.split('/').slice(0, -1);
  // Only prefixes with at least one directory below them: a file directly in the target is not inside a package.
  for (let k = 0; k < dirs.length; k++) if (targets.has(dirs.slice(0, k).join('/'))) return true;
  return false;
}
