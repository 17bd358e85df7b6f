/**
 * `layers`: each becomes an `AWS::Lambda::LayerVersion` named `<Name>LambdaLayer`, the id functions
 * and `resources` refer to (`{ Ref: SharedLambdaLayer }`). Its content is the local `path`,
 * so that the layer's code is read like a function's.
 */
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext } from './context.js';
import { entries, first, text } from './nodes.js';

export function compileLayers(ctx: CompileContext): void {
  const layers = ctx.config.entries.find((e) => e.key === 'layers')?.value;
  for (const { key, keyLoc, value } of entries(layers)) {
    ctx.add(naming.layer(key), 'AWS::Lambda::LayerVersion', {
      LayerName: first(get(value, 'name')) ?? key,
      Description: get(value, 'description'),
      Content: text(get(value, 'path')),
      CompatibleRuntimes: get(value, 'compatibleRuntimes'),
      CompatibleArchitectures: get(value, 'compatibleArchitectures'),
      LicenseInfo: get(value, 'licenseInfo'),
    }, keyLoc);
  }
}
