/**
 * Lookups over a finished AppModel, for rules and analyses.
 */
import type { Api, AppModel, LambdaFunction, Resource, Route } from './app-model.js';

export class ModelIndex {
  private readonly functions = new Map<string, LambdaFunction>();
  private readonly apis = new Map<string, Api>();
  private readonly resources = new Map<string, Resource>();

  constructor(readonly model: AppModel) {
    for (const f of model.functions) this.functions.set(f.id, f);
    for (const a of model.apis) this.apis.set(a.id, a);
    for (const r of model.resources) this.resources.set(r.id, r);
  }

  function(id: string | undefined): LambdaFunction | undefined {
    return id === undefined ? undefined : this.functions.get(id);
  }

  api(id: string | undefined): Api | undefined {
    return id === undefined ? undefined : this.apis.get(id);
  }

  resource(id: string | undefined): Resource | undefined {
    return id === undefined ? undefined : this.resources.get(id);
  }

  routesOf(api: Api): Route[] {
    return this.model.routes.filter((r) => r.apiId === api.id);
  }
}
