/**
 * The Markdown report as a pull-request comment, through the GitHub REST API: one comment per
 * pull request and category, found again by a hidden marker and updated, so that each push
 * replaces the report instead of adding one. The API's base URL is `GITHUB_API_URL` (GitHub
 * Enterprise Server sets its own).
 */
import { readFileSync } from 'node:fs';
import { truncated } from './github-env.mjs';

/** GitHub refuses comments longer than this. */
const COMMENT_LIMIT = 65_536;
/** Pages of 100 comments looked through for an earlier report; a longer thread gets a new one. */
const MAX_PAGES = 20;

/** The hidden first line that marks the action's comment for this category. */
export function commentMarker(category) {
  return `<!-- faasguard-action: ${category.replace(/--/g, '- -')} -->`;
}

/** The pull request of the event that started the job, or undefined for other events. */
export function pullRequestNumber(env = process.env) {
  if (env.GITHUB_EVENT_NAME !== 'pull_request' && env.GITHUB_EVENT_NAME !== 'pull_request_target') return undefined;
  if (!env.GITHUB_EVENT_PATH) return undefined;
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  const number = event?.pull_request?.number;
  return Number.isInteger(number) ? number : undefined;
}

/**
 * Posts the report on pull request `number`, or updates the earlier one. Returns what it did
 * (`created` or `updated`) with the comment's URL; throws with the API's answer when it fails.
 */
export async function upsertComment({ apiUrl, repository, number, token, category, markdown }) {
  const marker = commentMarker(category);
  const note = '\n\n… (cut: the full report is in the job summary)\n';
  const body = `${marker}\n${truncated(markdown, COMMENT_LIMIT - marker.length - 1, note)}`;
  const api = new GitHubApi(apiUrl, token);
  const earlier = await findComment(api, repository, number, marker);
  if (earlier !== undefined) {
    const updated = await api.request('PATCH', `/repos/${repository}/issues/comments/${earlier.id}`, { body });
    return { action: 'updated', url: updated.html_url };
  }
  const created = await api.request('POST', `/repos/${repository}/issues/${number}/comments`, { body });
  return { action: 'created', url: created.html_url };
}

async function findComment(api, repository, number, marker) {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await api.request('GET', `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`);
    const found = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(marker));
    if (found) return found;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}

class GitHubApi {
  constructor(baseUrl, token) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.token = token;
  }

  async request(method, path, body) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${this.token}`,
        'User-Agent': 'faasguard-action',
        'X-GitHub-Api-Version': '2022-11-28',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${response.statusText} ${text.slice(0, 200)}`.trim());
    return text === '' ? {} : JSON.parse(text);
  }
}
