import { nameOf } from '../subject.js';
import { codeEventRule } from './code-event-rule.js';
import { isWritten } from './written-event-logs.js';

export const secretLogged = codeEventRule(
  {
    id: 'secret-logged',
    title: 'A secret the function reads is written to its logs',
    // Logging, as event-logged: the secrets category (SAS-7) is where secrets are kept, and the reports' redaction runs its rules before any code is analyzed.
    category: 'SAS-5',
    cwe: ['CWE-532'],
    severity: 'medium',
    description:
      "The handler reads a secret (Secrets Manager's `GetSecretValue`, through the AWS SDK or Powertools' `getSecret` / `get_secret`) and writes its value to the logs: the whole response, its `SecretString` or `SecretBinary`, or what the code parsed out of them (`JSON.parse(SecretString).password`), or a dict or object the secret was written into through a part of it (a request whose header the code set to the secret, then logged whole). A plaintext the code decrypts is a secret too: KMS's `Decrypt` and `GenerateDataKey` (their `Plaintext`) and the AWS Encryption SDK's `decrypt` (its `plaintext`), such as the one-time code a Cognito custom SMS or e-mail sender decrypts from its event. The secret is kept in a store with access control, encryption and rotation so that few can read it; its logs are kept long, read by many and exported to other systems, and a copy there is out of reach of rotation and of the secret's own policy. The response's other fields (its ARN, name, version and dates) are not secret, and logging them is not reported; a value that went into another AWS call and came back in its response is AWS's own. A `debug` or `info` call is not reported when the function's environment sets a higher log level.",
    remediation:
      "Log that the secret was read (its name or ARN, its version), never its value: not the response, not `SecretString` or `Plaintext`, not a prefix or a length-revealing part of it. If a copy reached the logs, rotate the secret (or the data key, or invalidate the code), and shorten or purge the log group's retention.",
    example: {
      language: 'python',
      vulnerable: 'response = client.get_secret_value(SecretId=name)\nlogger.info(f"secret response {response}")',
      fixed: 'response = client.get_secret_value(SecretId=name)\nlogger.info("read secret %s version %s", response["ARN"], response["VersionId"])',
    },
    references: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/best-practices.html', 'https://cwe.mitre.org/data/definitions/532.html'],
    judges: ['function code'],
  },
  (a) => a.secretLogs,
  (e, f) => isWritten(e, f.fn) ? {
    message: e.decrypted
      ? `${nameOf(f.fn)} writes the plaintext it gets from ${e.field} to its logs at ${e.loc.file}:${e.loc.line}: whoever can read the logs has what only the key's users could read, beyond the reach of the key's policy.`
      : `${nameOf(f.fn)} writes the value of the secret it reads with ${e.field} to its logs at ${e.loc.file}:${e.loc.line}: whoever can read the logs has the secret, beyond the reach of its policy and its rotation.`,
    key: `${e.loc.file}|${e.what}|${e.field ?? 'secret'}`,
  } : undefined,
);
