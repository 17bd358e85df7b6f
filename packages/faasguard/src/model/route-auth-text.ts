import type { Route } from './app-model.js';

/** How a route is protected, in words: `no authorization`, `API key only`, `cognito authorizer Users` … */
export function routeAuthText(route: Route): string {
  if (route.auth.type === 'none') return route.auth.apiKeyRequired ? 'API key only' : 'no authorization';
  if (route.auth.type === 'iam') return 'IAM authorization';
  return `${route.auth.type} authorizer${route.auth.authorizer ? ` ${route.auth.authorizer}` : ''}`;
}
