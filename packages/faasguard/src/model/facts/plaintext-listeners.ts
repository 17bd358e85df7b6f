/**
 * Listeners of internet-facing Application Load Balancers that take plain HTTP and pass requests on
 * to targets (see `load-balancer-listeners.ts` for which listeners forward). Only a literal `HTTP`
 * protocol counts: CloudFormation has no default for it.
 */
import type { AppModel } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { forwardingListeners, type ForwardingListener } from './load-balancer-listeners.js';

export interface PlaintextListener extends ForwardingListener {
  /** Where `Protocol: HTTP` is written */
  loc: SourceLocation;
}

/** Every plaintext listener of the model's internet-facing Application Load Balancers that forwards, in model order. */
export function plaintextListeners(model: AppModel): PlaintextListener[] {
  return forwardingListeners(model)
    .filter((l) => l.protocol === 'HTTP')
    .map((l) => ({ ...l, loc: l.listener.locate('Protocol') }));
}
