/**
 * Collects model elements while loaders run, and answers the lookups linking needs.
 */
import type { Api, AppModel, IamRole, InvokePermission, LambdaFunction, Resource, Route, Stack, Trigger } from '../model/app-model.js';
import { display, referencedResource, type Value } from '../model/value.js';

export class ModelBuilder {
  readonly model: AppModel = { stacks: [], functions: [], triggers: [], apis: [], routes: [], resources: [], roles: [], permissions: [] };
  private readonly resourcesById = new Map<string, Resource>();
  private readonly functionsById = new Map<string, LambdaFunction>();
  private readonly aliasesById = new Map<string, LambdaFunction>();
  private readonly apisById = new Map<string, Api>();
  private readonly rolesById = new Map<string, IamRole>();

  addStack(stack: Stack): void {
    this.model.stacks.push(stack);
  }

  addResource(r: Resource): void {
    this.model.resources.push(r);
    this.resourcesById.set(r.id, r);
  }

  addFunction(f: LambdaFunction): void {
    this.model.functions.push(f);
    this.functionsById.set(f.id, f);
  }

  addApi(a: Api): void {
    this.model.apis.push(a);
    this.apisById.set(a.id, a);
  }

  addRole(r: IamRole): void {
    this.model.roles.push(r);
    this.rolesById.set(r.id, r);
  }

  addRoute(r: Route): void {
    this.model.routes.push(r);
  }

  addTrigger(t: Trigger): void {
    this.model.triggers.push(t);
  }

  /** Takes back a route and the trigger it made, when linking finds it is not deployed after all. */
  removeRoute(id: string): void {
    this.model.routes = this.model.routes.filter((r) => r.id !== id);
    this.model.triggers = this.model.triggers.filter((t) => t.routeId !== id);
  }

  addPermission(p: InvokePermission): void {
    this.model.permissions.push(p);
  }

  resource(id: string): Resource | undefined {
    return this.resourcesById.get(id);
  }

  function(id: string): LambdaFunction | undefined {
    return this.functionsById.get(id);
  }

  api(id: string): Api | undefined {
    return this.apisById.get(id);
  }

  role(id: string): IamRole | undefined {
    return this.rolesById.get(id);
  }

  /** The function a value refers to (`!Ref Fn`, `!GetAtt Fn.Arn`, an ARN built with it, or one of its aliases). */
  functionOf(v: Value | undefined): LambdaFunction | undefined {
    const ref = referencedResource(v);
    return ref ? this.functionsById.get(ref.target) ?? this.aliasesById.get(ref.target) : undefined;
  }

  /**
   * The function of a stack whose FunctionName is `name`: a template that names a function by its
   * physical name (a state machine's task, an ARN written out) means that one.
   */
  functionNamed(stack: string, name: string): LambdaFunction | undefined {
    for (const fn of this.functionsById.values()) if (fn.stack === stack && (fn.name === name || display(fn.name) === name)) return fn;
    return undefined;
  }

  /**
   * The resource of a stack and type whose name property (`BucketName`, `QueueName` …) is `name`:
   * a policy that names its bucket by the same parameter or text as the bucket's own name means
   * that bucket (`Bucket: !Ref BucketName` beside `BucketName: !Ref BucketName`).
   */
  resourceNamed(stack: string, type: string, property: string, name: Value | undefined): Resource | undefined {
    if (name === undefined) return undefined;
    const wanted = display(name);
    if (wanted === '') return undefined;
    for (const r of this.resourcesById.values()) {
      const own = r.properties[property];
      if (r.stack === stack && r.type === type && own !== undefined && display(own) === wanted) return r;
    }
    return undefined;
  }

  /** An `AWS::Lambda::Alias` of the template: invoking it invokes its function. */
  addAlias(aliasId: string, fn: LambdaFunction): void {
    this.aliasesById.set(aliasId, fn);
  }

  /** The resource a value refers to. */
  resourceOf(v: Value | undefined): Resource | undefined {
    const ref = referencedResource(v);
    return ref ? this.resourcesById.get(ref.target) : undefined;
  }
}
