import type { Detector } from '../hit.js';
import { tokenFormatDetector } from './token-formats.js';
import { pairedSecretDetector } from './paired-secrets.js';
import { privateKeyDetector } from './private-key.js';
import { gcpServiceAccountDetector } from './gcp-service-account.js';
import { jwtDetector } from './jwt.js';
import { bearerTokenDetector } from './bearer-token.js';
import { urlCredentialsDetector } from './url-credentials.js';
import { genericAssignmentDetector } from './generic-assignment.js';

/** Detectors that recognise a secret by its own shape or structure. */
export const FORMAT_DETECTORS: readonly Detector[] = [
  tokenFormatDetector,
  pairedSecretDetector,
  privateKeyDetector,
  gcpServiceAccountDetector,
  jwtDetector,
  bearerTokenDetector,
  urlCredentialsDetector,
];

/** Every detector, the name-based one last (it loses every overlap). */
export const ALL_DETECTORS: readonly Detector[] = [...FORMAT_DETECTORS, genericAssignmentDetector];
