/**
 * The second grant a public Function URL of the function `Fn` needs since October 2025
 * (`lambda:InvokeFunction` to everyone, through the URL only: see `function-url-grants.ts`),
 * indented to sit under `Resources:`.
 */
export const URL_INVOKE_GRANT = `  UrlInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: '*'
      InvokedViaFunctionUrl: true
`;
