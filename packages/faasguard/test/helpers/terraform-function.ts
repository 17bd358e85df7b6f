/**
 * A Terraform `aws_lambda_function` of Python code, named `name`, whose handler is `<name>.handler`:
 * what tests of the resources that invoke a function need of it.
 */
export function terraformFunction(name: string): string {
  return `resource "aws_lambda_function" "${name}" {
  function_name = "${name}"
  role          = "arn:aws:iam::123456789012:role/${name}"
  runtime       = "python3.13"
  handler       = "${name}.handler"
  filename      = "${name}.zip"
}
`;
}
