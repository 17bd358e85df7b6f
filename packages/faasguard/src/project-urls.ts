/**
 * The project's public addresses, in one place: SARIF's `informationUri` and `helpUri`, and
 * anything else that links to the repository or a rule's page.
 */

/** The source repository. */
export const REPOSITORY_URL = 'https://github.com/faasguard/faasguard';

/** The documentation page of a rule (`docs/rules/<id>.md`, written by `faasguard docs`). */
export function rulePageUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(id)}.md`;
}
