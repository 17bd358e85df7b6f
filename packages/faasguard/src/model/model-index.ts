/**
 * Lookups over a finished AppModel, for rules and analyses. Every lookup is a map read, so that a
 * rule looping over functions stays linear in the size of the app (10,000 functions and more).
 *
 * `ModelIndex.of(model)` shares one index per model for the whole scan; the model must not change
 * afterwards (loaders build it, everything after only reads).
 */
import { pushTo } from '../util/multimap.js';
import type { Api, AppModel, IamRole, InvokePermission, LambdaFunction, Resource, Route, Stack, Trigger } from './app-model.js';

const SHARED = new WeakMap<AppModel, ModelIndex>();

export class ModelIndex {
  private readonly functions = new Map<string, LambdaFunction>();
  private readonly apis = new Map<string, Api>();
  private readonly resources = new Map<string, Resource>();
  private readonly roles = new Map<string, IamRole>();
  private readonly routes = new Map<string, Route>();
  private readonly routesByApi = new Map<string, Route[]>();
  private readonly functionsByRole = new Map<string, LambdaFunction[]>();
  private readonly triggersByFunction = new Map<string, Trigger[]>();
  private readonly triggersBySource = new Map<string, Trigger[]>();
  private readonly permissionsByFunction = new Map<string, InvokePermission[]>();
  private readonly stacks = new Map<string, Stack>();
  private readonly resourcesByType = new Map<string, Resource[]>();

  /** The index of a finished model, built once and shared by every rule and analysis. */
  static of(model: AppModel): ModelIndex {
    let index = SHARED.get(model);
    if (!index) SHARED.set(model, (index = new ModelIndex(model)));
    return index;
  }

  constructor(readonly model: AppModel) {
    for (const s of model.stacks) this.stacks.set(s.id, s);
    for (const f of model.functions) this.functions.set(f.id, f);
    for (const a of model.apis) this.apis.set(a.id, a);
    for (const r of model.resources) {
      this.resources.set(r.id, r);
      pushTo(this.resourcesByType, r.type, r);
    }
    for (const r of model.roles) this.roles.set(r.id, r);
    for (const r of model.routes) {
      this.routes.set(r.id, r);
      pushTo(this.routesByApi, r.apiId, r);
    }
    for (const f of model.functions) if (f.role) pushTo(this.functionsByRole, f.role.roleId, f);
    for (const p of model.permissions) if (p.functionId !== undefined) pushTo(this.permissionsByFunction, p.functionId, p);
    for (const t of model.triggers) {
      pushTo(this.triggersByFunction, t.functionId, t);
      if (t.sourceId !== undefined) pushTo(this.triggersBySource, t.sourceId, t);
    }
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

  role(id: string | undefined): IamRole | undefined {
    return id === undefined ? undefined : this.roles.get(id);
  }

  /** The execution role a function runs with, when the model has it. */
  roleOf(fn: LambdaFunction): IamRole | undefined {
    return this.role(fn.role?.roleId);
  }

  route(id: string | undefined): Route | undefined {
    return id === undefined ? undefined : this.routes.get(id);
  }

  routesOf(api: Api): Route[] {
    return this.routesByApi.get(api.id) ?? [];
  }

  /** Functions that run with the role, in model order. */
  functionsUsing(role: IamRole): LambdaFunction[] {
    return this.functionsByRole.get(role.id) ?? [];
  }

  /** Triggers that invoke the function, in model order. */
  triggersOf(fn: LambdaFunction): Trigger[] {
    return this.triggersByFunction.get(fn.id) ?? [];
  }

  /** Invoke permissions (`AWS::Lambda::Permission`) that name the function, in model order. */
  permissionsOf(fn: LambdaFunction): InvokePermission[] {
    return this.permissionsByFunction.get(fn.id) ?? [];
  }

  /** The application an element belongs to (see `Stack.app`); its stack id when the stack is not in the model. */
  appOf(element: { stack: string }): string {
    return this.stacks.get(element.stack)?.app ?? element.stack;
  }

  /** The stack (template, service or configuration) an element is declared in. */
  stackOf(element: { stack: string }): Stack | undefined {
    return this.stacks.get(element.stack);
  }

  /** Resources of a CloudFormation type (`AWS::Cognito::UserPoolClient`), in model order. */
  resourcesOfType(type: string): Resource[] {
    return this.resourcesByType.get(type) ?? [];
  }

  /** Resources of any of the types, type by type, each in model order: what a rule judges, without walking every resource. */
  resourcesOfTypes(types: Iterable<string>): Resource[] {
    const out: Resource[] = [];
    for (const type of types) out.push(...this.resourcesOfType(type));
    return out;
  }

  /** Triggers whose events come from the resource, in model order. */
  triggersFrom(sourceId: string): Trigger[] {
    return this.triggersBySource.get(sourceId) ?? [];
  }
}
