/**
 * The trigger families of Cognito user pools. A trigger source is
 * `<family>_<variant>`, such as `PreSignUp_SignUp` or
 * `PostConfirmation_ConfirmForgotPassword`.
 */
export const COGNITO_TRIGGER_FAMILIES = [
  'PreSignUp', 'PostConfirmation', 'PreAuthentication', 'PostAuthentication', 'CustomMessage', 'TokenGeneration',
  'UserMigration', 'DefineAuthChallenge', 'CreateAuthChallenge', 'VerifyAuthChallengeResponse', 'CustomEmailSender',
  'CustomSMSSender',
] as const;

/** One of {@link COGNITO_TRIGGER_FAMILIES}. */
export type CognitoTriggerFamily = (typeof COGNITO_TRIGGER_FAMILIES)[number];

/** A Cognito `triggerSource`, such as `PreSignUp_SignUp`. */
export type CognitoTriggerSource = `${CognitoTriggerFamily}_${string}`;

const families: ReadonlySet<string> = new Set(COGNITO_TRIGGER_FAMILIES);

/** True for a name of a known family with a variant: a misspelt family would otherwise refuse every event. */
export function isCognitoTriggerSource(value: unknown): value is CognitoTriggerSource {
  if (typeof value !== 'string') return false;
  const [family, variant] = value.split('_');
  return families.has(family!) && Boolean(variant);
}
