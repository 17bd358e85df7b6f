import type { Route } from './app-model.js';

/**
 * How a route is named to a person: `GET /orders`, or a WebSocket route's key alone (`$connect`,
 * `post`), whose method the model repeats from the key.
 */
export function routeName(route: Pick<Route, 'method' | 'path'>): string {
  if (route.method.toUpperCase() === route.path.toUpperCase()) return route.path;
  return `${route.method} ${route.path}`;
}
