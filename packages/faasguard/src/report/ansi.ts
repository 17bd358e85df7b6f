/**
 * The handful of ANSI styles the pretty report uses. Written here rather than imported: five SGR
 * codes do not justify a dependency.
 */

/** A style applied to a piece of text; the identity when colour is off. */
export type Style = (text: string) => string;

export interface Palette {
  bold: Style;
  dim: Style;
  red: Style;
  magenta: Style;
  yellow: Style;
  cyan: Style;
  gray: Style;
}

function sgr(open: number, close: number): Style {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

const plain: Style = (text) => text;

export function createPalette(color: boolean): Palette {
  if (!color) {
    return { bold: plain, dim: plain, red: plain, magenta: plain, yellow: plain, cyan: plain, gray: plain };
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    magenta: sgr(35, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    gray: sgr(90, 39),
  };
}
