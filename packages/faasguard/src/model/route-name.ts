import type { Route } from './app-model.js';

/**
 * How a route is named to a person: `GET /orders`, or a route key alone: a WebSocket route's
 * (`$connect`, `post`), whose method the model repeats from the key, and `$default`, which takes
 * every method and path no other route of the API takes (the model gives it `ANY`).
 */
export function routeName(route: Pick<Route, 'method' | 'path'>): string {
  if (route.method.toUpperCase() === route.path.toUpperCase() || route.path === '$default') return route.path;
  return `${route.method} ${route.path}`;
}
